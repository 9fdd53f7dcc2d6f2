// The XML layer under the feed parser: rss-parser's parseString (never parseURL: fetching is the
// fetch stage's job) with the extra fields sitrep reads, a strict parse with one repaired retry,
// and the root element check. Text constructs are normalised first (see xml-text-constructs).
import Parser from 'rss-parser'
import { AppError } from '../../core/errors.js'
import type { ParsedFeed } from './feed-item.js'
import { repairXml } from './xml-repair.js'
import { normalizeTextConstructs } from './xml-text-constructs.js'

export type XmlNode = Record<string, unknown>

const ROOT_KINDS: Readonly<Record<string, ParsedFeed['kind']>> = {
  rss: 'rss',
  feed: 'atom',
  'rdf:RDF': 'rdf',
}

/** Extra item elements: dates, bodies and a title fallback that rss-parser does not map itself. */
const ITEM_FIELDS = [
  'published',
  'updated',
  'issued',
  'modified',
  'created',
  'id',
  'dcterms:issued',
  'dcterms:created',
  'dcterms:modified',
  'dc:description',
  'itunes:summary',
  'media:title',
  'body',
  'xhtml:body',
  'fullitem',
]

/** `prefix` is a namespace prefix on the root (`<r:rss>`) that rss-parser must not see. */
function newParser(prefix: string | null): Parser {
  const keep = { keepArray: true }
  // rss-parser's typings only allow plain names for feed fields; renames work at runtime.
  const feed = [
    ['$', 'attrs', keep],
    'sy:updatePeriod',
    'sy:updateFrequency',
  ] as unknown as string[]
  const item = [
    ['$', 'attrs', keep],
    ['link', 'links', keep],
  ] as unknown as string[]
  const strip = new RegExp(`^(?:rss${prefix === null ? '' : `|${prefix}`}):`)
  return new Parser({
    defaultRSS: 2,
    customFields: { feed, item: [...item, ...ITEM_FIELDS] },
    // RSS may bind its own namespace to a prefix (<rss:item>, <r:rss>); rss-parser only knows
    // bare names.
    xml2js: { tagNameProcessors: [(name: string) => name.replace(strip, '')] },
  })
}

/** One short line out of a sax/xml2js error ("Invalid character in entity name\nLine: 3..."). */
function shortReason(err: unknown): string {
  if (!(err instanceof Error) || err instanceof TypeError || err instanceof RangeError) {
    return 'unexpected document structure'
  }
  const first = (err.message.split('\n')[0] ?? '').trim().replace(/\.$/, '').toLowerCase()
  const line = /Line: (\d+)/.exec(err.message)?.[1]
  if (/unclosed root tag|unexpected end/.test(first)) return 'document ends early (truncated?)'
  return line === undefined ? first : `${first} at line ${Number(line) + 1}`
}

export interface XmlRoot {
  kind: ParsedFeed['kind']
  /** A namespace prefix on the root element, as in <r:rss>. */
  prefix: string | null
}

async function parseXml(xml: string, root: XmlRoot): Promise<XmlNode> {
  const prefixes = root.prefix === null ? [] : [root.prefix]
  const normalized = normalizeTextConstructs(xml, root.kind === 'atom', prefixes)
  return (await newParser(root.prefix).parseString(normalized)) as unknown as XmlNode
}

/** A strict parse first; one retry with stray `&` and HTML entities repaired (see xml-repair). */
export async function parseTolerant(xml: string, root: XmlRoot): Promise<XmlNode> {
  try {
    return await parseXml(xml, root)
  } catch (first) {
    const repaired = repairXml(xml)
    const fail = (err: unknown) =>
      new AppError('parse_failed', `not a valid RSS/Atom feed: ${shortReason(err)}`, { cause: err })
    if (repaired === xml) throw fail(first)
    try {
      return await parseXml(repaired, root)
    } catch (err) {
      throw fail(err)
    }
  }
}

/** The feed kind and root prefix for a root element name, or null when it is not a feed. */
export function feedRoot(name: string | null): XmlRoot | null {
  const m = name === null ? null : /^(?:([\w.-]+):)?(rss)$/.exec(name)
  if (m !== null) return { kind: 'rss', prefix: m[1] ?? null }
  const kind = name === null ? undefined : ROOT_KINDS[name]
  return kind === undefined ? null : { kind, prefix: null }
}
