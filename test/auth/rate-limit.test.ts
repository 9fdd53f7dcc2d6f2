// Rate limits on /api: per client IP without a key, per key with one; draft-7 RateLimit headers,
// 429 with Retry-After and the JSON error, recovery after the window (a 400 ms one here).
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.js'
import type { AuthWiring } from '../../src/http/auth/wiring.js'
import { authFixture, bearer, type AuthFixture } from './fixture.js'

const WINDOW_MS = 400
let f: AuthFixture | null = null
afterEach(() => f?.close())

async function setup(env: Record<string, string>, wiring: AuthWiring = {}) {
  f = await authFixture(env)
  const app = createApp(f.deps, { rateLimitWindowMs: WINDOW_MS, ...wiring })
  const get = (headers: Record<string, string> = {}) => app.request('/api/v1/health', { headers })
  return { fixture: f, app, get }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('API rate limits', () => {
  it('does not throttle anonymous clients on this machine (loopback or in-process)', async () => {
    for (const ip of ['127.0.0.1', '::1', undefined]) {
      const { get } = await setup({ SITREP_RATE_LIMIT_ANON: '1' }, ip ? { clientIp: () => ip } : {})
      for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200)
    }
  })

  it('limits anonymous clients per IP, then recovers after the window', async () => {
    let ip = '198.51.100.7'
    const { get } = await setup(
      { SITREP_RATE_LIMIT_ANON: '3', SITREP_RATE_LIMIT_KEY: '5' },
      { clientIp: () => ip },
    )
    const first = await get()
    expect(first.status).toBe(200)
    expect(first.headers.get('ratelimit-policy')).toBe('3;w=1')
    expect(first.headers.get('ratelimit')).toMatch(/^limit=3, remaining=2, reset=\d+$/)
    await get()
    await get()
    const limited = await get()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(limited.headers.get('ratelimit')).toMatch(/remaining=0/)
    expect(await limited.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('too many requests') },
    })
    ip = '198.51.100.8'
    expect((await get()).status).toBe(200)
    ip = '198.51.100.7'
    await sleep(WINDOW_MS + 100)
    expect((await get()).status).toBe(200)
  })

  it('counts a key separately from its IP, with the key limit', async () => {
    const { get, fixture } = await setup(
      { SITREP_RATE_LIMIT_ANON: '1', SITREP_RATE_LIMIT_KEY: '3' },
      { clientIp: () => '198.51.100.7' },
    )
    const key = bearer(await fixture.key('script', 'read'))
    expect((await get()).status).toBe(200)
    expect((await get()).status).toBe(429)
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await get(key)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
  })

  it('trusts X-Forwarded-For only with SITREP_TRUST_PROXY=1 (its last entry)', async () => {
    const via = (xff: string) => ({ 'X-Forwarded-For': xff })
    const untrusted = await setup({ SITREP_RATE_LIMIT_ANON: '1' }, { clientIp: () => '10.0.0.1' })
    expect((await untrusted.get(via('1.1.1.1'))).status).toBe(200)
    expect((await untrusted.get(via('2.2.2.2'))).status).toBe(429)
    untrusted.fixture.close()
    const trusted = await setup(
      { SITREP_RATE_LIMIT_ANON: '1', SITREP_TRUST_PROXY: '1' },
      { clientIp: () => '10.0.0.1' },
    )
    expect((await trusted.get(via('1.1.1.1'))).status).toBe(200)
    expect((await trusted.get(via('9.9.9.9, 2.2.2.2'))).status).toBe(200)
    // A forged first entry does not buy a fresh bucket: the proxy's entry (last) counts.
    expect((await trusted.get(via('3.3.3.3, 2.2.2.2'))).status).toBe(429)
  })

  it('0 disables a limit', async () => {
    const { get } = await setup({ SITREP_RATE_LIMIT_ANON: '0', SITREP_RATE_LIMIT_KEY: '0' })
    for (let i = 0; i < 5; i++) {
      const res = await get()
      expect(res.status).toBe(200)
      expect(res.headers.get('ratelimit')).toBeNull()
    }
  })

  it('leaves web pages alone', async () => {
    const { app } = await setup({ SITREP_RATE_LIMIT_ANON: '1' }, { clientIp: () => '10.0.0.1' })
    for (let i = 0; i < 3; i++) expect((await app.request('/login')).status).toBe(200)
  })
})
