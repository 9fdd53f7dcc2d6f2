// HTTP caching and CORS of API v1: weak ETags and 304s, Cache-Control per endpoint, CORS for
// reads from any origin (no credentials) and none for writes. Documented responses are
// validated against the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureApp, type Api } from './fixture-db.js'
import { openApiChecker, type Checker } from './openapi-check.js'

const ORIGIN = 'https://reader.example'

describe('API v1 caching and CORS', () => {
  let api: Api
  let check: Checker

  beforeAll(async () => {
    api = await fixtureApp()
    check = await openApiChecker(api)
  }, 60_000)
  afterAll(() => api?.close())

  it('sends a weak ETag of the body and 304 for a current one only', async () => {
    const first = await check.call('/api/v1/incidents')
    const tag = first.headers.get('etag')!
    expect(tag).toMatch(/^W\/"[0-9a-f]{40}"$/)
    const same = await check.call('/api/v1/incidents')
    expect(same.headers.get('etag')).toBe(tag)
    const other = await check.call('/api/v1/incidents?sort=coverage')
    expect(other.headers.get('etag')).not.toBe(tag)

    const fresh = await check.call('/api/v1/incidents', { headers: { 'If-None-Match': tag } })
    expect(fresh.status).toBe(304)
    expect(fresh.body).toBe('')
    expect(fresh.headers.get('cache-control')).toBe('public, max-age=60')
    const list = await check.call('/api/v1/incidents', {
      headers: { 'If-None-Match': `"stale", ${tag}` },
    })
    expect(list.status).toBe(304)
    const stale = await check.call('/api/v1/incidents', { headers: { 'If-None-Match': 'W/"x"' } })
    expect(stale.status).toBe(200)
  })

  it('sets Cache-Control per endpoint, and none on errors', async () => {
    const expected: [string, string][] = [
      ['/incidents', 'public, max-age=60'],
      [`/incidents/${api.ids.clop}`, 'public, max-age=60'],
      ['/entities', 'public, max-age=60'],
      ['/articles', 'public, max-age=60'],
      ['/feeds', 'public, max-age=15'],
      ['/runs', 'no-store'],
      ['/health', 'no-store'],
      ['/openapi.json', 'public, max-age=300'],
    ]
    for (const [path, value] of expected) {
      const res = await check.call(`/api/v1${path}`)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe(value)
      expect(res.headers.get('etag'), path).toMatch(/^W\//)
    }
    const missing = await check.call('/api/v1/incidents/inc_ffffffffffffffff')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBeNull()
    expect(missing.headers.get('etag')).toBeNull()
  })

  it('allows any origin to read, without credentials, also on a 304', async () => {
    const res = await check.call('/api/v1/incidents', { headers: { Origin: ORIGIN } })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag')
    const notModified = await check.call('/api/v1/incidents', {
      headers: { Origin: ORIGIN, 'If-None-Match': res.headers.get('etag')! },
    })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('access-control-allow-origin')).toBe('*')
    const head = await api.app.request('/api/v1/entities', {
      method: 'HEAD',
      headers: { Origin: ORIGIN },
    })
    expect(head.status).toBe(200)
    expect(head.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers the preflight of a read, and not that of a write', async () => {
    const read = await api.app.request('/api/v1/incidents', {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    })
    expect(read.status).toBe(204)
    expect(read.headers.get('access-control-allow-origin')).toBe('*')
    const methods = read.headers.get('access-control-allow-methods')!.split(',')
    expect(methods).toEqual(['GET', 'HEAD', 'OPTIONS'])
    expect(read.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/i)
    expect(read.headers.get('access-control-allow-credentials')).toBeNull()

    const write = await api.app.request(`/api/v1/incidents/${api.ids.clop}`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    })
    expect(write.headers.get('access-control-allow-origin')).toBeNull()
    expect(write.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('sends no CORS headers on writes', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await api.app.request(`/api/v1/incidents/${api.ids.clop}`, {
        method,
        headers: { Origin: ORIGIN, 'content-type': 'application/json' },
        body: '{}',
      })
      expect(res.status, method).toBeGreaterThanOrEqual(400)
      expect(res.headers.get('access-control-allow-origin'), method).toBeNull()
    }
  })
})
