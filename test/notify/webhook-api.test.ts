// The subscription API: every status it answers with validated against /api/v1/openapi.json
// (objects closed), ownership (own key, admin all, others 404), the webhook secret shown once and
// stored encrypted, and a receiver that keeps failing: the subscription is disabled with its
// reason visible in the API, and re-enabling retries the failed delivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Deps } from '../../src/core/deps.js'
import { createApp } from '../../src/http/app.js'
import { deliverWebhooks } from '../../src/pipeline/notify/webhook-deliver.js'
import { openApiChecker, type Checker } from '../api/openapi-check.js'
import { startReceiver, webhookWorld, type Receiver, type WebhookWorld } from './webhook-fixture.js'

type Json = Record<string, unknown>
const ENV = { SITREP_SECRET: 'api-test-server-secret-0123', SITREP_WEBHOOK_BACKOFF_MS: '1000' }

describe('subscription API', () => {
  let w: WebhookWorld
  let r: Receiver
  let check: Checker
  let checkStrict: Checker
  const keys = { write: '', other: '', read: '', admin: '' }
  const mails: { to: string }[] = []

  beforeAll(async () => {
    w = await webhookWorld(ENV)
    r = await startReceiver()
    const mailer = { send: async (m: { to: string }) => (mails.push(m), { messageId: 'm1' }) }
    const deps: Deps = { ...w.deps, mailer: mailer as unknown as Deps['mailer'] }
    check = await openApiChecker({ app: createApp(deps) } as never)
    const strict = { ...deps, config: { ...deps.config, allowPrivateNetworks: false } }
    checkStrict = await openApiChecker({ app: createApp(strict) } as never)
    keys.write = (await w.key('writer', 'write')).key
    keys.other = (await w.key('other', 'write')).key
    keys.read = (await w.key('reader', 'read')).key
    keys.admin = (await w.key('admin', 'admin')).key
  }, 60_000)
  afterAll(async () => {
    await r?.close()
    await w?.close()
    w?.cleanup()
  })

  const send = (method: string, path: string, key: string | null, body?: unknown, c = check) =>
    c.call(`/api/v1${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const hook = (target = r.url) => ({ topic: 'tag:ransomware', channel: 'webhook', target })

  it('creates, lists, reads and deletes with the documented statuses', async () => {
    expect((await send('POST', '/subscriptions', null, hook())).status).toBe(401)
    expect((await send('POST', '/subscriptions', keys.read, hook())).status).toBe(403)
    const created = await send('POST', '/subscriptions', keys.write, hook())
    expect(created.status).toBe(201)
    const sub = created.body as Json & { id: string; secret: string }
    expect(sub).toMatchObject({ channel: 'webhook', status: 'active', topic: 'tag:ransomware' })
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    const stored = await w.deps.repo.getSubscription(sub.id)
    expect(stored!.secretEnc).toMatch(/^v1\./)
    expect(stored!.secretEnc).not.toContain(sub.secret.slice(6))

    for (const bad of [
      { ...hook(), topic: 'colour:red' },
      { ...hook(), topic: 'tag:knitting' },
      { ...hook(), topic: 'entity:ent_0000000000000000' },
      hook('ftp://example.com/hook'),
      { ...hook(), mode: 'daily' },
      { ...hook(), extra: 1 },
      { topic: 'tag:ransomware', channel: 'email', target: 'not-an-address' },
    ]) {
      expect(
        (await send('POST', '/subscriptions', keys.write, bad)).status,
        JSON.stringify(bad),
      ).toBe(400)
    }
    const blocked = await send('POST', '/subscriptions', keys.write, hook(), checkStrict)
    expect(blocked.status).toBe(400)
    expect(JSON.stringify(blocked.body)).toMatch(/loopback/)

    const mail = {
      topic: 'q:litellm',
      channel: 'email',
      target: 'reader@example.com',
      mode: 'daily',
    }
    const pending = await send('POST', '/subscriptions', keys.other, mail)
    expect(pending.status).toBe(201)
    expect(pending.body).toMatchObject({ status: 'pending', mode: 'daily' })
    expect(pending.body).not.toHaveProperty('secret')
    expect(mails.map((m) => m.to)).toEqual(['reader@example.com'])
    const mailId = (pending.body as { id: string }).id

    const own = await send('GET', '/subscriptions', keys.write)
    expect((own.body as { data: Json[] }).data.map((s) => s.id)).toEqual([sub.id])
    expect(JSON.stringify(own.body)).not.toContain(sub.secret)
    const all = await send('GET', '/subscriptions?limit=1', keys.admin)
    expect((all.body as { data: Json[]; next_cursor: string }).next_cursor).toBeTruthy()
    const next = (all.body as { next_cursor: string }).next_cursor
    expect((await send('GET', `/subscriptions?limit=1&cursor=${next}`, keys.admin)).status).toBe(
      200,
    )
    expect((await send('GET', '/subscriptions?limit=0', keys.write)).status).toBe(400)
    expect((await send('GET', '/subscriptions', keys.read)).status).toBe(403)
    expect((await send('GET', '/subscriptions', null)).status).toBe(401)

    const detail = await send('GET', `/subscriptions/${sub.id}`, keys.write)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({ deliveries: [], notifications: { pending: 0 } })
    expect(detail.body).not.toHaveProperty('secret')
    expect((await send('GET', `/subscriptions/${sub.id}`, keys.other)).status).toBe(404)
    expect((await send('GET', `/subscriptions/${sub.id}`, keys.admin)).status).toBe(200)
    expect((await send('GET', '/subscriptions/sub_nope', keys.write)).status).toBe(404)
    expect((await send('POST', `/subscriptions/${mailId}/enable`, keys.other)).status).toBe(400)
    expect((await send('POST', `/subscriptions/${sub.id}/enable`, keys.write)).status).toBe(200)

    expect((await send('DELETE', `/subscriptions/${sub.id}`, keys.other)).status).toBe(404)
    expect((await send('DELETE', `/subscriptions/${sub.id}`, keys.write)).status).toBe(204)
    expect((await send('GET', `/subscriptions/${sub.id}`, keys.write)).status).toBe(404)
    expect((await send('DELETE', `/subscriptions/${sub.id}`, keys.write)).status).toBe(404)
    for (const op of ['POST', 'GET'].map((m) => `${m} /subscriptions`)) {
      expect(check.covered.has(op), op).toBe(true)
    }
    for (const op of ['GET', 'DELETE'].map((m) => `${m} /subscriptions/{id}`)) {
      expect(check.covered.has(op), op).toBe(true)
    }
    expect(check.covered.has('POST /subscriptions/{id}/enable')).toBe(true)
  })

  it('disables a subscription after 8 consecutive failures and shows why; enable retries', async () => {
    const created = await send('POST', '/subscriptions', keys.write, hook())
    const id = (created.body as { id: string }).id
    await w.deps.repo.insertNotifications([
      {
        id: 'ntf_persistent0001',
        subscriptionId: id,
        incidentId: 'inc_0000000000000001',
        changeId: 'chg_1',
        payload: { id: 'ntf_persistent0001', type: 'victim_added' },
        createdAt: new Date().toISOString(),
      },
    ])
    r.script = Array(8).fill(500)
    const day = 24 * 60 * 60 * 1000
    const t0 = Date.now()
    for (let i = 0; i < 8; i++) {
      expect(await deliverWebhooks(w.deps, new Date(t0 + i * day))).toEqual({ sent: 0, failed: 1 })
    }
    const disabled = (await send('GET', `/subscriptions/${id}`, keys.write)).body as Json
    expect(disabled).toMatchObject({
      status: 'disabled',
      consecutive_failures: 8,
      notifications: { dead: 1, pending: 0 },
    })
    expect(disabled.disabled_reason).toMatch(
      /^8 consecutive failures since \d{4}-\d\d-\d\dT[\d:.]+Z; last: HTTP 500$/,
    )
    expect((disabled.deliveries as Json[]).length).toBe(8)
    expect((disabled.deliveries as Json[])[0]).toMatchObject({ ok: false, status_code: 500 })

    const enabled = await send('POST', `/subscriptions/${id}/enable`, keys.write)
    expect(enabled.body).toMatchObject({ status: 'active', disabled_reason: null })
    expect(await deliverWebhooks(w.deps, new Date())).toEqual({ sent: 1, failed: 0 })
    const after = (await send('GET', `/subscriptions/${id}`, keys.write)).body as Json
    expect(after).toMatchObject({ consecutive_failures: 0, notifications: { delivered: 1 } })
    expect(
      r.received.filter((x) => x.headers['sitrep-event-id'] === 'ntf_persistent0001'),
    ).toHaveLength(9)
  })
})
