// Scheduling rules: posting-frequency interval in [5 min, 24 h], never sooner than the publisher
// asks (RSS ttl, Retry-After in seconds or as a date, Cache-Control max-age, Expires), bounded
// jitter, exponential backoff capped at a day, weekly retries for 410, and the one-day flag.
import { describe, expect, it } from 'vitest'
import {
  MAX_INTERVAL_MIN,
  MIN_INTERVAL_MIN,
  failingForADay,
  intervalFromItems,
  nextFetchOnError,
  nextFetchOnSuccess,
  parseRetryAfter,
  serverDelayMinutes,
} from '../../../src/pipeline/fetch/schedule.js'

const now = new Date('2026-03-12T12:00:00Z')
const MIN = 60_000
const ago = (minutes: number) => new Date(now.getTime() - minutes * MIN).toISOString()
const minutesUntil = (iso: string) => (Date.parse(iso) - now.getTime()) / MIN
/** rand() at its extremes and in the middle: jitter bounds are checked at both ends. */
const RANDS = [() => 0, () => 0.5, () => 0.999999]

describe('intervalFromItems', () => {
  it('polls about as often as the feed posts over a week', () => {
    // 14 items spread over the last week (and older ones, so the document is not truncated).
    const week = Array.from({ length: 14 }, (_, i) => ago(i * 720 + 1))
    expect(intervalFromItems([...week, ago(20_000), ago(30_000)], now)).toBe(720)
  })

  it('measures a truncated feed over the span its items cover', () => {
    // Ten items, one every 12 minutes, and nothing older: a busy feed showing its last ten.
    const items = Array.from({ length: 10 }, (_, i) => ago(12 * (i + 1)))
    expect(intervalFromItems(items, now)).toBe(12)
  })

  it('clamps to [5 min, 24 h]', () => {
    const burst = Array.from({ length: 50 }, (_, i) => ago(i * 0.1))
    expect(intervalFromItems(burst, now)).toBe(MIN_INTERVAL_MIN)
    expect(intervalFromItems([ago(6 * 24 * 60), ago(30_000)], now)).toBe(MAX_INTERVAL_MIN)
  })

  it('polls a quiet or undated feed daily', () => {
    expect(intervalFromItems([], now)).toBe(MAX_INTERVAL_MIN)
    expect(intervalFromItems([null, null], now)).toBe(MAX_INTERVAL_MIN)
    expect(intervalFromItems([ago(10 * 24 * 60), ago(20 * 24 * 60)], now)).toBe(MAX_INTERVAL_MIN)
    expect(intervalFromItems(['not a date'], now)).toBe(MAX_INTERVAL_MIN)
  })

  it('treats future-dated items as just published', () => {
    const future = new Date(now.getTime() + 5 * 60 * MIN).toISOString()
    expect(intervalFromItems([future, future], now)).toBe(MIN_INTERVAL_MIN)
  })
})

describe('Retry-After and caching headers', () => {
  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', now)).toBe(2)
    expect(parseRetryAfter(' 3600 ', now)).toBe(60)
    expect(parseRetryAfter('Thu, 12 Mar 2026 14:00:00 GMT', now)).toBe(120)
    expect(parseRetryAfter('Thu, 12 Mar 2026 11:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })

  it('takes the longest of Retry-After, max-age and Expires, capped at a week', () => {
    expect(serverDelayMinutes({ cacheControl: 'public, max-age=1800' }, now)).toBe(30)
    expect(serverDelayMinutes({ expires: 'Thu, 12 Mar 2026 13:00:00 GMT' }, now)).toBe(60)
    // max-age overrides Expires (RFC 9111 §5.3).
    const both = { cacheControl: 'max-age=600', expires: 'Thu, 12 Mar 2026 18:00:00 GMT' }
    expect(serverDelayMinutes(both, now)).toBe(10)
    expect(serverDelayMinutes({ retryAfter: '7200', cacheControl: 'max-age=60' }, now)).toBe(120)
    expect(serverDelayMinutes({ cacheControl: 'max-age=99999999' }, now)).toBe(7 * 24 * 60)
    expect(serverDelayMinutes({ expires: '0' }, now)).toBe(0)
    expect(serverDelayMinutes({ expires: 'Thu, 01 Jan 2026 00:00:00 GMT' }, now)).toBe(0)
    expect(serverDelayMinutes({}, now)).toBe(0)
  })
})

describe('nextFetchOnSuccess', () => {
  it('jitters by at most 10% and stays inside [5 min, 24 h]', () => {
    for (const rand of RANDS) {
      const hourly = minutesUntil(nextFetchOnSuccess(now, { intervalMinutes: 60 }, rand))
      expect(hourly).toBeGreaterThanOrEqual(54)
      expect(hourly).toBeLessThanOrEqual(66)
      const daily = minutesUntil(nextFetchOnSuccess(now, { intervalMinutes: 5000 }, rand))
      expect(daily).toBeGreaterThanOrEqual(MAX_INTERVAL_MIN * 0.9)
      expect(daily).toBeLessThanOrEqual(MAX_INTERVAL_MIN)
      const busy = minutesUntil(nextFetchOnSuccess(now, { intervalMinutes: 1 }, rand))
      expect(busy).toBeGreaterThanOrEqual(MIN_INTERVAL_MIN)
      expect(busy).toBeLessThanOrEqual(MIN_INTERVAL_MIN * 1.1)
    }
  })

  it('never polls sooner than the RSS ttl or the server asks', () => {
    for (const rand of RANDS) {
      const ttl = minutesUntil(
        nextFetchOnSuccess(now, { intervalMinutes: 15, ttlMinutes: 180 }, rand),
      )
      expect(ttl).toBeGreaterThanOrEqual(180)
      expect(ttl).toBeLessThanOrEqual(198)
      const asked = minutesUntil(
        nextFetchOnSuccess(now, { intervalMinutes: 15, serverDelayMinutes: 2000 }, rand),
      )
      expect(asked).toBeGreaterThanOrEqual(2000)
      expect(asked).toBeLessThanOrEqual(2200)
    }
  })

  it('caps an absurd ttl at a week instead of retiring the feed', () => {
    const at = nextFetchOnSuccess(now, { intervalMinutes: 60, ttlMinutes: 5_256_000 }, () => 0.5)
    expect(minutesUntil(at)).toBe(7 * 24 * 60)
  })
})

describe('nextFetchOnError', () => {
  it('backs off exponentially from 15 minutes with ±25% jitter', () => {
    for (const [errorCount, base] of [
      [1, 15],
      [2, 30],
      [3, 60],
      [5, 240],
    ] as const) {
      for (const rand of RANDS) {
        const m = minutesUntil(nextFetchOnError(now, { errorCount }, rand).nextFetchAt)
        expect(m).toBeGreaterThanOrEqual(base * 0.75)
        expect(m).toBeLessThanOrEqual(base * 1.25)
      }
    }
  })

  it('caps the backoff at a day, jitter included', () => {
    for (const errorCount of [8, 9, 30, 1000]) {
      for (const rand of RANDS) {
        const m = minutesUntil(nextFetchOnError(now, { errorCount }, rand).nextFetchAt)
        expect(m).toBeGreaterThanOrEqual(MAX_INTERVAL_MIN * 0.75)
        expect(m).toBeLessThanOrEqual(MAX_INTERVAL_MIN)
      }
    }
  })

  it('is failing for the first errors, then backing off', () => {
    expect(nextFetchOnError(now, { errorCount: 1, status: 500 }).status).toBe('failing')
    expect(nextFetchOnError(now, { errorCount: 2, status: null }).status).toBe('failing')
    expect(nextFetchOnError(now, { errorCount: 3, status: 500 }).status).toBe('backing-off')
  })

  it('honours Retry-After on 429 and 503, in seconds and as a date', () => {
    const rand = () => 0.999999
    const secs = nextFetchOnError(now, { errorCount: 1, status: 429, retryAfter: '7200' }, rand)
    expect(minutesUntil(secs.nextFetchAt)).toBe(120)
    expect(secs.status).toBe('backing-off')
    const date = 'Thu, 12 Mar 2026 18:00:00 GMT'
    const at = nextFetchOnError(now, { errorCount: 1, status: 503, retryAfter: date }, rand)
    expect(minutesUntil(at.nextFetchAt)).toBe(360)
    expect(at.status).toBe('backing-off')
    // A short Retry-After does not shorten the backoff.
    const short = nextFetchOnError(now, { errorCount: 4, status: 429, retryAfter: '120' }, rand)
    expect(minutesUntil(short.nextFetchAt)).toBeGreaterThan(90)
    // A server cannot park a feed for longer than a week.
    const forever = nextFetchOnError(now, { errorCount: 1, status: 503, retryAfter: '99999999' })
    expect(minutesUntil(forever.nextFetchAt)).toBe(7 * 24 * 60)
  })

  it('retries a 410 Gone feed weekly, whatever the error count', () => {
    for (const errorCount of [1, 50]) {
      const gone = nextFetchOnError(now, { errorCount, status: 410, retryAfter: '60' })
      expect(gone.status).toBe('gone')
      expect(minutesUntil(gone.nextFetchAt)).toBe(7 * 24 * 60)
    }
  })
})

describe('failingForADay', () => {
  it('flags a feed failing without a success for 24 hours or more', () => {
    expect(failingForADay(null, now)).toBe(false)
    expect(failingForADay(ago(60), now)).toBe(false)
    expect(failingForADay(ago(24 * 60 - 1), now)).toBe(false)
    expect(failingForADay(ago(24 * 60), now)).toBe(true)
    expect(failingForADay(ago(3 * 24 * 60), now)).toBe(true)
  })
})
