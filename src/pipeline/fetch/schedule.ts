// When to poll a feed next (pure). Healthy feeds are polled about as often as they publish,
// clamped to [5 min, 24 h] and never sooner than the publisher asks (RSS <ttl>, Retry-After,
// Cache-Control max-age, Expires). Failing feeds back off exponentially with jitter, up to a day,
// and are never dropped; a 410 Gone feed is retried weekly in case it comes back.
import type { FeedStatus } from '../../core/types.js'

const MINUTE = 60_000
export const MIN_INTERVAL_MIN = 5
export const MAX_INTERVAL_MIN = 24 * 60
const BACKOFF_BASE_MIN = 15
const WEEK_MIN = 7 * 24 * 60
const GONE_RETRY_MIN = WEEK_MIN
/** A server (or a feed's <ttl>) may ask for a long pause, but not for one longer than a week. */
const MAX_SERVER_DELAY_MIN = WEEK_MIN

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

/**
 * Polling interval from posting frequency: the minutes the feed's recent items cover divided by
 * their number (so a feed posting hourly is polled about hourly); a quiet feed is polled daily.
 * Feeds list only their last N items, so when nothing in the document is older than a week the
 * span runs from its oldest item, not over the whole week: ten items from the last two hours mean
 * one every twelve minutes, not one every 17 hours.
 */
export function intervalFromItems(published: (string | null)[], now: Date): number {
  const nowMs = now.getTime()
  const weekAgo = nowMs - WEEK_MIN * MINUTE
  // Future dates (time-zone mistakes) count as "just now", not as a negative age.
  const times = published.flatMap((p) => {
    const t = p ? Date.parse(p) : Number.NaN
    return Number.isNaN(t) ? [] : [Math.min(t, nowMs)]
  })
  const recent = times.filter((t) => t >= weekAgo)
  if (recent.length === 0) return MAX_INTERVAL_MIN
  const truncated = recent.length === times.length
  const spanMin = truncated ? (nowMs - Math.min(...recent)) / MINUTE : WEEK_MIN
  return clamp(Math.round(spanMin / recent.length), MIN_INTERVAL_MIN, MAX_INTERVAL_MIN)
}

/** Minutes until the server says the document may change, from standard HTTP caching headers. */
export function serverDelayMinutes(
  h: { retryAfter?: string | null; cacheControl?: string | null; expires?: string | null },
  now: Date,
): number {
  const candidates: number[] = []
  const retry = parseRetryAfter(h.retryAfter ?? null, now)
  if (retry !== null) candidates.push(retry)
  const maxAge = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)/i.exec(h.cacheControl ?? '')
  if (maxAge?.[1]) candidates.push(Number(maxAge[1]) / 60)
  if (h.expires && !maxAge) {
    const at = Date.parse(h.expires)
    if (!Number.isNaN(at)) candidates.push((at - now.getTime()) / MINUTE)
  }
  return clamp(Math.max(0, ...candidates), 0, MAX_SERVER_DELAY_MIN)
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null
  const v = value.trim()
  if (/^\d+$/.test(v)) return Number(v) / 60
  const at = Date.parse(v)
  return Number.isNaN(at) ? null : Math.max(0, (at - now.getTime()) / MINUTE)
}

const withJitter = (minutes: number, spread: number, rand: () => number) =>
  minutes * (1 + (rand() * 2 - 1) * spread)

export function nextFetchOnSuccess(
  now: Date,
  o: { intervalMinutes: number; ttlMinutes?: number | null; serverDelayMinutes?: number },
  rand = Math.random,
): string {
  const asked = Math.max(o.ttlMinutes ?? 0, o.serverDelayMinutes ?? 0)
  // A <ttl> of ten years must not retire a feed: the publisher's floor is capped like HTTP's.
  const floor = clamp(asked, 0, MAX_SERVER_DELAY_MIN)
  const base = Math.max(clamp(o.intervalMinutes, MIN_INTERVAL_MIN, MAX_INTERVAL_MIN), floor)
  // Jitter spreads feeds that were added together. It stays inside [5 min, 24 h] and never goes
  // below the publisher's floor (above a day only when the publisher asked for more).
  const lo = Math.max(MIN_INTERVAL_MIN, floor)
  const hi = Math.max(MAX_INTERVAL_MIN, floor * 1.1)
  const minutes = clamp(withJitter(base, 0.1, rand), lo, hi)
  return new Date(now.getTime() + minutes * MINUTE).toISOString()
}

export function nextFetchOnError(
  now: Date,
  e: { errorCount: number; status?: number | null; retryAfter?: string | null },
  rand = Math.random,
): { nextFetchAt: string; status: FeedStatus } {
  if (e.status === 410) {
    const at = new Date(now.getTime() + GONE_RETRY_MIN * MINUTE)
    return { nextFetchAt: at.toISOString(), status: 'gone' }
  }
  const backoff = Math.min(BACKOFF_BASE_MIN * 2 ** Math.max(0, e.errorCount - 1), MAX_INTERVAL_MIN)
  // Jitter must not lift the backoff past its one-day cap; only the server may ask for more.
  const jittered = Math.min(withJitter(backoff, 0.25, rand), MAX_INTERVAL_MIN)
  const asked = parseRetryAfter(e.retryAfter ?? null, now) ?? 0
  const minutes = Math.max(jittered, Math.min(asked, MAX_SERVER_DELAY_MIN))
  return {
    nextFetchAt: new Date(now.getTime() + minutes * MINUTE).toISOString(),
    status: e.errorCount >= 3 || asked > 0 ? 'backing-off' : 'failing',
  }
}

/** A feed is flagged when it has been failing without a success for a day or more. */
export function failingForADay(failingSince: string | null, now: Date): boolean {
  return !!failingSince && now.getTime() - Date.parse(failingSince) >= 24 * 60 * MINUTE
}
