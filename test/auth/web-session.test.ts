// Editor sign-in on the web: the login form, a session cookie (HttpOnly, SameSite=Strict, Secure
// on https), "Signed in as", CSRF-protected sign-out, safe `next` redirects, refused keys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.js'
import { requireScope } from '../../src/http/auth/middleware.js'
import { authFixture, type AuthFixture } from './fixture.js'

let f: AuthFixture
let app: ReturnType<typeof createApp>
beforeEach(async () => {
  f = await authFixture()
  app = createApp(f.deps, { clientIp: () => '198.51.100.7' })
})
afterEach(() => f.close())

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
})

async function signIn(key: string, next?: string, base = 'http://localhost') {
  const res = await app.request(`${base}/login`, form({ key, ...(next ? { next } : {}) }))
  const setCookie = res.headers.get('set-cookie') ?? ''
  const cookie = /^(sitrep_session=[^;]+)/.exec(setCookie)?.[1] ?? ''
  return { res, setCookie, cookie }
}

const csrfIn = (html: string) => /name="_csrf" value="([0-9a-f]{64})"/.exec(html)?.[1]

describe('web login', () => {
  it('shows the form the browser tests rely on', async () => {
    const res = await app.request('/login?next=/incidents/inc_1/edit')
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('<label for="key">API key</label>')
    expect(html).toMatch(/<input id="key" name="key" type="password"/)
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/)
    expect(html).toContain('name="next" value="/incidents/inc_1/edit"')
  })

  it('signs in with a write key: cookie, redirect to next, "Signed in as"', async () => {
    const key = await f.key('alice', 'write')
    const { res, setCookie, cookie } = await signIn(key, '/incidents/inc_1/edit')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/incidents/inc_1/edit')
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).not.toMatch(/Secure/)
    expect(setCookie).not.toContain(key)
    const page = await (await app.request('/login', { headers: { Cookie: cookie } })).text()
    expect(page).toContain('Signed in as')
    expect(page).toContain('alice')
    expect(page).toContain('Sign out')
  })

  it('sets Secure over https and ignores off-site next values', async () => {
    const key = await f.key('alice', 'admin')
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { res, setCookie } = await signIn(key, next, 'https://sitrep.example')
      expect(res.headers.get('location')).toBe('/')
      expect(setCookie).toMatch(/Secure/)
    }
  })

  it('refuses a wrong key (401) and a read key (403), showing the form again', async () => {
    const wrong = await signIn('sitrep_' + 'B'.repeat(43))
    expect(wrong.res.status).toBe(401)
    expect(wrong.setCookie).toBe('')
    const html = await wrong.res.text()
    expect(html).toContain('not valid')
    expect(html).toContain('<label for="key">API key</label>')
    const read = await signIn(await f.key('reader', 'read'))
    expect(read.res.status).toBe(403)
    expect(await read.res.text()).toContain('write or admin')
  })

  it('rate-limits failed sign-ins per IP', async () => {
    const statuses = []
    for (let i = 0; i < 11; i++) statuses.push((await signIn('nope')).res.status)
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
    expect(statuses[10]).toBe(429)
  })
})

describe('sessions and CSRF', () => {
  it('a session authenticates web requests only, not the API', async () => {
    // The probe sits under /api: the cookie alone must not authorize it.
    app.post('/api/v1/_probe', requireScope('write'), (c) => c.text('ok'))
    const { cookie } = await signIn(await f.key('alice', 'write'))
    const probe = await app.request('/api/v1/_probe', {
      method: 'POST',
      headers: { Cookie: cookie },
    })
    expect(probe.status).toBe(401)
  })

  it('refuses a cookie POST without the CSRF token, accepts it with the token', async () => {
    const { cookie } = await signIn(await f.key('alice', 'write'))
    const without = await app.request('/logout', form({}, { Cookie: cookie }))
    expect(without.status).toBe(403)
    const wrong = await app.request('/logout', form({ _csrf: 'f'.repeat(64) }, { Cookie: cookie }))
    expect(wrong.status).toBe(403)

    const page = await (await app.request('/login', { headers: { Cookie: cookie } })).text()
    const token = csrfIn(page)
    expect(token).toBeDefined()
    const out = await app.request('/logout', form({ _csrf: token! }, { Cookie: cookie }))
    expect(out.status).toBe(303)
    expect(out.headers.get('set-cookie')).toMatch(/sitrep_session=;.*Max-Age=0/)
    // The session is gone server-side too: replaying the old cookie is anonymous.
    const after = await (await app.request('/login', { headers: { Cookie: cookie } })).text()
    expect(after).not.toContain('Signed in as')
  })

  it('lets the route read the form after the CSRF check read it', async () => {
    const { cookie } = await signIn(await f.key('alice', 'write'))
    const page = await (await app.request('/login', { headers: { Cookie: cookie } })).text()
    const bob = await f.key('bob', 'write')
    const fields = { key: bob, _csrf: csrfIn(page)!, next: '/feeds' }
    const again = await app.request('/login', form(fields, { Cookie: cookie }))
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe('/feeds')
  })

  it('refuses cross-site form posts', async () => {
    const key = await f.key('alice', 'write')
    const evil = { Origin: 'https://evil.example' }
    expect((await app.request('/login', form({ key }, evil))).status).toBe(403)
    const site = { 'Sec-Fetch-Site': 'cross-site' }
    expect((await app.request('/login', form({ key }, site))).status).toBe(403)
    const same = { Origin: 'http://localhost' }
    expect((await app.request('http://localhost/login', form({ key }, same))).status).toBe(303)
  })

  it('a session ends when its key is revoked or after 12 hours', async () => {
    const { cookie } = await signIn(await f.key('alice', 'write'))
    const signedIn = async () =>
      (await (await app.request('/login', { headers: { Cookie: cookie } })).text()).includes(
        'Signed in as',
      )
    expect(await signedIn()).toBe(true)
    f.advance(12 * 3600_000)
    expect(await signedIn()).toBe(false)
    const again = await signIn(await f.key('bob', 'write'))
    await f.deps.repo.revokeApiKey('bob', f.deps.now().toISOString())
    const page = await (await app.request('/login', { headers: { Cookie: again.cookie } })).text()
    expect(page).not.toContain('Signed in as')
  })
})
