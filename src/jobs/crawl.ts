// The crawl job: fetch every due feed, then process all new items together in publication order.
// A feed's cache validators and schedule are saved only after its items are stored, so a crawl
// killed midway re-fetches them next time instead of losing them; a failing feed records its
// error at once and the crawl goes on with the others.
import type { Deps } from '../core/deps.js'
import { describeError } from '../core/errors.js'
import { createPipelineContext } from '../pipeline/context.js'
import {
  createPoliteFetcher,
  createRunLimiter,
  type PoliteFetcher,
  type RobotsCache,
} from '../pipeline/fetch/polite-fetch.js'
import { ingestItems, type IngestSource, type IngestStats } from '../pipeline/ingest.js'
import { fetchFeed, type FeedOutcome, type FetchDoc } from './feed-fetch.js'
import { recordRun } from './run-log.js'

export interface CrawlReport extends IngestStats {
  feeds: number
  feedsFailed: number
  notModified: number
}

export async function crawlOnce(
  deps: Deps,
  opts: { all?: boolean; onProgress?: (msg: string) => void; robotsCache?: RobotsCache } = {},
): Promise<CrawlReport> {
  const startedAt = deps.now().toISOString()
  const feeds = opts.all ? await deps.repo.listFeeds() : await deps.repo.dueFeeds(startedAt)
  const report: CrawlReport = {
    feeds: feeds.length,
    feedsFailed: 0,
    notModified: 0,
    seen: 0,
    duplicates: 0,
    added: 0,
    skipped: 0,
    failed: 0,
    errors: [],
  }
  // One limiter per run: per-host concurrency and delay apply to feeds and pages alike.
  const polite = createPoliteFetcher(deps, createRunLimiter(deps.config), {
    ...deps.config,
    robotsCache: opts.robotsCache,
  })
  const fetchDoc = feedFetcher(deps, polite)
  const fetched: Extract<FeedOutcome, { ok: true }>[] = []
  let done = 0
  await pool(feeds, deps.config.feedConcurrency, async (feed) => {
    const outcome = await fetchFeed(deps, feed, fetchDoc)
    opts.onProgress?.(`fetched ${++done}/${feeds.length} feeds`)
    if (outcome.ok) {
      if (outcome.notModified) report.notModified++
      fetched.push(outcome)
      return
    }
    report.feedsFailed++
    report.errors.push({ target: feed.url, message: outcome.error })
    await saveFeedPatch(deps, outcome.feed.id, outcome.patch)
    deps.log.warn('feed failed', { feed_id: feed.id, url: feed.url, error: outcome.error })
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
    {
      onProgress: (d, t) => opts.onProgress?.(`processed ${d}/${t} new articles`),
      fetchPage: (url) => polite.fetchPage(url),
    },
  )
  for (const f of fetched) await saveFeedPatch(deps, f.feed.id, f.patch)
  Object.assign(report, { ...stats, seen: stats.seen, errors: [...report.errors, ...stats.errors] })
  await recordRun(deps, 'crawl', startedAt, report)
  return report
}

function feedFetcher(deps: Deps, polite: PoliteFetcher): FetchDoc {
  return (url, o) =>
    polite.fetchFeed(url, {
      timeoutMs: deps.config.fetchTimeoutMs,
      maxBytes: deps.config.maxBytes,
      allowPrivateNetworks: deps.config.allowPrivateNetworks,
      userAgent: deps.config.userAgent,
      ...o,
    })
}

/** A permanent redirect to a URL another feed already has must not fail the whole update. */
async function saveFeedPatch(
  deps: Deps,
  id: string,
  patch: Parameters<Deps['repo']['updateFeed']>[1],
) {
  try {
    await deps.repo.updateFeed(id, patch)
  } catch (err) {
    if (!patch.url) throw err
    const { url: _url, ...rest } = patch
    deps.log.warn('feed URL not updated', {
      feed_id: id,
      url: patch.url,
      error: describeError(err),
    })
    await deps.repo.updateFeed(id, rest)
  }
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item)
  }
  await Promise.all(Array.from({ length: Math.min(size, queue.length) }, worker))
}
