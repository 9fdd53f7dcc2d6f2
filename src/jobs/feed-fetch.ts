// Fetches and parses one feed, and computes the feed's new health and schedule (the patch is
// applied by the caller only after the feed's items are stored).
import type { Deps } from '../core/deps.js'
import { AppError, describeError } from '../core/errors.js'
import type { Feed, RawItem } from '../core/types.js'
import { decodeBody } from '../pipeline/fetch/decode.js'
import type { FetchOptions, FetchResult } from '../pipeline/fetch/types.js'
import {
  intervalFromItems,
  nextFetchOnError,
  nextFetchOnSuccess,
  serverDelayMinutes,
} from '../pipeline/fetch/schedule.js'
import { parseFeed } from '../pipeline/parse/feed.js'
import type { FeedPatch } from '../storage/repository.js'

export type FetchDoc = (url: string, opts: Partial<FetchOptions>) => Promise<FetchResult>

export type FeedOutcome =
  | { ok: true; feed: Feed; items: RawItem[]; patch: FeedPatch; notModified: boolean }
  | { ok: false; feed: Feed; error: string; patch: FeedPatch }

export async function fetchFeed(deps: Deps, feed: Feed, fetchDoc: FetchDoc): Promise<FeedOutcome> {
  const now = deps.now()
  const at = now.toISOString()
  // The HTTP status of a response that arrived, so a feed whose 200 body does not parse still
  // shows what the server answered.
  let answered: number | null = null
  try {
    const res = await fetchDoc(feed.url, { etag: feed.etag, lastModified: feed.lastModified })
    answered = res.status
    const healthy: FeedPatch = {
      status: 'ok',
      errorCount: 0,
      lastError: null,
      failingSince: null,
      lastStatus: res.status,
      lastFetchedAt: at,
      lastSuccessAt: at,
      // A 200 replaces the stored validators (dropping one the server no longer sends); on a 304
      // fetchResource already falls back to the ones we sent.
      etag: res.etag,
      lastModified: res.lastModified,
      ...(res.permanentUrl && res.permanentUrl !== feed.url ? { url: res.permanentUrl } : {}),
    }
    const delay = serverDelayMinutes(res, now)
    if (res.notModified) {
      const intervalMinutes = feed.intervalMinutes ?? 60
      const nextFetchAt = nextFetchOnSuccess(now, { intervalMinutes, serverDelayMinutes: delay })
      return { ok: true, feed, items: [], notModified: true, patch: { ...healthy, nextFetchAt } }
    }
    const parsed = await parseFeed(decodeBody(res.body, res.contentType), res.url, now)
    const intervalMinutes = intervalFromItems(
      parsed.items.map((i) => i.published),
      now,
    )
    const patch: FeedPatch = {
      ...healthy,
      name: feed.name ?? parsed.title,
      siteUrl: feed.siteUrl ?? parsed.siteUrl,
      intervalMinutes,
      nextFetchAt: nextFetchOnSuccess(now, {
        intervalMinutes,
        ttlMinutes: parsed.ttlMinutes,
        serverDelayMinutes: delay,
      }),
    }
    return { ok: true, feed, items: parsed.items, patch, notModified: false }
  } catch (err) {
    const patch = errorPatch(feed, err, now)
    if (answered !== null) patch.lastStatus = answered
    return { ok: false, feed, error: describeError(err), patch }
  }
}

function errorPatch(feed: Feed, err: unknown, now: Date): FeedPatch {
  const status = err instanceof AppError ? Number(err.context.status) || null : null
  const retryAfter = err instanceof AppError ? (err.context.retryAfter as string | null) : null
  const errorCount = feed.errorCount + 1
  const next = nextFetchOnError(now, { errorCount, status, retryAfter })
  const message = describeError(err)
  return {
    errorCount,
    lastError: status === 410 ? `${message} (feed is gone; retried weekly)` : message,
    lastStatus: status,
    lastFetchedAt: now.toISOString(),
    failingSince: feed.failingSince ?? now.toISOString(),
    ...next,
  }
}
