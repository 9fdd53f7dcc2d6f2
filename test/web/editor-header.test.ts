// The header's editor slot on real pages: a reader sees "Sign in"; with an editor's session cookie
// every page says "Signed in as NAME", offers a POST sign-out carrying the CSRF token, and is
// never stored by a cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csrfTokenOf,
  generateApiKey,
  generateSessionToken,
  hashApiKey,
  hashSessionToken,
  keyPrefix,
  SESSION_COOKIE,
} from '../../src/core/api-keys.js'
import { buildWebDb, NOW, type WebSiteDb } from './site-db.js'
import { openWebApp } from './web-app.js'

describe('editor status in the header', () => {
  let db: WebSiteDb
  let web: Awaited<ReturnType<typeof openWebApp>>
  let cookie = ''
  let csrf = ''

  beforeAll(async () => {
    db = await buildWebDb()
    web = await openWebApp(db.url)
    const key = generateApiKey()
    const record = await web.repo.createApiKey({
      name: 'Editor Eve',
      keyHash: await hashApiKey(key),
      prefix: keyPrefix(key),
      scopes: ['write'],
      createdAt: NOW.toISOString(),
    })
    const token = generateSessionToken()
    await web.repo.createSession({
      tokenHash: await hashSessionToken(token),
      keyId: record.id,
      createdAt: NOW.toISOString(),
      expiresAt: new Date(NOW.getTime() + 3_600_000).toISOString(),
    })
    cookie = `${SESSION_COOKIE}=${token}`
    csrf = await csrfTokenOf(token)
  }, 60_000)

  afterAll(() => {
    web?.close()
    db?.cleanup()
  })

  it('offers readers a "Sign in" link', async () => {
    const { $, headers } = await web.page('/')
    expect($('header .editor a').text()).toBe('Sign in')
    expect(headers.get('cache-control')).toBeNull()
  })

  it('names the signed-in editor on every page, with a sign-out form', async () => {
    const litellm = db.incidentOf('litellm-pypi-backdoor')
    for (const path of ['/', `/incidents/${litellm}`, '/search?q=Trivy', '/feeds', '/about']) {
      const { status, $, headers } = await web.page(path, { headers: { cookie } })
      expect(status, path).toBe(200)
      expect($('header .editor').text(), path).toMatch(/Signed in as Editor Eve/)
      const form = $('header form[action="/logout"]')
      expect(form.attr('method'), path).toBe('post')
      expect(form.find('input[name="_csrf"]').attr('value'), path).toBe(csrf)
      expect(form.find('button').text(), path).toBe('Sign out')
      expect(headers.get('cache-control'), path).toBe('private, no-store')
    }
  })
})
