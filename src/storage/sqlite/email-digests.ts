// E-mail digest state. A digest carries every waiting notification of one subscription, so the
// claim, the backoff and the outcome are per subscription: all its notifications move together.
import { and, eq, inArray, sql } from 'drizzle-orm'
import { deliveryAttempts, notifications, subscriptions } from '../../../db/schema/sqlite.js'
import type {
  DueEmailDigest,
  EmailDigestItem,
  EmailDigestResult,
  Repository,
  SubscriptionRecord,
} from '../repository.js'
import { runBatch, type SqliteDb, type Stmt } from './db.js'

type EmailDigestRepo = Pick<
  Repository,
  | 'dueEmailDigests'
  | 'claimEmailDigest'
  | 'recordEmailDigest'
  | 'setEmailConfirmToken'
  | 'confirmEmailSubscription'
  | 'unsubscribeEmail'
>

const WAITING = ['pending', 'failed'] as const

export function emailDigestRepo(db: SqliteDb): EmailDigestRepo {
  return {
    async dueEmailDigests(now, dailySlot, limit) {
      // max(next_attempt_at): a digest waits out the backoff of its oldest failed attempt even
      // when new notifications (due at once) arrived meanwhile.
      const due = await db.all<{ id: string; waiting: number }>(sql`
        select n.subscription_id as id, count(*) as waiting
        from notifications n join subscriptions s on s.id = n.subscription_id
        where n.status in ('pending', 'failed') and s.channel = 'email' and s.status = 'active'
          and (s.mode = 'immediate'
            or coalesce(s.last_digest_at, s.confirmed_at, s.created_at) < ${dailySlot})
        group by n.subscription_id
        having max(n.next_attempt_at) <= ${now}
        order by min(n.created_at)
        limit ${limit}`)
      if (due.length === 0) return []
      const subs = (await db
        .select()
        .from(subscriptions)
        .where(
          inArray(
            subscriptions.id,
            due.map((d) => d.id),
          ),
        )) as SubscriptionRecord[]
      const byId = new Map(subs.map((s) => [s.id, s]))
      return due.flatMap((d): DueEmailDigest[] => {
        const subscription = byId.get(d.id)
        return subscription ? [{ subscription, waiting: Number(d.waiting) }] : []
      })
    },
    async claimEmailDigest(subscriptionId, now, leaseUntil, limit) {
      const rows = await db.all<{
        id: string
        created_at: string
        attempts: number
        payload: string
      }>(sql`update notifications set next_attempt_at = ${leaseUntil}
        where id in (
          select id from notifications
          where subscription_id = ${subscriptionId} and status in ('pending', 'failed')
            and next_attempt_at <= ${now}
          order by created_at, id
          limit ${limit})
        returning id, created_at, attempts, payload`)
      return rows
        .map((r): EmailDigestItem => ({
          id: r.id,
          createdAt: r.created_at,
          attempts: Number(r.attempts),
          payload: JSON.parse(r.payload) as Record<string, unknown>,
        }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    },
    recordEmailDigest: (result) => recordDigest(db, result),
    async setEmailConfirmToken(subscriptionId, tokenHash) {
      await db
        .update(subscriptions)
        .set({ confirmTokenHash: tokenHash })
        .where(eq(subscriptions.id, subscriptionId))
    },
    async confirmEmailSubscription(subscriptionId, tokenHash, at) {
      const rows = await db
        .update(subscriptions)
        .set({ status: 'active', confirmedAt: at, confirmTokenHash: null })
        .where(
          and(
            eq(subscriptions.id, subscriptionId),
            eq(subscriptions.channel, 'email'),
            eq(subscriptions.status, 'pending'),
            eq(subscriptions.confirmTokenHash, tokenHash),
          ),
        )
        .returning({ id: subscriptions.id })
      return rows.length > 0
    },
    async unsubscribeEmail(subscriptionId, at) {
      const [updated] = await db.batch([
        db
          .update(subscriptions)
          .set({ status: 'unsubscribed', disabledReason: `unsubscribed at ${at}` })
          .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.channel, 'email')))
          .returning({ id: subscriptions.id }),
        db
          .update(notifications)
          .set({ status: 'skipped', lastError: 'unsubscribed' })
          .where(
            and(
              eq(notifications.subscriptionId, subscriptionId),
              inArray(notifications.status, [...WAITING]),
            ),
          ),
      ])
      return updated.length > 0
    },
  }
}

async function recordDigest(db: SqliteDb, r: EmailDigestResult): Promise<void> {
  const { attempt } = r
  const ids = attempt.notificationIds
  const stmts: Stmt[] = [db.insert(deliveryAttempts).values(attempt)]
  if (attempt.ok) {
    stmts.push(
      db
        .update(notifications)
        .set({
          status: 'delivered',
          deliveredAt: attempt.at,
          attempts: sql`${notifications.attempts} + 1`,
          lastError: null,
        })
        .where(inArray(notifications.id, ids)),
      db
        .update(subscriptions)
        .set({ lastDigestAt: attempt.at, consecutiveFailures: 0 })
        .where(eq(subscriptions.id, attempt.subscriptionId)),
    )
  } else {
    stmts.push(
      db
        .update(notifications)
        .set({
          status: sql`case when ${notifications.attempts} + 1 >= ${r.maxAttempts} then 'dead' else 'failed' end`,
          attempts: sql`${notifications.attempts} + 1`,
          lastError: attempt.error,
          nextAttemptAt: r.nextAttemptAt ?? attempt.at,
        })
        .where(inArray(notifications.id, ids)),
      db
        .update(subscriptions)
        .set({ consecutiveFailures: sql`${subscriptions.consecutiveFailures} + 1` })
        .where(eq(subscriptions.id, attempt.subscriptionId)),
    )
  }
  await runBatch(db, stmts)
}
