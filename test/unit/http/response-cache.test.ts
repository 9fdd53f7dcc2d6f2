// The micro-cache in front of anonymous reads: served while fresh, dropped by any write in this
// process or by age, never used for credentialed requests or uncacheable responses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/core/config.js'
import type { Deps } from '../../../src/core/deps.js'
import { silentLogger } from '../../../src/core/log.js'
import { createApp } from '../../../src/http/app.js'
import { openSqlite, type SqliteHandle } from '../../../src/storage/sqlite-node.js'
import { trackWrites } from '../../../src/storage/write-tracking.js'

let db: SqliteHandle
let reads = 0
let app: ReturnType<typeof createApp>
let deps: Deps

async function setup(ttl: string) {
  db = await openSqlite(':memory:')
  const tracked = trackWrites(db.repo)
  // Count the storage reads behind the incident list, to see whether a response was rebuilt.
  const repo = new Proxy(tracked.repo, {
    get(t, p, r) {
      if (p === 'listIncidents') reads++
      return Reflect.get(t, p, r) as unknown
    },
  })
  deps = {
    config: parseConfig({ SITREP_RESPONSE_CACHE_MS: ttl }),
    repo,
    http: { fetch: () => Promise.reject(new Error('no network in tests')) },
    log: silentLogger,
    now: () => new Date('2026-03-12T00:00:00Z'),
    dataGeneration: tracked.generation,
  }
  app = createApp(deps)
}

beforeEach(() => {
  reads = 0
})
afterEach(() => db.close())

describe('response cache', () => {
  it('serves a repeated anonymous read from memory, with the same body and ETag', async () => {
    await setup('60000')
    const a = await app.request('/api/v1/incidents')
    const b = await app.request('/api/v1/incidents')
    expect(reads).toBe(1)
    expect(await b.text()).toBe(await a.text())
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'))
    expect(b.headers.get('content-security-policy')).toContain("script-src 'none'")
    const revalidated = await app.request('/api/v1/incidents', {
      headers: { 'if-none-match': a.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(304)
    expect(reads).toBe(1)
  })

  it('builds a missing entry once for concurrent requests', async () => {
    await setup('60000')
    const all = await Promise.all([1, 2, 3, 4].map(() => app.request('/api/v1/incidents')))
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(reads).toBe(1)
  })

  it('drops entries when this process writes to the database', async () => {
    await setup('60000')
    await app.request('/api/v1/incidents')
    await deps.repo.setSetting('anything', 'changed')
    await app.request('/api/v1/incidents')
    expect(reads).toBe(2)
  })

  it('drops entries after the TTL (writes by other processes)', async () => {
    await setup('30')
    await app.request('/api/v1/incidents')
    await new Promise((r) => setTimeout(r, 60))
    await app.request('/api/v1/incidents')
    expect(reads).toBe(2)
  })

  it('never serves credentialed requests or no-store responses from memory', async () => {
    await setup('60000')
    const auth = { headers: { authorization: 'Bearer sitrep_not_a_real_key' } }
    await app.request('/api/v1/incidents', auth)
    await app.request('/api/v1/incidents', auth)
    expect(reads).toBe(2)
    const cookie = { headers: { cookie: 'sitrep_session=abc' } }
    await app.request('/api/v1/incidents', cookie)
    expect(reads).toBe(3)
    const runs1 = await app.request('/api/v1/runs')
    expect(runs1.headers.get('cache-control')).toContain('no-store')
  })

  it('is off with SITREP_RESPONSE_CACHE_MS=0', async () => {
    await setup('0')
    await app.request('/api/v1/incidents')
    await app.request('/api/v1/incidents')
    expect(reads).toBe(2)
  })
})

describe('write tracking', () => {
  it('classifies every repository method as a read or a write', async () => {
    const { READS, WRITES } = await import('../../../src/storage/write-tracking.js')
    const handle = await openSqlite(':memory:')
    const methods = Object.keys(handle.repo).filter(
      (k) => typeof (handle.repo as unknown as Record<string, unknown>)[k] === 'function',
    )
    handle.close()
    const unclassified = methods.filter((m) => !READS.has(m) && !WRITES.has(m))
    expect(unclassified, 'add them to READS or WRITES in write-tracking.ts').toEqual([])
  })
})

describe('response cache and other processes', () => {
  it('notices a commit by another connection within a poll interval', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { createNodeRuntime } = await import('../../../src/entry/node-deps.js')
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-cache-'))
    const url = `file:${join(dir, 'db.sqlite')}`
    const rt = await createNodeRuntime({ DATABASE_URL: url, SITREP_LOG_LEVEL: 'error' })
    const other = await openSqlite(url)
    try {
      const served = createApp(rt.deps)
      const count = async () =>
        ((await (await served.request('/api/v1/feeds')).json()) as { data: unknown[] }).data.length
      expect(await count()).toBe(0)
      await other.repo.addFeeds([{ url: 'https://example.com/feed.xml', name: 'x' }], '2026-03-12')
      await new Promise((r) => setTimeout(r, 700))
      // (Without the data_version watch this stays 0 for the 30 s TTL.)
      expect(await count()).toBe(1)
    } finally {
      other.close()
      await rt.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
