// Turns raw items (from a feed or an ingest file) into stored articles: canonical ids, skip what
// is already stored, enrich summaries from the article page, then cluster in publication order.
import type { Deps } from '../core/deps.js'
import { describeError } from '../core/errors.js'
import { articleId } from '../core/ids.js'
import type { ArticleDraft, ArticleOrigin, RawItem } from '../core/types.js'
import type { PipelineContext } from './context.js'
import { enrichFromPage } from './fetch/article-page.js'
import { canonicalizeUrl, hostOf } from './parse/url.js'
import { processArticle } from './process-article.js'

export interface IngestStats {
  seen: number
  added: number
  skipped: number
  failed: number
  errors: { target: string; message: string }[]
}

export interface IngestSource {
  origin: ArticleOrigin
  feedId: string | null
  /** Outlet name used when an item names none. */
  source: string | null
}

type Draft = ArticleDraft & { fetchedAt: string }

export async function ingestItems(
  deps: Deps,
  ctx: PipelineContext,
  items: (RawItem & { from?: IngestSource })[],
  fallback: IngestSource,
  onProgress?: (done: number, total: number) => void,
): Promise<IngestStats> {
  const stats: IngestStats = { seen: items.length, added: 0, skipped: 0, failed: 0, errors: [] }
  const drafts = await toDrafts(deps, items, fallback, stats)
  const existing = await deps.repo.existingArticleIds(drafts.map((d) => d.id))
  const fresh = drafts.filter((d) => !existing.has(d.id))
  stats.skipped += drafts.length - fresh.length
  if (deps.config.fetchArticlePages)
    await enrichAll(
      deps,
      fresh.filter((d) => d.origin === 'feed'),
    )
  fresh.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id))
  let done = 0
  for (const draft of fresh) {
    try {
      await processArticle(deps, ctx, draft)
      stats.added++
    } catch (err) {
      stats.failed++
      stats.errors.push({ target: draft.url, message: describeError(err) })
      deps.log.error('article failed', { url: draft.url, error: describeError(err) })
    }
    onProgress?.(++done, fresh.length)
  }
  return stats
}

async function toDrafts(
  deps: Deps,
  items: (RawItem & { from?: IngestSource })[],
  fallback: IngestSource,
  stats: IngestStats,
): Promise<Draft[]> {
  const now = deps.now().toISOString()
  const byId = new Map<string, Draft>()
  for (const item of items) {
    const url = canonicalizeUrl(item.url)
    if (!url) {
      stats.failed++
      stats.errors.push({
        target: item.url || item.title,
        message: 'item has no usable http(s) URL',
      })
      continue
    }
    const from = item.from ?? fallback
    const id = await articleId(url)
    if (byId.has(id)) {
      stats.skipped++
      continue
    }
    byId.set(id, {
      id,
      url,
      title: item.title.trim() || url,
      source: item.source?.trim() || from.source || hostOf(url) || 'unknown',
      publishedAt: item.published ?? now,
      text: item.text,
      origin: from.origin,
      feedId: from.feedId,
      guid: item.guid ?? null,
      fetchedAt: now,
    })
  }
  return [...byId.values()]
}

/** Fetches article pages for summary-only items, a few at a time; failures keep the summary. */
async function enrichAll(deps: Deps, drafts: Draft[]): Promise<void> {
  const queue = [...drafts]
  const worker = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const page = await enrichFromPage(deps, d)
      if (page) Object.assign(d, page)
    }
  }
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker))
}
