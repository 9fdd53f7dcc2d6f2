// Feed autodiscovery: the <link rel="alternate"> elements an HTML page advertises its feeds with
// (the convention every feed reader follows), resolved against the page's base URL.
import { load } from 'cheerio/slim'
import { canonicalizeUrl } from './url.js'

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
])

export interface FeedLink {
  url: string
  title: string | null
  type: string
}

export function discoverFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const $ = load(html)
  const base = canonicalizeUrl($('base[href]').attr('href') ?? '', pageUrl) ?? pageUrl
  const out: FeedLink[] = []
  const seen = new Set<string>()
  $('link[rel][href]').each((_, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/)
    const type = ($(el).attr('type') ?? '').toLowerCase().split(';')[0]!.trim()
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) return
    const url = canonicalizeUrl($(el).attr('href') ?? '', base)
    if (!url || seen.has(url)) return
    seen.add(url)
    out.push({ url, title: $(el).attr('title')?.trim() || null, type })
  })
  // Comment feeds are rarely what a user means when adding a site.
  return out.sort((a, b) => Number(/comment/i.test(a.url)) - Number(/comment/i.test(b.url)))
}
