// Turns the loosely typed fields a feed parser hands back into a RawItem. Shared by the XML and
// JSON Feed paths so both apply the same URL, title, text and date rules.
import type { RawItem } from '../../core/types.js'
import { parseFeedDate } from './dates.js'
import { htmlToText } from './html-text.js'
import { canonicalizeUrl, hostOf } from './url.js'

const TITLE_FALLBACK_CHARS = 80

/** A parsed feed document. Re-exported by feed.ts, which is where callers import it from. */
export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'rdf' | 'json'
  title: string | null
  siteUrl: string | null
  items: RawItem[]
  /** How often the publisher says to poll (RSS <ttl>, or sy:updatePeriod/Frequency). */
  ttlMinutes: number | null
}

/**
 * One feed entry as read, before the ingest rules apply (no URL -> skipped, title fallbacks).
 * Kept separate so conformance checks can compare every entry, in document order.
 */
export interface FeedEntry {
  url: string | null
  title: string | null
  published: string | null
  text: string
  guid: string | null
}

/** A feed document with all its entries; parseFeed turns it into a ParsedFeed. */
export interface FeedDocument extends Omit<ParsedFeed, 'items'> {
  entries: FeedEntry[]
}

export interface ItemFields {
  /** Candidate links, best first; relative ones resolve against `base`. */
  links: (string | null | undefined)[]
  guid: string | null
  title: string | null
  /** Candidate bodies (HTML or text); the longest after conversion wins. */
  bodies: unknown[]
  /** Bodies used only when all of `bodies` are empty (e.g. a podcast's itunes:summary). */
  fallbackBodies?: unknown[]
  /** Candidate dates, best first. */
  dates: unknown[]
  base: string
}

/**
 * A string from whatever xml2js or JSON produced: strings as is, numbers stringified, `{ _: text }`
 * nodes (elements with attributes) unwrapped, the first element of arrays; anything else is null.
 */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (Array.isArray(value)) return asText(value[0])
  if (typeof value === 'object' && value !== null && '_' in value) {
    return asText((value as { _: unknown })._)
  }
  return null
}

/** A one-line plain-text version of a possibly HTML-escaped title. */
export function cleanTitle(value: unknown): string | null {
  const raw = asText(value)
  if (raw === null) return null
  const text = htmlToText(raw).replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

/** The first ~`max` characters of `text`, cut at a word boundary. */
export function truncateWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

function bestText(bodies: unknown[]): string {
  let best = ''
  for (const body of bodies) {
    const raw = asText(body)
    if (raw === null || raw.trim() === '') continue
    const text = htmlToText(raw)
    if (text.length > best.length) best = text
  }
  return best
}

function itemUrl(fields: ItemFields): string | null {
  for (const link of fields.links) {
    const url = link ? canonicalizeUrl(link, fields.base) : null
    if (url !== null) return url
  }
  // A guid is only a link when it is absolute: "123" must not resolve to <feed>/123.
  const guid = fields.guid?.trim() ?? ''
  return /^https?:\/\//i.test(guid) ? canonicalizeUrl(guid) : null
}

function firstDate(dates: unknown[], now: Date): string | null {
  for (const value of dates) {
    const parsed = parseFeedDate(asText(value), now)
    if (parsed !== null) return parsed
  }
  return null
}

/** The entry as the feed states it; `url` is null when it has no usable http(s) link. */
export function buildEntry(fields: ItemFields, now: Date): FeedEntry {
  return {
    url: itemUrl(fields),
    title: cleanTitle(fields.title),
    published: firstDate(fields.dates, now),
    text: bestText(fields.bodies) || bestText(fields.fallbackBodies ?? []),
    guid: fields.guid?.trim() || null,
  }
}

/** The RawItem for one entry, or null when it has no usable http(s) URL. */
export function toRawItem(entry: FeedEntry, source: string | null): RawItem | null {
  const { url, text } = entry
  if (url === null) return null
  const title = entry.title ?? (text !== '' ? truncateWords(text, TITLE_FALLBACK_CHARS) : url)
  return { url, title, published: entry.published, text, guid: entry.guid, source }
}

/** The ingest view of a document: entries without a URL dropped, `source` filled in. */
export function toParsedFeed(doc: FeedDocument, feedUrl: string): ParsedFeed {
  const { entries, ...meta } = doc
  const source = doc.title ?? hostOf(doc.siteUrl ?? feedUrl)
  const items = entries
    .map((entry) => toRawItem(entry, source))
    .filter((item): item is RawItem => item !== null)
  return { ...meta, items }
}
