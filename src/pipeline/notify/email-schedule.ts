// When a digest goes out. Pure functions of the clock, so the rules are testable without a
// mail server: immediate digests go on every run, daily ones once a day at the digest hour, and
// a failed send backs off per subscription.
import type { SubscriptionRecord } from '../../storage/repository.js'

/** First retry after a failed SMTP send; x4 per further failure, capped. */
export const EMAIL_BACKOFF_MS = 60_000
export const EMAIL_BACKOFF_CAP_MS = 6 * 60 * 60 * 1000
/** Failed sends of the same notification before it is given up (`dead`): about 30 hours. */
export const EMAIL_MAX_ATTEMPTS = 10
/** How long a claimed digest is held by a run; if the run dies it is due again after this. */
export const EMAIL_LEASE_MS = 10 * 60 * 1000
/** Notifications in one digest; the rest wait for the next one. */
export const DIGEST_MAX_ITEMS = 200

/** The latest daily digest time (UTC, `hour`:00) at or before `now`. */
export function digestSlot(now: Date, hour: number): Date {
  const slot = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, 0, 0, 0),
  )
  if (slot.getTime() > now.getTime()) slot.setUTCDate(slot.getUTCDate() - 1)
  return slot
}

type Schedulable = Pick<SubscriptionRecord, 'mode' | 'lastDigestAt' | 'confirmedAt' | 'createdAt'>

/**
 * Whether a subscription with due notifications gets its digest now. A daily subscription gets
 * one when no digest went out since the latest slot; a new one waits for its first slot, so the
 * first daily digest is never sent at confirmation time.
 */
export function digestDue(sub: Schedulable, now: Date, digestHour: number): boolean {
  if (sub.mode !== 'daily') return true
  const since = sub.lastDigestAt ?? sub.confirmedAt ?? sub.createdAt
  return Date.parse(since) < digestSlot(now, digestHour).getTime()
}

/** When a digest that failed for the `attempt`-th time (1-based) is tried again. */
export function emailRetryAt(now: Date, attempt: number): Date {
  const delay = Math.min(EMAIL_BACKOFF_MS * 4 ** Math.max(0, attempt - 1), EMAIL_BACKOFF_CAP_MS)
  return new Date(now.getTime() + delay)
}
