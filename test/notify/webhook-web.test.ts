// The subscription pages: sign-in required, a create form whose answer shows the webhook secret
// once, the delivery log with the reason a subscription was disabled, and Re-enable / Delete as
// CSRF-protected POST forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hono } from 'hono'
import { createApp } from '../../src/http/app.js'
import { deliverWebhooks } from '../../src/pipeline/notify/webhook-deliver.js'
import { startReceiver, webhookWorld, type Receiver, type WebhookWorld } from './webhook-fixture.js'

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

describe('subscription web pages', () => {
  let w: WebhookWorld
  let r: Receiver
  let app: Hono
  const cookies = { mine: '', other: '' }

  beforeAll(async () => {
    w = await webhookWorld({ SITREP_WEBHOOK_DISABLE_AFTER: '2', SITREP_WEBHOOK_BACKOFF_MS: '1' })
    r = await startReceiver()
    app = createApp(w.deps) as unknown as Hono
    cookies.mine = await signIn((await w.key('web editor', 'write')).key)
    cookies.other = await signIn((await w.key('someone else', 'write')).key)
  }, 60_000)
  afterAll(async () => {
    await r?.close()
    await w?.close()
    w?.cleanup()
  })

  async function signIn(key: string): Promise<string> {
    const res = await app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key }).toString(),
    })
    expect(res.status).toBe(303)
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!
  }
  const page = async (path: string, cookie = cookies.mine) => {
    const res = await app.request(path, { headers: cookie ? { cookie } : {} })
    return { status: res.status, html: await res.text(), location: res.headers.get('location') }
  }
  async function post(path: string, fields: Record<string, string>, csrfFrom: string | null) {
    const form = new URLSearchParams(fields)
    if (csrfFrom !== null) form.set('_csrf', csrfOf((await page(csrfFrom)).html))
    const res = await app.request(path, {
      method: 'POST',
      headers: { cookie: cookies.mine, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    })
    return { status: res.status, html: await res.text(), location: res.headers.get('location') }
  }

  it('renders hostile stored values as text', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    const keyId = (await w.deps.repo.listApiKeys()).find((k) => k.name === 'web editor')!.id
    await w.deps.repo.createSubscription({
      id: 'sub_hostile',
      topic: `q:${evil}`,
      channel: 'webhook',
      target: `https://example.com/${evil}`,
      secretEnc: null,
      mode: 'immediate',
      status: 'disabled',
      disabledReason: evil,
      confirmTokenHash: null,
      consecutiveFailures: 8,
      keyId,
      createdAt: new Date().toISOString(),
      confirmedAt: null,
      lastDigestAt: null,
    })
    for (const path of ['/subscriptions', '/subscriptions/sub_hostile']) {
      const { status, html } = await page(path)
      expect(status).toBe(200)
      expect(html).not.toMatch(/<script|<img|<[^>]*onerror=/i)
      expect(html).toContain('&lt;script&gt;')
    }
    await w.deps.repo.deleteSubscription('sub_hostile')
  })

  it('needs a signed-in editor', async () => {
    const r1 = await page('/subscriptions', '')
    expect(r1.status).toBe(303)
    expect(r1.location).toBe('/login?next=%2Fsubscriptions')
  })

  it('creates a webhook, shows its secret once, logs deliveries and re-enables', async () => {
    const list = await page('/subscriptions')
    expect(list.status).toBe(200)
    for (const label of ['Topic', 'Channel', 'Webhook URL or e-mail address']) {
      expect(list.html).toMatch(new RegExp(`<label for="[^"]+">${label}</label>`))
    }
    const fields = { topic: 'tag:supply-chain', channel: 'webhook', target: r.url, mode: 'daily' }
    expect((await post('/subscriptions', fields, null)).status).toBe(403)
    const bad = await post('/subscriptions', { ...fields, topic: 'tag:<b>x</b>' }, '/subscriptions')
    expect(bad.status).toBe(400)
    expect(bad.html).toContain('unknown tag')
    expect(bad.html).not.toContain('<b>x</b>')

    const created = await post('/subscriptions', fields, '/subscriptions')
    expect(created.status).toBe(200)
    const secret = /whsec_[A-Za-z0-9_-]{43}/.exec(created.html)?.[0]
    expect(secret).toBeTruthy()
    const id = /href="\/subscriptions\/(sub_[^"]+)"/.exec(created.html)![1]!
    expect((await page('/subscriptions')).html).not.toContain(secret)
    expect((await page(`/subscriptions/${id}`)).html).not.toContain(secret)
    expect((await page(`/subscriptions/${id}`, cookies.other)).status).toBe(404)

    r.script = [500, 503]
    await w.deps.repo.insertNotifications([
      {
        id: 'ntf_web00000000001',
        subscriptionId: id,
        incidentId: 'inc_0000000000000001',
        changeId: 'chg_1',
        payload: { id: 'ntf_web00000000001', type: 'tag_added' },
        createdAt: new Date().toISOString(),
      },
    ])
    await deliverWebhooks(w.deps, new Date())
    await deliverWebhooks(w.deps, new Date(Date.now() + 60_000))
    const detail = await page(`/subscriptions/${id}`)
    expect(detail.html).toContain('Disabled after persistent failure: 2 consecutive failures since')
    expect(detail.html).toContain('last: HTTP 503')
    expect(detail.html).toContain('<th scope="col">HTTP status</th>')
    expect(detail.html).toContain('>Re-enable</button>')
    expect(detail.html).not.toMatch(/<script/i)

    const enable = await post(`/subscriptions/${id}`, { action: 'enable' }, `/subscriptions/${id}`)
    expect(enable.status).toBe(303)
    expect(enable.location).toBe(`/subscriptions/${id}`)
    expect((await page(`/subscriptions/${id}`)).html).toContain('✓ Active')

    const del = await post(`/subscriptions/${id}`, { action: 'delete' }, `/subscriptions/${id}`)
    expect(del.status).toBe(303)
    expect((await page(`/subscriptions/${id}`)).status).toBe(404)
  })
})
