// Metadata of an article page: title, canonical URL, publication date and site name, read from
// Open Graph / article meta tags, JSON-LD and semantic HTML, in that order of trust.
import type { CheerioAPI } from 'cheerio/slim'
import { parseDateValue, parseFeedDate } from './dates.js'
import { cleanTitle } from './feed-item.js'
import { canonicalizeUrl } from './url.js'

export interface PageMeta {
  title: string | null
  canonicalUrl: string | null
  publishedAt: string | null
  siteName: string | null
}

type JsonObject = Record<string, unknown>

const ARTICLE_TYPE = /Article|BlogPosting|Report|Posting|NewsItem/i
const MAX_LD_DEPTH = 6

/** Meta names that carry a publication date on sites without article:published_time. */
const DATE_METAS = [
  'meta[itemprop="datePublished" i]',
  'meta[name="pubdate" i]',
  'meta[name="publish-date" i]',
  'meta[name="parsely-pub-date" i]',
  'meta[name="dc.date.issued" i]',
  'meta[name="date" i]',
]

function metaContent($: CheerioAPI, key: string): string | null {
  const el = $(`meta[property="${key}" i], meta[name="${key}" i]`).first()
  return el.attr('content')?.trim() || null
}

function parseJsonLenient(raw: string): unknown {
  const body = raw.replace(/^\s*(?:<!--|\/\/<!\[CDATA\[|<!\[CDATA\[)|(?:-->|\/\/\]\]>|\]\]>)\s*$/g, '')
  for (const candidate of [body, body.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return JSON.parse(candidate) as unknown
    } catch {
      // CMSs often emit raw newlines inside JSON-LD strings; the second candidate fixes those.
    }
  }
  return null
}

/** Every object in the page's JSON-LD blocks, `@graph` members and nested nodes included. */
export function jsonLdObjects($: CheerioAPI): JsonObject[] {
  const found: JsonObject[] = []
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_LD_DEPTH || typeof value !== 'object' || value === null) return
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1))
    found.push(value as JsonObject)
    for (const child of Object.values(value)) visit(child, depth + 1)
  }
  $('script[type="application/ld+json" i]').each((_, el) => visit(parseJsonLenient($(el).text()), 0))
  return found
}

function isArticle(obj: JsonObject): boolean {
  const type = obj['@type']
  const types = Array.isArray(type) ? type : [type]
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))
}

/** Article-typed objects first: a page's WebSite/Organization nodes carry dates too. */
function byRelevance(objects: JsonObject[]): JsonObject[] {
  return [...objects.filter(isArticle), ...objects.filter((o) => !isArticle(o))]
}

function ldString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return ldString(value[0])
  if (typeof value === 'object' && value !== null) {
    const obj = value as JsonObject
    return ldString(obj['@id'] ?? obj['url'] ?? obj['name'])
  }
  return null
}

function canonicalOf($: CheerioAPI, pageUrl: string, ld: JsonObject[]): string | null {
  const candidates = [
    $('link[rel~="canonical" i]').first().attr('href'),
    metaContent($, 'og:url'),
    ...ld.filter(isArticle).flatMap((o) => [ldString(o['mainEntityOfPage']), ldString(o['url'])]),
  ]
  for (const candidate of candidates) {
    const url = candidate ? canonicalizeUrl(candidate, pageUrl) : null
    if (url !== null) return url
  }
  return null
}

function publishedOf($: CheerioAPI, ld: JsonObject[], now: Date | undefined): string | null {
  const candidates = [
    metaContent($, 'article:published_time'),
    ...byRelevance(ld).map((o) => ldString(o['datePublished'])),
    ...DATE_METAS.map((sel) => $(sel).first().attr('content')),
    $('article time[datetime]').first().attr('datetime'),
    $('time[datetime]').first().attr('datetime'),
  ]
  for (const value of candidates) {
    const iso = now ? parseFeedDate(value, now) : (parseDateValue(value)?.toISOString() ?? null)
    if (iso !== null) return iso
  }
  return null
}

function siteNameOf($: CheerioAPI, ld: JsonObject[]): string | null {
  const publisher = byRelevance(ld)
    .map((o) => o['publisher'])
    .find((p) => p !== undefined)
  const fromLd = typeof publisher === 'object' && publisher !== null ? ldName(publisher) : null
  return metaContent($, 'og:site_name') ?? fromLd ?? metaContent($, 'application-name')
}

function ldName(value: object): string | null {
  const obj = (Array.isArray(value) ? value[0] : value) as JsonObject | undefined
  return typeof obj?.['name'] === 'string' ? obj['name'].trim() || null : null
}

/** Reads the page metadata. Call before any noise is removed from the document. */
export function readPageMeta($: CheerioAPI, pageUrl: string, now?: Date): PageMeta {
  const ld = jsonLdObjects($)
  const title =
    cleanTitle(metaContent($, 'og:title')) ??
    cleanTitle($('h1').first().text()) ??
    cleanTitle($('head > title').first().text() || $('title').first().text())
  return {
    title,
    canonicalUrl: canonicalOf($, pageUrl, ld),
    publishedAt: publishedOf($, ld, now),
    siteName: siteNameOf($, ld),
  }
}
