// Every status the watchlist routes answer with, validated against /api/v1/openapi.json
// (objects closed), and the web form: a multipart file upload, a pasted file, errors shown on
// the form, ownership, sign-in and the CSRF token.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.js'
import { openApiChecker, type Checker } from '../api/openapi-check.js'
import { startReceiver, webhookWorld, type Receiver, type WebhookWorld } from './webhook-fixture.js'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/watchlist/${name}`, import.meta.url)), 'utf8')

describe('watchlist API and web form', () => {
  let world: WebhookWorld
  let receiver: Receiver
  let check: Checker
  let app: ReturnType<typeof createApp>
  const keys = { write: '', read: '', other: '', admin: '' }

  beforeAll(async () => {
    world = await webhookWorld()
    receiver = await startReceiver()
    app = createApp(world.deps)
    check = await openApiChecker({ app } as never)
    keys.write = (await world.key('writer', 'write')).key
    keys.read = (await world.key('reader', 'read')).key
    keys.other = (await world.key('other', 'write')).key
    keys.admin = (await world.key('admin', 'admin')).key
  }, 60_000)
  afterAll(async () => {
    await receiver?.close()
    await world?.close()
    world?.cleanup()
  })

  const send = (method: string, path: string, key: string | null, body?: unknown) =>
    check.call(`/api/v1${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const upload = { name: 'deps', filename: 'pnpm-lock.yaml', content: fixture('pnpm-lock-v9.yaml') }

  it('documents every status of POST /watchlists', async () => {
    const made = await send('POST', '/watchlists', keys.write, {
      ...upload,
      channel: 'webhook',
      target: receiver.url,
    })
    expect(made.status).toBe(201)
    const body = made.body as {
      id: string
      subscription_id: string
      subscription: { secret: string; topic: string }
    }
    expect(body.subscription.topic).toBe(`watchlist:${body.id}`)
    expect(body.subscription.secret).toMatch(/^whsec_/)
    expect(body.subscription_id).toMatch(/^sub_/)
    const bad: [unknown, RegExp][] = [
      [
        { ...upload, filename: 'notes.md', content: 'hello there, friend' },
        /not a recognized lockfile/,
      ],
      [{ ...upload, content: 'lockfileVersion: [' }, /not valid YAML/],
      [{ ...upload, colour: 'red' }, /unknown parameter/],
      [{ ...upload, channel: 'webhook' }, /both channel and target/],
      [{ ...upload, channel: 'webhook', target: 'ftp://x.example/' }, /./],
    ]
    for (const [input, message] of bad) {
      const res = await send('POST', '/watchlists', keys.write, input)
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      expect((res.body as { error: { message: string } }).error.message).toMatch(message)
    }
    expect((await send('POST', '/watchlists', null, upload)).status).toBe(401)
    expect((await send('POST', '/watchlists', keys.read, upload)).status).toBe(403)
    const huge = { ...upload, filename: 'requirements.txt', content: 'a==1\n'.repeat(1_100_000) }
    const tooLarge = await send('POST', '/watchlists', keys.write, huge)
    expect(tooLarge.status).toBe(413)
    expect((tooLarge.body as { error: { code: string } }).error.code).toBe('too_large')
    // Over the body limit itself: refused before the JSON is parsed.
    const tooLong = await send('POST', '/watchlists', keys.write, {
      ...huge,
      content: 'x'.repeat(11 * 1024 * 1024),
    })
    expect(tooLong.status).toBe(413)
  })

  it('lists and reads own watchlists; another key gets a 404, an admin sees all', async () => {
    const { id } = (await send('POST', '/watchlists', keys.write, upload)).body as { id: string }
    const mine = await send('GET', '/watchlists', keys.write)
    expect(mine.status).toBe(200)
    expect((mine.body as { data: { id: string }[] }).data.map((w) => w.id)).toContain(id)
    const others = (await send('GET', '/watchlists', keys.other)).body as { data: unknown[] }
    expect(others.data).toEqual([])
    const all = (await send('GET', '/watchlists', keys.admin)).body as { data: { id: string }[] }
    expect(all.data.map((w) => w.id)).toContain(id)
    const detail = await send('GET', `/watchlists/${id}`, keys.write)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({ id, format: 'pnpm-lock', package_count: 4, matches: [] })
    expect((await send('GET', `/watchlists/${id}`, keys.other)).status).toBe(404)
    expect((await send('GET', `/watchlists/${id}`, keys.admin)).status).toBe(200)
    expect((await send('GET', '/watchlists/wl_0000000000000000', keys.write)).status).toBe(404)
    expect((await send('GET', `/watchlists/${id}`, null)).status).toBe(401)
    expect((await send('GET', '/watchlists', null)).status).toBe(401)
    for (const op of ['POST /watchlists', 'GET /watchlists', 'GET /watchlists/{id}'])
      expect(check.covered.has(op), op).toBe(true)
  })

  describe('web form', () => {
    let cookie = ''
    let csrf = ''
    beforeAll(async () => {
      const login = await app.request('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key: keys.write }).toString(),
      })
      cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
      const form = await (await app.request('/watchlists/new', { headers: { cookie } })).text()
      csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? ''
      expect(csrf).not.toBe('')
      expect(form).toContain('type="file"')
      expect(form).toContain('enctype="multipart/form-data"')
    })
    const postForm = (fields: Record<string, string | Blob>, filename?: string) => {
      const body = new FormData()
      for (const [k, v] of Object.entries(fields)) {
        if (typeof v === 'string') body.append(k, v)
        else body.append(k, v, filename)
      }
      return app.request('/watchlists', { method: 'POST', headers: { cookie }, body })
    }

    it('asks to sign in first', async () => {
      const res = await app.request('/watchlists/new')
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toMatch(/^\/login\?next=/)
    })

    it('creates a watchlist from an uploaded file and shows its packages', async () => {
      const file = new Blob([fixture('poetry.lock')], { type: 'application/octet-stream' })
      const res = await postForm({ _csrf: csrf, name: 'Worker deps', file }, 'poetry.lock')
      const html = await res.text()
      expect(res.status, html.slice(0, 500)).toBe(200)
      expect(html).toContain('Watchlist created.')
      expect(html).toContain('poetry.lock')
      expect(html).toContain('typing-extensions')
      expect(html).toContain('installed from git, not from a package index')
      const id = /watchlist:(wl_[0-9a-f]{16})/.exec(html)?.[1]
      expect(id).toBeDefined()
      const page = await app.request(`/watchlists/${id}`, { headers: { cookie } })
      expect(page.status).toBe(200)
      const list = await (await app.request('/watchlists', { headers: { cookie } })).text()
      expect(list).toContain('Worker deps')
    })

    it('creates one from pasted text, subscribed to a webhook (secret shown once)', async () => {
      const res = await postForm({
        _csrf: csrf,
        name: 'Pasted',
        filename: 'requirements.txt',
        content: 'litellm==1.82.7\n',
        channel: 'webhook',
        target: receiver.url,
      })
      const html = await res.text()
      expect(res.status).toBe(200)
      expect(html).toMatch(/whsec_[\w-]+/)
      expect(html).toContain('/subscriptions/sub_')
    })

    it('shows what is wrong on the form, keeping the fields', async () => {
      const res = await postForm({
        _csrf: csrf,
        name: 'Broken',
        filename: 'x.md',
        content: 'prose, not deps',
      })
      const html = await res.text()
      expect(res.status).toBe(400)
      expect(html).toContain('not a recognized lockfile')
      expect(html).toContain('value="Broken"')
      const empty = await postForm({ _csrf: csrf, name: 'Nothing' })
      expect(empty.status).toBe(400)
      expect(await empty.text()).toContain('choose a file, or paste one')
    })

    it('refuses a post without the CSRF token', async () => {
      const res = await postForm({ name: 'x', filename: 'requirements.txt', content: 'a==1' })
      expect(res.status).toBe(403)
    })

    it('another key cannot see it', async () => {
      const { id } = (await send('POST', '/watchlists', keys.write, upload)).body as { id: string }
      const login = await app.request('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key: keys.other }).toString(),
      })
      const otherCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
      const res = await app.request(`/watchlists/${id}`, { headers: { cookie: otherCookie } })
      expect(res.status).toBe(404)
    })
  })
})
