// When to poll a feed next. Issue-3 work refines this with posting frequency and cache headers;
// the rule here is: a steady interval when healthy, exponential backoff with jitter when failing.
import type { FeedStatus } from '../../core/types.js'

const MINUTE = 60_000
export const DEFAULT_INTERVAL_MIN = 15
const MAX_BACKOFF_MIN = 24 * 60

export function nextFetchOnSuccess(
  now: Date,
  ttlMinutes: number | null,
  rand = Math.random,
): string {
  const base = Math.max(DEFAULT_INTERVAL_MIN, Math.min(ttlMinutes ?? 0, MAX_BACKOFF_MIN))
  const jitter = (rand() - 0.5) * 0.2 * base
  return new Date(now.getTime() + (base + jitter) * MINUTE).toISOString()
}

export function nextFetchOnError(
  now: Date,
  errorCount: number,
  rand = Math.random,
): { nextFetchAt: string; status: FeedStatus } {
  // 15, 30, 60 ... minutes, capped at a day: a failing feed is retried forever, never dropped.
  const base = Math.min(DEFAULT_INTERVAL_MIN * 2 ** Math.max(0, errorCount - 1), MAX_BACKOFF_MIN)
  const jitter = rand() * 0.25 * base
  return {
    nextFetchAt: new Date(now.getTime() + (base + jitter) * MINUTE).toISOString(),
    status: errorCount >= 3 ? 'backing-off' : 'failing',
  }
}
