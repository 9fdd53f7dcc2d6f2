// Webhook delivery: due notifications are claimed in bounded batches and POSTed with bounded
// concurrency; a batch's attempts are then recorded with the notifications' new state.
//
// Exactly once, as far as HTTP allows: a notification is claimed (leased) before its POST and
// marked after it. A crash between the two leaves it claimed; when the lease ends it is sent
// again with the SAME `Sitrep-Event-Id` (the notification id), so at most one duplicate can
// reach a receiver, and receivers dedupe on that id. Nothing is ever lost.
import type { Deps } from '../../core/deps.js'
import { describeError } from '../../core/errors.js'
import { randomSecret, secretBox, serverSecret, type SecretBox } from '../../core/secrets.js'
import type { DueWebhook, WebhookResult } from '../../storage/repository.js'
import {
  postWebhook,
  WEBHOOK_TIMEOUT_MS,
  webhookHeaders,
  type PostOutcome,
} from './webhook-post.js'

/** Attempts per notification; the last failure makes it `dead`. */
export const MAX_WEBHOOK_ATTEMPTS = 8
/** POSTs per worker in one claimed batch. */
const ROUNDS_PER_BATCH = 8
/**
 * How long a claim holds: a whole batch at the slowest (every POST timing out) plus a margin,
 * so a live run never loses its claim to a concurrent one.
 */
export const WEBHOOK_LEASE_MS = ROUNDS_PER_BATCH * WEBHOOK_TIMEOUT_MS + 60_000

/** Delay after failed attempt `attempt` (1-based): base x 4^(attempt-1), +-10 % jitter. */
export function webhookBackoffMs(base: number, attempt: number, random = Math.random): number {
  const jitter = 0.9 + 0.2 * random()
  return Math.round(base * 4 ** (attempt - 1) * jitter)
}

export async function deliverWebhooks(
  deps: Deps,
  now: Date,
): Promise<{ sent: number; failed: number }> {
  // Due-ness is judged at `now` for the whole run, so a failure retried after a short backoff
  // waits for the next run instead of looping here; timestamps follow the real clock from `now`.
  const started = Date.now()
  const clock = () => new Date(now.getTime() + (Date.now() - started))
  const run: Run = {
    deps,
    clock,
    box: await secretBox(await serverSecret(deps)),
    secrets: new Map(),
    failing: new Set(),
    totals: { sent: 0, failed: 0 },
  }
  const nowIso = now.toISOString()
  const batchSize = deps.config.webhookConcurrency * ROUNDS_PER_BATCH
  for (;;) {
    const lease = new Date(clock().getTime() + WEBHOOK_LEASE_MS).toISOString()
    const batch = await deps.repo.claimDueWebhooks(nowIso, lease, batchSize)
    if (batch.length === 0) break
    const results: WebhookResult[] = []
    await pool(batch, deps.config.webhookConcurrency, async (n) => {
      const result = await attempt(run, n)
      if (result) results.push(result)
    })
    // One write per batch, not per POST: the bound on duplicates after a crash stays one per
    // event (all of them carry their event id), and the database is not the bottleneck.
    await record(run, results)
  }
  if (run.totals.sent + run.totals.failed > 0) deps.log.info('webhooks delivered', run.totals)
  return run.totals
}

interface Run {
  deps: Deps
  clock: () => Date
  /** Decrypts subscription secrets (the key is derived from the server secret once a run). */
  box: SecretBox
  /** Decrypted subscription secrets of this run (one decryption per subscription). */
  secrets: Map<string, Promise<string | null>>
  /**
   * Subscriptions that failed in this run: their other claimed notifications wait for the next
   * run (when the lease ends), so a dead receiver costs one timeout per run, not one per event.
   */
  failing: Set<string>
  totals: { sent: number; failed: number }
}

async function attempt(run: Run, n: DueWebhook): Promise<WebhookResult | null> {
  if (run.failing.has(n.subscriptionId)) return null
  const secret = await subscriptionSecret(run, n)
  const outcome = secret
    ? await send(run, n, secret)
    : failure('cannot decrypt the webhook secret (was SITREP_SECRET changed?)')
  if (outcome.ok) run.totals.sent++
  else {
    run.totals.failed++
    run.failing.add(n.subscriptionId)
  }
  return resultOf(run, n, outcome)
}

async function record(run: Run, results: WebhookResult[]): Promise<void> {
  if (results.length === 0) return
  const disabled = await run.deps.repo.recordWebhookResults(results)
  for (const id of disabled) {
    const last = results.filter((r) => r.attempt.subscriptionId === id).pop()
    if (!last || last.attempt.ok) continue
    run.deps.log.warn('webhook subscription disabled', {
      subscription_id: id,
      error: last.attempt.error,
    })
  }
}

async function send(run: Run, n: DueWebhook, secret: string): Promise<PostOutcome> {
  const body = JSON.stringify(n.payload)
  const timestamp = Math.floor(run.clock().getTime() / 1000)
  const headers = await webhookHeaders(secret, n.id, timestamp, body)
  return postWebhook(run.deps.http, n.target, body, headers, {
    allowPrivateNetworks: run.deps.config.allowPrivateNetworks,
  })
}

function subscriptionSecret(run: Run, n: DueWebhook): Promise<string | null> {
  let secret = run.secrets.get(n.subscriptionId)
  if (!secret) {
    const enc = n.secretEnc
    secret = enc
      ? run.box.decrypt(enc).catch((err: unknown) => {
          run.deps.log.error('webhook secret unreadable', {
            subscription_id: n.subscriptionId,
            error: describeError(err),
          })
          return null
        })
      : Promise.resolve(null)
    run.secrets.set(n.subscriptionId, secret)
  }
  return secret
}

function failure(error: string): PostOutcome {
  return { ok: false, statusCode: null, error, durationMs: 0 }
}

function resultOf(run: Run, n: DueWebhook, outcome: PostOutcome): WebhookResult {
  const at = run.clock()
  const attemptNo = n.attempts + 1
  const status = outcome.ok ? 'delivered' : attemptNo >= MAX_WEBHOOK_ATTEMPTS ? 'dead' : 'failed'
  const { webhookBackoffMs: base, webhookDisableAfter } = run.deps.config
  const retryAt =
    status === 'failed' ? new Date(at.getTime() + webhookBackoffMs(base, attemptNo)) : null
  return {
    attempt: {
      id: `att_${randomSecret(12)}`,
      subscriptionId: n.subscriptionId,
      notificationIds: [n.id],
      at: at.toISOString(),
      ok: outcome.ok,
      statusCode: outcome.statusCode,
      error: outcome.error,
      durationMs: outcome.durationMs,
    },
    notificationId: n.id,
    status,
    nextAttemptAt: retryAt?.toISOString() ?? null,
    disableAfter: webhookDisableAfter,
  }
}

/** Runs `fn` over `items`, at most `size` at a time. */
async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
}
