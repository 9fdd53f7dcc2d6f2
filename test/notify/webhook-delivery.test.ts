// Webhook delivery against a receiver on 127.0.0.1: retries with backoff (500, 500, then 200 on
// the third try), signatures checked with the documented snippet (docs/verify-webhook.mjs),
// a crashed run re-sends with the same event id, redirects are not followed, concurrency is
// bounded, and the SSRF guard also applies at delivery time.
import { afterEach, describe, expect, it } from 'vitest'
import { deliverWebhooks, WEBHOOK_LEASE_MS } from '../../src/pipeline/notify/webhook-deliver.js'
import { createSubscription } from '../../src/pipeline/notify/webhook-manage.js'
import { startReceiver, webhookWorld, type Receiver, type WebhookWorld } from './webhook-fixture.js'

type Verify = (
  secret: string,
  body: string,
  headers: Record<string, unknown>,
  nowMs?: number,
) => boolean
const snippet = new URL('../../docs/verify-webhook.mjs', import.meta.url).href
const { verifySitrepWebhook } = (await import(snippet)) as { verifySitrepWebhook: Verify }

const ENV = { SITREP_SECRET: 'test-server-secret-0123456789', SITREP_WEBHOOK_BACKOFF_MS: '1000' }
const later = (t: Date, ms: number) => new Date(t.getTime() + ms)

let world: WebhookWorld | null = null
let receiver: Receiver | null = null
afterEach(async () => {
  await receiver?.close()
  await world?.close()
  world?.cleanup()
  world = receiver = null
})

async function setup(script: number[] = [], env: Record<string, string> = {}, delayMs = 0) {
  world = await webhookWorld({ ...ENV, ...env })
  receiver = await startReceiver(script, delayMs)
  const owner = { keyId: 'key_test', admin: false }
  const input = { topic: 'tag:ransomware', channel: 'webhook' as const, target: receiver.url }
  const created = await createSubscription(world.deps, input, owner)
  return { w: world, r: receiver, sub: created.subscription, secret: created.secret! }
}

async function notify(w: WebhookWorld, subscriptionId: string, n: number, at = new Date()) {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `ntf_${subscriptionId.slice(4, 12)}${String(i).padStart(4, '0')}`,
    subscriptionId,
    incidentId: 'inc_0000000000000001',
    changeId: `chg_${i}`,
    payload: { id: `ntf_${i}`, type: 'incident_created', text: 'Ünïcode ✓ "quoted"' },
    createdAt: at.toISOString(),
  }))
  await w.deps.repo.insertNotifications(rows)
  return rows.map((r) => r.id)
}

describe('webhook delivery', () => {
  it('delivers on the third try after two 500s, with one event id and valid signatures', async () => {
    const { w, r, sub, secret } = await setup([500, 500])
    const [id] = await notify(w, sub.id, 1)
    const t0 = new Date()
    expect(await deliverWebhooks(w.deps, t0)).toEqual({ sent: 0, failed: 1 })
    // Not due again before its backoff (1 s +-10 %) has passed.
    expect(await deliverWebhooks(w.deps, t0)).toEqual({ sent: 0, failed: 0 })
    expect(await deliverWebhooks(w.deps, later(t0, 10_000))).toEqual({ sent: 0, failed: 1 })
    expect(await deliverWebhooks(w.deps, later(t0, 30_000))).toEqual({ sent: 1, failed: 0 })
    expect(await deliverWebhooks(w.deps, later(t0, 90_000))).toEqual({ sent: 0, failed: 0 })

    expect(r.received).toHaveLength(3)
    for (const { headers, body } of r.received) {
      expect(headers['sitrep-event-id']).toBe(id)
      expect(headers['content-type']).toBe('application/json')
      expect(headers['user-agent']).toBe('sitrep-webhooks')
      expect(headers['sitrep-signature']).toMatch(/^v1=[0-9a-f]{64}$/)
      expect(JSON.parse(body)).toMatchObject({ type: 'incident_created' })
      expect(verifySitrepWebhook(secret, body, headers)).toBe(true)
      // The snippet refuses a wrong secret, an altered body and a stale timestamp.
      expect(verifySitrepWebhook(`${secret}x`, body, headers)).toBe(false)
      expect(verifySitrepWebhook(secret, body.replace('✓', 'x'), headers)).toBe(false)
      expect(verifySitrepWebhook(secret, body, headers, Date.now() + 6 * 60_000)).toBe(false)
    }
    const attempts = await w.deps.repo.deliveryAttempts(sub.id, 50)
    expect(attempts.map((a) => [a.ok, a.statusCode])).toEqual([
      [true, 200],
      [false, 500],
      [false, 500],
    ])
    expect((await w.deps.repo.getSubscription(sub.id))!.consecutiveFailures).toBe(0)
    expect(await w.deps.repo.notificationCounts(sub.id)).toEqual({ delivered: 1 })
  })

  it('re-sends a claimed notification whose run died, with the same event id', async () => {
    const { w, r, sub } = await setup()
    const [id] = await notify(w, sub.id, 1)
    const t0 = new Date()
    // A run that claimed the notification (and maybe POSTed it) and then crashed.
    const lease = later(t0, WEBHOOK_LEASE_MS).toISOString()
    expect(await w.deps.repo.claimDueWebhooks(t0.toISOString(), lease, 10)).toHaveLength(1)
    expect(await deliverWebhooks(w.deps, later(t0, 1000))).toEqual({ sent: 0, failed: 0 })
    expect(await deliverWebhooks(w.deps, later(t0, WEBHOOK_LEASE_MS + 1000))).toEqual({
      sent: 1,
      failed: 0,
    })
    expect(r.received.map((x) => x.headers['sitrep-event-id'])).toEqual([id])
  })

  it('bounds concurrency and sends every notification exactly once', async () => {
    const { w, r, sub } = await setup([], { SITREP_WEBHOOK_CONCURRENCY: '3' }, 30)
    const ids = await notify(w, sub.id, 20)
    const [a, b] = await Promise.all([
      deliverWebhooks(w.deps, new Date()),
      deliverWebhooks(w.deps, new Date()),
    ])
    expect(a.sent + b.sent).toBe(20)
    expect(r.received.map((x) => x.headers['sitrep-event-id']).sort()).toEqual([...ids].sort())
    // Two runs at once, each with at most 3 in flight.
    expect(r.maxInFlight).toBeLessThanOrEqual(6)
    expect(r.maxInFlight).toBeGreaterThan(1)
  })

  it('tries a failing receiver once per run, not once per waiting event', async () => {
    const { w, r, sub } = await setup(Array(40).fill(500), { SITREP_WEBHOOK_CONCURRENCY: '2' })
    await notify(w, sub.id, 20)
    const first = await deliverWebhooks(w.deps, new Date())
    // Only the POSTs already in flight when the first failure came back were made.
    expect(first.failed).toBeLessThanOrEqual(2)
    expect(first.sent).toBe(0)
    expect(r.received.length).toBe(first.failed)
    const counts = await w.deps.repo.notificationCounts(sub.id)
    expect(counts).toEqual({ failed: first.failed, pending: 20 - first.failed })
  })

  it('does not follow redirects', async () => {
    const { w, r, sub } = await setup([302])
    await notify(w, sub.id, 1)
    expect(await deliverWebhooks(w.deps, new Date())).toEqual({ sent: 0, failed: 1 })
    const [attempt] = await w.deps.repo.deliveryAttempts(sub.id, 1)
    expect(attempt).toMatchObject({ ok: false, statusCode: 302 })
    expect(attempt!.error).toContain('redirects are not followed')
    expect(r.received).toHaveLength(1)
  })

  it('refuses private addresses at delivery time unless they are allowed', async () => {
    const { w, r, sub } = await setup()
    await notify(w, sub.id, 1)
    const strict = { ...w.deps, config: { ...w.deps.config, allowPrivateNetworks: false } }
    expect(await deliverWebhooks(strict, new Date())).toEqual({ sent: 0, failed: 1 })
    const [attempt] = await w.deps.repo.deliveryAttempts(sub.id, 1)
    expect(attempt!.error).toMatch(/loopback/)
    expect(r.received).toHaveLength(0)
  })
})
