// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 through rss-parser's parseString (never parseURL:
// fetching is the fetch stage's job). rss-parser only gives us a loose object tree, so every
// field is read defensively via asText/pickLink.
import Parser from 'rss-parser'
import { AppError } from '../../core/errors.js'
import type { RawItem } from '../../core/types.js'
import { xmlRootName } from './detect.js'
import { asText, buildItem, cleanTitle, type ParsedFeed } from './feed-item.js'
import { canonicalizeUrl, hostOf } from './url.js'
import { repairXml } from './xml-repair.js'

type Node = Record<string, unknown>

const ROOT_KINDS: Readonly<Record<string, ParsedFeed['kind']>> = {
  rss: 'rss',
  feed: 'atom',
  'rdf:RDF': 'rdf',
}

/** Link relations that never point at the entry's own page. */
const NON_ARTICLE_RELS: ReadonlySet<string> = new Set(
  'self edit edit-media replies enclosure license hub next prev previous first last payment search'.split(
    ' ',
  ),
)

const PERIOD_MINUTES: Readonly<Record<string, number>> = {
  hourly: 60,
  daily: 1440,
  weekly: 10080,
  monthly: 43200,
  yearly: 525600,
}

function newParser(): Parser {
  const keep = { keepArray: true }
  // rss-parser's typings only allow plain names for feed fields; renames work at runtime.
  const feed = [
    ['$', 'attrs', keep],
    'sy:updatePeriod',
    'sy:updateFrequency',
  ] as unknown as string[]
  const item = [['$', 'attrs', keep], ['link', 'links', keep], 'published', 'updated']
  return new Parser({
    defaultRSS: 2,
    customFields: { feed, item: [...item, 'issued', 'modified', 'created', 'id'] },
    // RSS 1.0 may bind its own namespace to a prefix (<rss:item>); rss-parser only knows bare names.
    xml2js: { tagNameProcessors: [(name: string) => name.replace(/^rss:/, '')] },
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

async function parseXml(xml: string): Promise<Node> {
  return (await newParser().parseString(xml)) as unknown as Node
}

/** A strict parse first; one retry with stray `&` and HTML entities repaired (see xml-repair). */
async function parseTolerant(xml: string): Promise<Node> {
  try {
    return await parseXml(xml)
  } catch (first) {
    const repaired = repairXml(xml)
    const fail = (err: unknown) =>
      new AppError('parse_failed', `not a valid RSS/Atom feed: ${shortReason(err)}`, { cause: err })
    if (repaired === xml) throw fail(first)
    try {
      return await parseXml(repaired)
    } catch (err) {
      throw fail(err)
    }
  }
}

function resolveBase(xmlBase: unknown, base: string): string {
  const raw = asText(xmlBase)
  return (raw && canonicalizeUrl(raw, base)) || base
}

/** The entry's own page among its <link> elements: rel=alternate (HTML first), else any other. */
function pickLink(links: unknown, base: string): string | null {
  if (!Array.isArray(links)) return null
  const candidates = links.map((link: unknown) => {
    if (typeof link === 'string') return { href: link, rel: 'alternate', type: '', base }
    const node = (typeof link === 'object' && link !== null ? link : {}) as Node
    const attrs = (node['$'] ?? {}) as Node
    return {
      href: asText(attrs['href']) ?? asText(node['_']) ?? '',
      rel: (asText(attrs['rel']) ?? 'alternate').toLowerCase(),
      type: (asText(attrs['type']) ?? '').toLowerCase(),
      base: resolveBase(attrs['xml:base'], base),
    }
  })
  const usable = candidates.filter((c) => c.href.trim() !== '')
  const best =
    usable.find((c) => c.rel === 'alternate' && (c.type === '' || c.type.includes('html'))) ??
    usable.find((c) => c.rel === 'alternate') ??
    usable.find((c) => !NON_ARTICLE_RELS.has(c.rel))
  return best ? canonicalizeUrl(best.href, best.base) : null
}

function toItem(item: Node, feedBase: string, source: string | null, now: Date): RawItem | null {
  const base = resolveBase((item['attrs'] as Node | undefined)?.['xml:base'], feedBase)
  return buildItem(
    {
      links: [pickLink(item['links'], base), asText(item['rdf:about'])],
      guid: asText(item['guid']) ?? asText(item['id']),
      title: asText(item['title']),
      bodies: [item['content:encoded'], item['content'], item['summary']],
      // Raw values before rss-parser's pubDate: it re-formats Atom dates in the host time zone.
      dates: ['published', 'issued', 'pubDate', 'dc:date', 'created', 'updated', 'modified'].map(
        (key) => item[key],
      ),
      base,
    },
    source,
    now,
  )
}

function positiveInt(value: unknown): number | null {
  const n = Number.parseInt(asText(value)?.trim() ?? '', 10)
  return Number.isFinite(n) && n > 0 ? n : null
}

/** Polling hint: RSS <ttl> in minutes, else the syndication module's period / frequency. */
function ttlOf(feed: Node): number | null {
  const ttl = positiveInt(feed['ttl'])
  if (ttl !== null) return ttl
  const period = PERIOD_MINUTES[(asText(feed['sy:updatePeriod']) ?? '').trim().toLowerCase()]
  if (period === undefined) return null
  return Math.max(1, Math.round(period / (positiveInt(feed['sy:updateFrequency']) ?? 1)))
}

/** Cuts junk before the XML (a PHP warning, a stray line) that strict parsers refuse. */
function fromFirstTag(text: string): string {
  if (text.startsWith('<')) return text
  const start = text.slice(0, 4096).search(/<\?xml|<(?:rss|feed|rdf:RDF)[\s>]/)
  return start > 0 ? text.slice(start) : text
}

/** Parses an XML feed. Throws AppError('parse_failed') with a one-line reason on any failure. */
export async function parseXmlFeed(text: string, feedUrl: string, now: Date): Promise<ParsedFeed> {
  const xml = fromFirstTag(text)
  const root = xmlRootName(xml)
  const kind = root === null ? undefined : ROOT_KINDS[root]
  if (kind === undefined) {
    const reason =
      root === null ? 'no XML root element' : `root element <${root}> is not rss, feed or rdf:RDF`
    throw new AppError('parse_failed', `not a valid RSS/Atom feed: ${reason}`)
  }
  // rss-parser dereferences the channel blindly; say what is missing instead of a TypeError.
  if (kind !== 'atom' && !/<(?:rss:)?channel[\s>]/.test(xml)) {
    throw new AppError('parse_failed', `not a valid RSS/Atom feed: <${root}> has no <channel>`)
  }
  const feed = await parseTolerant(xml)
  const feedBase = resolveBase((feed['attrs'] as Node | undefined)?.['xml:base'], feedUrl)
  const title = cleanTitle(feed['title'])
  const siteUrl = pickLink([feed['link']], feedBase)
  const source = title ?? hostOf(siteUrl ?? feedUrl)
  const rawItems = Array.isArray(feed['items']) ? (feed['items'] as Node[]) : []
  const items = rawItems
    .map((item) => toItem(item, feedBase, source, now))
    .filter((item): item is RawItem => item !== null)
  return { kind, title, siteUrl, items, ttlMinutes: ttlOf(feed) }
}
