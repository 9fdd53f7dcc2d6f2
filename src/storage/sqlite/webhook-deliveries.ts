// Webhook delivery state: the claim of due notifications is a single UPDATE ... RETURNING, so
// two delivery runs (the server's cron and a CLI crawl) never send the same one at once; results
// are written in batches (attempt row, notification state, subscription failure count and, at
// the limit, its disabling with the reason).
import { eq, inArray, sql } from 'drizzle-orm'
import { deliveryAttempts, notifications, subscriptions } from '../../../db/schema/sqlite.js'
import type { DueWebhook, WebhookResult } from '../repository.js'
import { chunk, type SqliteDb, type Stmt } from './db.js'

/**
 * `cross join` keeps the due index as the outer loop (after ANALYZE the planner would rather
 * scan every subscription), and no ORDER BY: the index already yields each status oldest first,
 * and a sort would read every due row (9 ms instead of 0.4 ms at 20k rows).
 */
export async function claimDueWebhooks(
  db: SqliteDb,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<DueWebhook[]> {
  const claimed = await db.all<{
    id: string
    subscription_id: string
    payload: string
    attempts: number
  }>(sql`update notifications set next_attempt_at = ${leaseUntil}
    where id in (
      select n.id from notifications n cross join subscriptions s on s.id = n.subscription_id
      where n.status in ('pending', 'failed') and n.next_attempt_at <= ${now}
        and s.channel = 'webhook' and s.status = 'active'
      limit ${limit})
    returning id, subscription_id, payload, attempts`)
  if (claimed.length === 0) return []
  const subIds = [...new Set(claimed.map((c) => c.subscription_id))]
  const subs = new Map<string, { target: string; secretEnc: string | null }>()
  for (const ids of chunk(subIds)) {
    const rows = await db
      .select({
        id: subscriptions.id,
        target: subscriptions.target,
        secretEnc: subscriptions.secretEnc,
      })
      .from(subscriptions)
      .where(inArray(subscriptions.id, ids))
    for (const r of rows) subs.set(r.id, { target: r.target, secretEnc: r.secretEnc })
  }
  // A subscription deleted between the two statements took its notifications with it.
  return claimed.flatMap((c) => {
    const sub = subs.get(c.subscription_id)
    if (!sub) return []
    const payload = JSON.parse(c.payload) as Record<string, unknown>
    return [
      {
        id: c.id,
        subscriptionId: c.subscription_id,
        payload,
        attempts: Number(c.attempts),
        ...sub,
      },
    ]
  })
}

/** Attempts written in order, a chunk per batch (each attempt is three statements). */
export async function recordWebhookResults(
  db: SqliteDb,
  results: WebhookResult[],
): Promise<Set<string>> {
  const disabled = new Set<string>()
  for (const part of chunk(results, 50)) {
    const out = (await db.batch(
      part.flatMap((r) => resultStmts(db, r)) as [Stmt, ...Stmt[]],
    )) as unknown[]
    part.forEach((r, i) => {
      const after = out[i * 3 + 2] as { status: string }[]
      if (after[0]?.status === 'disabled') disabled.add(r.attempt.subscriptionId)
    })
  }
  return disabled
}

function resultStmts(db: SqliteDb, r: WebhookResult): Stmt[] {
  const { attempt } = r
  const subId = attempt.subscriptionId
  const failures = sql`(${subscriptions.consecutiveFailures} + 1)`
  const reaches = sql`(${subscriptions.status} = 'active' and ${failures} >= ${r.disableAfter})`
  // The streak began with the first failure after the last success (this attempt included).
  const since = sql`coalesce((select min(at) from delivery_attempts where subscription_id = ${subId}
    and ok = 0 and at > coalesce((select max(at) from delivery_attempts
      where subscription_id = ${subId} and ok = 1), '')), ${attempt.at})`
  const reason = sql`${failures} || ' consecutive failures since ' || ${since} || '; last: ' || ${attempt.error ?? 'unknown error'}`
  const subscriptionUpdate = attempt.ok
    ? db
        .update(subscriptions)
        .set({ consecutiveFailures: 0 })
        .where(eq(subscriptions.id, subId))
        .returning({ status: subscriptions.status })
    : db
        .update(subscriptions)
        .set({
          consecutiveFailures: failures,
          status: sql`case when ${reaches} then 'disabled' else ${subscriptions.status} end`,
          disabledReason: sql`case when ${reaches} then ${reason} else ${subscriptions.disabledReason} end`,
        })
        .where(eq(subscriptions.id, subId))
        .returning({ status: subscriptions.status })
  return [
    db.insert(deliveryAttempts).values(attempt),
    db
      .update(notifications)
      .set({
        status: r.status,
        attempts: sql`${notifications.attempts} + 1`,
        ...(r.nextAttemptAt ? { nextAttemptAt: r.nextAttemptAt } : {}),
        lastError: attempt.error,
        ...(r.status === 'delivered' ? { deliveredAt: attempt.at } : {}),
      })
      .where(eq(notifications.id, r.notificationId)),
    subscriptionUpdate,
  ]
}
