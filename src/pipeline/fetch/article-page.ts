// Fetches an article's page when the feed carried only a summary, and keeps the page text when
// it is clearly better. Any failure falls back to the summary: a page is an enrichment, never a
// reason to lose the item.
import type { Deps } from '../../core/deps.js'
import { describeError } from '../../core/errors.js'
import { extractArticlePage } from '../parse/article-page.js'
import { decodeBody } from './decode.js'
import { fetchResource } from './http.js'
import type { FetchResult } from './types.js'

/** Below this many characters a feed's text is treated as a summary, not the article. */
const SUMMARY_CHARS = 600

/** Fetches one article page; the crawler passes one that honours robots.txt and host delays. */
export type PageFetcher = (url: string) => Promise<FetchResult>

export async function enrichFromPage(
  deps: Deps,
  draft: { url: string; text: string; title: string },
  fetchPage: PageFetcher = (url) => plainFetch(deps, url),
): Promise<{ text: string; title?: string } | null> {
  if (draft.text.length >= SUMMARY_CHARS) return null
  try {
    const res = await fetchPage(draft.url)
    const page = extractArticlePage(decodeBody(res.body, res.contentType), res.url)
    if (page.text.length <= draft.text.length) return null
    return { text: page.text, ...(draft.title ? {} : page.title ? { title: page.title } : {}) }
  } catch (err) {
    deps.log.warn('article page not used', { url: draft.url, error: describeError(err) })
    return null
  }
}

function plainFetch(deps: Deps, url: string): Promise<FetchResult> {
  return fetchResource(deps.http, url, {
    timeoutMs: deps.config.fetchTimeoutMs,
    maxBytes: deps.config.maxBytes,
    allowPrivateNetworks: deps.config.allowPrivateNetworks,
    userAgent: deps.config.userAgent,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  })
}
