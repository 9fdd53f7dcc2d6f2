// The crawl job: fetch every due feed, then process all new items together in publication order.
// A feed's cache validators (ETag, Last-Modified) are saved only after its items are stored, so a
// crawl killed midway re-fetches them next time instead of losing them.
import type { Deps } from '../core/deps.js'
import { describeError } from '../core/errors.js'
import type { Feed, RawItem } from '../core/types.js'
import { createPipelineContext } from '../pipeline/context.js'
import { decodeBody } from '../pipeline/fetch/decode.js'
import { fetchResource } from '../pipeline/fetch/http.js'
import { nextFetchOnError, nextFetchOnSuccess } from '../pipeline/fetch/schedule.js'
import { ingestItems, type IngestSource, type IngestStats } from '../pipeline/ingest.js'
import { parseFeed } from '../pipeline/parse/feed.js'
import type { FeedPatch } from '../storage/repository.js'
import { recordRun } from './run-log.js'

export interface CrawlReport extends IngestStats {
  feeds: number
  feedsFailed: number
  notModified: number
}

type Fetched = { feed: Feed; items: RawItem[]; patch: FeedPatch; notModified: boolean }

export async function crawlOnce(
  deps: Deps,
  opts: { all?: boolean; onProgress?: (msg: string) => void } = {},
): Promise<CrawlReport> {
  const startedAt = deps.now().toISOString()
  const feeds = opts.all ? await deps.repo.listFeeds() : await deps.repo.dueFeeds(startedAt)
  const report: CrawlReport = {
    feeds: feeds.length,
    feedsFailed: 0,
    notModified: 0,
    seen: 0,
    added: 0,
    skipped: 0,
    failed: 0,
    errors: [],
  }
  const fetched: Fetched[] = []
  let done = 0
  await pool(feeds, deps.config.feedConcurrency, async (feed) => {
    const result = await fetchFeed(deps, feed)
    opts.onProgress?.(`fetched ${++done}/${feeds.length} feeds`)
    if ('error' in result) {
      report.feedsFailed++
      report.errors.push({ target: feed.url, message: result.error })
    } else {
      if (result.notModified) report.notModified++
      fetched.push(result)
    }
  })
  const ctx = await createPipelineContext(deps)
  const items = fetched.flatMap(({ feed, items }) =>
    items.map((i) => ({
      ...i,
      from: { origin: 'feed', feedId: feed.id, source: feed.name } as IngestSource,
    })),
  )
  const stats = await ingestItems(
    deps,
    ctx,
    items,
    { origin: 'feed', feedId: null, source: null },
    (d, t) => opts.onProgress?.(`processed ${d}/${t} new articles`),
  )
  for (const f of fetched) await deps.repo.updateFeed(f.feed.id, f.patch)
  Object.assign(report, { ...stats, errors: [...report.errors, ...stats.errors] })
  await recordRun(deps, 'crawl', startedAt, report)
  return report
}

async function fetchFeed(deps: Deps, feed: Feed): Promise<Fetched | { error: string }> {
  const now = deps.now()
  try {
    const res = await fetchResource(deps.http, feed.url, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      timeoutMs: deps.config.fetchTimeoutMs,
      maxBytes: deps.config.maxBytes,
      allowPrivateNetworks: deps.config.allowPrivateNetworks,
      userAgent: deps.config.userAgent,
    })
    const base: FeedPatch = {
      status: 'ok',
      errorCount: 0,
      lastError: null,
      lastFetchedAt: now.toISOString(),
      lastSuccessAt: now.toISOString(),
      etag: res.etag ?? feed.etag,
      lastModified: res.lastModified ?? feed.lastModified,
      ...(res.permanentUrl ? { url: res.permanentUrl } : {}),
    }
    if (res.notModified) {
      return {
        feed,
        items: [],
        notModified: true,
        patch: { ...base, nextFetchAt: nextFetchOnSuccess(now, null) },
      }
    }
    const parsed = await parseFeed(decodeBody(res.body, res.contentType), res.url, now)
    const patch: FeedPatch = {
      ...base,
      name: feed.name ?? parsed.title,
      siteUrl: feed.siteUrl ?? parsed.siteUrl,
      nextFetchAt: nextFetchOnSuccess(now, parsed.ttlMinutes),
    }
    return { feed, items: parsed.items, patch, notModified: false }
  } catch (err) {
    const message = describeError(err)
    const errorCount = feed.errorCount + 1
    const next = nextFetchOnError(now, errorCount)
    await deps.repo.updateFeed(feed.id, {
      errorCount,
      lastError: message,
      lastFetchedAt: now.toISOString(),
      ...next,
    })
    deps.log.warn('feed failed', { feed_id: feed.id, url: feed.url, error: message })
    return { error: message }
  }
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item)
  }
  await Promise.all(Array.from({ length: Math.min(size, queue.length) }, worker))
}
