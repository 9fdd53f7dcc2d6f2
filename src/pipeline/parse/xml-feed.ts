// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 through rss-parser (see xml-parse). rss-parser only
// gives us a loose object tree, so every field is read defensively via asText/pickLink.
import { AppError } from '../../core/errors.js'
import { xmlRootName } from './detect.js'
import { asText, buildEntry, cleanTitle, type FeedDocument, type FeedEntry } from './feed-item.js'
import { canonicalizeUrl } from './url.js'
import { feedRoot, parseTolerant } from './xml-parse.js'

type Node = Record<string, unknown>

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

/** Item bodies in no particular order: the longest text wins (feed-item bestText). */
const BODY_KEYS = ['content:encoded', 'content', 'summary', 'body', 'xhtml:body', 'fullitem']

/** Bodies that repeat or abridge the main one: only read when the item has no other body. */
const FALLBACK_BODY_KEYS = ['dc:description', 'itunes:summary']

/** Item dates, best first: publication before creation before modification. */
const DATE_KEYS = [
  'published',
  'issued',
  'dcterms:issued',
  'pubDate',
  'dc:date',
  'created',
  'dcterms:created',
  'updated',
  'modified',
  'dcterms:modified',
]

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

function toEntry(item: Node, feedBase: string, now: Date): FeedEntry {
  const base = resolveBase((item['attrs'] as Node | undefined)?.['xml:base'], feedBase)
  return buildEntry(
    {
      links: [pickLink(item['links'], base), asText(item['rdf:about'])],
      guid: asText(item['guid']) ?? asText(item['id']),
      // Media RSS titles stand in for a missing title (video and podcast feeds).
      title: [item['title'], item['media:title']].map(asText).find((t) => t?.trim()) ?? null,
      bodies: BODY_KEYS.map((key) => item[key]),
      fallbackBodies: FALLBACK_BODY_KEYS.map((key) => item[key]),
      // Raw values before rss-parser's pubDate: it re-formats Atom dates in the host time zone.
      dates: DATE_KEYS.map((key) => item[key]),
      base,
    },
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
export async function parseXmlFeed(
  text: string,
  feedUrl: string,
  now: Date,
): Promise<FeedDocument> {
  const xml = fromFirstTag(text)
  const rootName = xmlRootName(xml)
  const root = feedRoot(rootName)
  if (root === null) {
    const reason =
      rootName === null
        ? 'no XML root element'
        : `root element <${rootName}> is not rss, feed or rdf:RDF`
    throw new AppError('parse_failed', `not a valid RSS/Atom feed: ${reason}`)
  }
  const { kind } = root
  // rss-parser dereferences the channel blindly; say what is missing instead of a TypeError.
  if (kind !== 'atom' && !/<(?:[\w.-]+:)?channel[\s>]/.test(xml)) {
    throw new AppError('parse_failed', `not a valid RSS/Atom feed: <${rootName}> has no <channel>`)
  }
  const feed = await parseTolerant(xml, root)
  const feedBase = resolveBase((feed['attrs'] as Node | undefined)?.['xml:base'], feedUrl)
  const title = cleanTitle(feed['title'])
  const siteUrl = pickLink([feed['link']], feedBase)
  const rawItems = Array.isArray(feed['items']) ? (feed['items'] as Node[]) : []
  const entries = rawItems.map((item) => toEntry(item, feedBase, now))
  return { kind, title, siteUrl, entries, ttlMinutes: ttlOf(feed) }
}
