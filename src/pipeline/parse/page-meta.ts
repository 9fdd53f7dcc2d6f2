// Metadata of an article page: title, canonical URL, publication date and site name, read from
// Open Graph / article meta tags, JSON-LD and semantic HTML, in that order of trust.
import { parseDateValue, parseFeedDate } from './dates.js'
import { elementsBelow, type DomElement } from './dom.js'
import { cleanTitle } from './feed-item.js'
import { nodesToText, type DomNode } from './html-text.js'
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

/** Meta keys that carry a publication date on sites without article:published_time. */
const DATE_METAS = [
  'datepublished',
  'pubdate',
  'publish-date',
  'parsely-pub-date',
  'dc.date.issued',
  'date',
]

/** The elements metadata is read from, collected in one walk of the document. */
interface Doc {
  metas: Map<string, string>
  all: DomElement[]
}

function collect(root: DomNode): Doc {
  const all = elementsBelow(root)
  const metas = new Map<string, string>()
  for (const el of all) {
    if (el.name !== 'meta') continue
    const key = el.attribs['property'] ?? el.attribs['name'] ?? el.attribs['itemprop']
    const content = el.attribs['content']?.trim()
    // First occurrence wins, as browsers and crawlers read them.
    if (key && content && !metas.has(key.toLowerCase())) metas.set(key.toLowerCase(), content)
  }
  return { metas, all }
}

function metaContent(doc: Doc, key: string): string | null {
  return doc.metas.get(key) ?? null
}

function first(doc: Doc, test: (el: DomElement) => boolean): DomElement | undefined {
  return doc.all.find(test)
}

function rawText(el: DomElement | undefined): string {
  return el === undefined ? '' : nodesToText(el.children)
}

function parseJsonLenient(raw: string): unknown {
  const body = raw.replace(
    /^\s*(?:<!--|\/\/<!\[CDATA\[|<!\[CDATA\[)|(?:-->|\/\/\]\]>|\]\]>)\s*$/g,
    '',
  )
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
function jsonLdObjects(doc: Doc): JsonObject[] {
  const found: JsonObject[] = []
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_LD_DEPTH || typeof value !== 'object' || value === null) return
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1))
    found.push(value as JsonObject)
    for (const child of Object.values(value)) visit(child, depth + 1)
  }
  for (const el of doc.all) {
    if (el.name !== 'script' || el.attribs['type']?.toLowerCase() !== 'application/ld+json')
      continue
    visit(parseJsonLenient(el.children.map((c) => c.data ?? '').join('')), 0)
  }
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

function canonicalOf(doc: Doc, pageUrl: string, ld: JsonObject[]): string | null {
  const link = first(
    doc,
    (el) => el.name === 'link' && /(^|\s)canonical(\s|$)/i.test(el.attribs['rel'] ?? ''),
  )
  const candidates = [
    link?.attribs['href'],
    metaContent(doc, 'og:url'),
    ...ld.filter(isArticle).flatMap((o) => [ldString(o['mainEntityOfPage']), ldString(o['url'])]),
  ]
  for (const candidate of candidates) {
    const url = candidate ? canonicalizeUrl(candidate, pageUrl) : null
    if (url !== null) return url
  }
  return null
}

function publishedOf(doc: Doc, ld: JsonObject[], now: Date | undefined): string | null {
  const times = doc.all.filter((el) => el.name === 'time' && el.attribs['datetime'])
  const inArticle = times.find((el) => hasAncestor(el, 'article'))
  const candidates = [
    metaContent(doc, 'article:published_time'),
    ...byRelevance(ld).map((o) => ldString(o['datePublished'])),
    ...DATE_METAS.map((key) => metaContent(doc, key)),
    inArticle?.attribs['datetime'],
    times[0]?.attribs['datetime'],
  ]
  for (const value of candidates) {
    const iso = now ? parseFeedDate(value, now) : (parseDateValue(value)?.toISOString() ?? null)
    if (iso !== null) return iso
  }
  return null
}

function hasAncestor(el: DomElement, name: string): boolean {
  for (let p = el.parent as DomElement | null | undefined; p; p = p.parent as DomElement | null) {
    if (p.name === name) return true
  }
  return false
}

function siteNameOf(doc: Doc, ld: JsonObject[]): string | null {
  const publisher = byRelevance(ld)
    .map((o) => o['publisher'])
    .find((p) => p !== undefined)
  const fromLd = typeof publisher === 'object' && publisher !== null ? ldName(publisher) : null
  return metaContent(doc, 'og:site_name') ?? fromLd ?? metaContent(doc, 'application-name')
}

function ldName(value: object): string | null {
  const obj = (Array.isArray(value) ? value[0] : value) as JsonObject | undefined
  return typeof obj?.['name'] === 'string' ? obj['name'].trim() || null : null
}

/** Reads the page metadata from a parsed document. Call before any noise is removed. */
export function readPageMeta(root: DomNode, pageUrl: string, now?: Date): PageMeta {
  const doc = collect(root)
  const ld = jsonLdObjects(doc)
  const title =
    cleanTitle(metaContent(doc, 'og:title')) ??
    cleanTitle(rawText(first(doc, (el) => el.name === 'h1'))) ??
    cleanTitle(rawText(first(doc, (el) => el.name === 'title')))
  return {
    title,
    canonicalUrl: canonicalOf(doc, pageUrl, ld),
    publishedAt: publishedOf(doc, ld, now),
    siteName: siteNameOf(doc, ld),
  }
}
