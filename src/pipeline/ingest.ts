// Turns raw items (from a feed or an ingest file) into stored articles: canonical ids, skip what
// is already stored, enrich summaries from the article page, then, in publication order, check
// for near-duplicates and cluster.
import type { Deps } from '../core/deps.js'
import { describeError } from '../core/errors.js'
import type { RawItem } from '../core/types.js'
import type { PipelineContext } from './context.js'
import { findNearDuplicate } from './dedupe.js'
import { enrichFromPage, type PageFetcher } from './fetch/article-page.js'
import { dropKnownGuids, toDrafts, type Draft, type IngestSource } from './ingest-drafts.js'
import { processArticle } from './process-article.js'

export type { IngestSource } from './ingest-drafts.js'

export interface IngestStats {
  seen: number
  added: number
  /** Already stored (same canonical URL), or repeated within the batch. */
  skipped: number
  /** Kept as a source of an existing story (same GUID under a new URL, or near-duplicate text). */
  duplicates: number
  failed: number
  errors: { target: string; message: string }[]
}

export interface IngestOptions {
  onProgress?: (done: number, total: number) => void
  /** How article pages are fetched (politeness, robots.txt); defaults to a plain fetch. */
  fetchPage?: PageFetcher
}

export async function ingestItems(
  deps: Deps,
  ctx: PipelineContext,
  items: (RawItem & { from?: IngestSource })[],
  fallback: IngestSource,
  opts: IngestOptions = {},
): Promise<IngestStats> {
  const { drafts, repeats, errors } = await toDrafts(deps, items, fallback)
  const stats: IngestStats = {
    seen: items.length,
    added: 0,
    skipped: repeats,
    duplicates: 0,
    failed: errors.length,
    errors,
  }
  const existing = await deps.repo.existingArticleIds(drafts.map((d) => d.id))
  const unseen = drafts.filter((d) => !existing.has(d.id))
  stats.skipped += drafts.length - unseen.length
  const fresh = await dropKnownGuids(deps, unseen)
  stats.duplicates += unseen.length - fresh.length
  if (deps.config.fetchArticlePages) {
    await enrichAll(
      deps,
      fresh.filter((d) => d.origin === 'feed'),
      opts.fetchPage,
    )
  }
  fresh.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id))
  let done = 0
  for (const draft of fresh) {
    try {
      const dup = await findNearDuplicate(deps, draft)
      await processArticle(deps, ctx, { ...draft, ...dup.article }, dup.options)
      stats.added++
      if (dup.options.dedup) stats.duplicates++
    } catch (err) {
      stats.failed++
      stats.errors.push({ target: draft.url, message: describeError(err) })
      deps.log.error('article failed', { url: draft.url, error: describeError(err) })
    }
    opts.onProgress?.(++done, fresh.length)
  }
  return stats
}

/**
 * Fetches article pages for summary-only items; failures keep the summary. More workers than
 * hosts allow is fine: the crawl's host limiter keeps each outlet's pace, and a slow outlet
 * must not hold every worker while other hosts sit idle.
 */
async function enrichAll(deps: Deps, drafts: Draft[], fetchPage?: PageFetcher): Promise<void> {
  const queue = [...drafts]
  const worker = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const page = await enrichFromPage(deps, d, fetchPage)
      if (page) Object.assign(d, page)
    }
  }
  await Promise.all(Array.from({ length: Math.min(16, queue.length) }, worker))
}
