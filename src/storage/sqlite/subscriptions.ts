// Subscriptions and their delivery log (management reads and writes); the delivery state of
// webhooks is in webhook-deliveries.ts. Every multi-row change is one batch.
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm'
import {
  deliveryAttempts,
  notifications,
  settings,
  subscriptions,
} from '../../../db/schema/sqlite.js'
import type { DeliveryStatus } from '../../../db/schema/vocab.js'
import { decodeCursor, toPage } from '../cursor.js'
import type { Repository, SubscriptionRecord } from '../repository.js'
import type { SqliteDb } from './db.js'
import { claimDueWebhooks, recordWebhookResults } from './webhook-deliveries.js'

type SubscriptionRepo = Pick<
  Repository,
  | 'initSetting'
  | 'createSubscription'
  | 'getSubscription'
  | 'listSubscriptions'
  | 'deleteSubscription'
  | 'enableSubscription'
  | 'deliveryAttempts'
  | 'notificationCounts'
  | 'claimDueWebhooks'
  | 'recordWebhookResults'
>

export function subscriptionRepo(db: SqliteDb): SubscriptionRepo {
  return {
    async initSetting(key, value) {
      await db.insert(settings).values({ key, value }).onConflictDoNothing()
      const row = await db.select().from(settings).where(eq(settings.key, key)).get()
      return row?.value ?? value
    },
    async createSubscription(sub) {
      await db.insert(subscriptions).values(sub)
    },
    async getSubscription(id) {
      const row = await db.select().from(subscriptions).where(eq(subscriptions.id, id)).get()
      return (row as SubscriptionRecord | undefined) ?? null
    },
    async listSubscriptions({ keyId, limit, cursor }) {
      const after = cursor ? decodeCursor(cursor) : null
      const conditions = [
        keyId === null ? undefined : eq(subscriptions.keyId, keyId),
        after
          ? or(
              lt(subscriptions.createdAt, after.sortKey),
              and(eq(subscriptions.createdAt, after.sortKey), lt(subscriptions.id, after.id)),
            )
          : undefined,
      ]
      const rows = (await db
        .select()
        .from(subscriptions)
        .where(and(...conditions))
        .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
        .limit(limit + 1)) as SubscriptionRecord[]
      return toPage(rows, limit, (s) => [s.createdAt, s.id])
    },
    async deleteSubscription(id) {
      const [, , gone] = await db.batch([
        db.delete(deliveryAttempts).where(eq(deliveryAttempts.subscriptionId, id)),
        db.delete(notifications).where(eq(notifications.subscriptionId, id)),
        db
          .delete(subscriptions)
          .where(eq(subscriptions.id, id))
          .returning({ id: subscriptions.id }),
      ])
      return gone.length > 0
    },
    async enableSubscription(id, now) {
      const disabled = sql`exists (select 1 from subscriptions
        where id = ${id} and status = 'disabled')`
      // Requeue first: the condition reads the status the second statement then changes.
      const [, enabled] = await db.batch([
        db
          .update(notifications)
          .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
          .where(
            and(
              eq(notifications.subscriptionId, id),
              inArray(notifications.status, ['failed', 'dead']),
              disabled,
            ),
          ),
        db
          .update(subscriptions)
          .set({ status: 'active', disabledReason: null, consecutiveFailures: 0 })
          .where(and(eq(subscriptions.id, id), eq(subscriptions.status, 'disabled')))
          .returning({ id: subscriptions.id }),
      ])
      return enabled.length > 0
    },
    async deliveryAttempts(subscriptionId, limit) {
      return db
        .select()
        .from(deliveryAttempts)
        .where(eq(deliveryAttempts.subscriptionId, subscriptionId))
        .orderBy(desc(deliveryAttempts.at), desc(deliveryAttempts.id))
        .limit(limit)
    },
    async notificationCounts(subscriptionId) {
      const rows = await db
        .select({ status: notifications.status, n: sql<number>`count(*)` })
        .from(notifications)
        .where(eq(notifications.subscriptionId, subscriptionId))
        .groupBy(notifications.status)
      const out: Partial<Record<DeliveryStatus, number>> = {}
      for (const r of rows) out[r.status] = Number(r.n)
      return out
    },
    claimDueWebhooks: (now, leaseUntil, limit) => claimDueWebhooks(db, now, leaseUntil, limit),
    recordWebhookResults: (results) => recordWebhookResults(db, results),
  }
}
