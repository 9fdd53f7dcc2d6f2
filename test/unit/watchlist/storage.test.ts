// Watchlist storage (sqlite/watchlists.ts) over the chain fixture ingested through the real
// pipeline: create, read, list and delete, and the candidate lookup for current matches, whose
// every statement must be answered from an index (no full SCAN of a table).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createClient, type Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/core/config.js'
import type { Deps } from '../../../src/core/deps.js'
import { entityId } from '../../../src/core/ids.js'
import { silentLogger } from '../../../src/core/log.js'
import type { RawItem } from '../../../src/core/types.js'
import { createPipelineContext } from '../../../src/pipeline/context.js'
import { ingestItems } from '../../../src/pipeline/ingest.js'
import { currentMatches } from '../../../src/pipeline/watchlist/manage.js'
import type { WatchlistRecord } from '../../../src/storage/repository.js'
import { watchlistRepo } from '../../../src/storage/sqlite/watchlists.js'
import { openSqlite } from '../../../src/storage/sqlite-node.js'
import { tempDbUrl } from '../../helpers/temp-db.js'

const chainFile = fileURLToPath(
  new URL('../../fixtures/chain/trivy-litellm.jsonl', import.meta.url),
)
const chain = readFileSync(chainFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as RawItem)

const watchlist = (id: string, keyId: string, version: string): WatchlistRecord => ({
  id,
  name: `deps ${id}`,
  format: 'requirements',
  packages: [
    { ecosystem: 'pypi', name: 'litellm', version },
    { ecosystem: 'pypi', name: 'requests', version: null, spec: '>=2' },
  ],
  keyId,
  createdAt: `2026-04-0${id.slice(-1)}T00:00:00.000Z`,
})

describe('watchlist storage', () => {
  const tmp = tempDbUrl()
  let client: Client
  let repo: ReturnType<typeof watchlistRepo>
  let deps: Deps
  const statements: { sql: string; params: unknown[] }[] = []

  beforeAll(async () => {
    const handle = await openSqlite(tmp.url)
    deps = {
      config: parseConfig({ DATABASE_URL: tmp.url, SITREP_FETCH_PAGES: '0' }),
      repo: handle.repo,
      http: { fetch: () => Promise.reject(new Error('tests never touch the network')) },
      log: silentLogger,
      now: () => new Date('2026-04-01T12:00:00Z'),
    }
    const ctx = await createPipelineContext(deps)
    await ingestItems(deps, ctx, chain, { origin: 'ingest', feedId: null, source: null })
    client = createClient({ url: tmp.url })
    const orm = drizzle(client, {
      logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
    })
    repo = watchlistRepo(orm)
    for (const w of [watchlist('wl_1', 'key_a', '1.82.7'), watchlist('wl_2', 'key_b', '1.82.6')])
      await repo.createWatchlist(w)
    return () => handle.close()
  }, 60_000)

  afterAll(() => {
    client?.close()
    tmp.cleanup()
  })

  it('stores, reads, lists (own or all) and deletes', async () => {
    expect(await repo.getWatchlist('wl_1')).toEqual(watchlist('wl_1', 'key_a', '1.82.7'))
    expect(await repo.getWatchlist('wl_none')).toBeNull()
    expect((await repo.listWatchlists({ keyId: 'key_a', limit: 10 })).map((w) => w.id)).toEqual([
      'wl_1',
    ])
    const all = await repo.listWatchlists({ keyId: null, limit: 10 })
    expect(all.map((w) => [w.id, w.packageCount])).toEqual([
      ['wl_2', 2],
      ['wl_1', 2],
    ])
    await repo.createWatchlist(watchlist('wl_3', 'key_a', '1.0'))
    expect(await repo.deleteWatchlist('wl_3')).toBe(true)
    expect(await repo.deleteWatchlist('wl_3')).toBe(false)
  })

  it('finds recent incidents by software entity id or retrieval term', async () => {
    const byEntity = await repo.watchlistCandidates({
      entityIds: [await entityId('software', 'litellm')],
      terms: [],
      since: '2026-01-01T00:00:00Z',
      limit: 10,
    })
    expect(byEntity).toHaveLength(1)
    expect(byEntity[0]!.entities.map((e) => e.name)).toContain('LiteLLM')
    const byTerm = await repo.watchlistCandidates({
      entityIds: [],
      terms: ['litellm'],
      since: '2026-01-01T00:00:00Z',
      limit: 10,
    })
    expect(byTerm.map((c) => c.id)).toEqual(byEntity.map((c) => c.id))
    const later = await repo.watchlistCandidates({
      entityIds: [await entityId('software', 'litellm')],
      terms: ['litellm'],
      since: '2026-09-01T00:00:00Z',
      limit: 10,
    })
    expect(later).toEqual([])
  })

  it('answers the candidate lookup from indexes', async () => {
    statements.length = 0
    await repo.watchlistCandidates({
      entityIds: [await entityId('software', 'litellm'), await entityId('software', 'trivy')],
      terms: ['litellm', 'trivy'],
      since: '2026-01-01T00:00:00Z',
      limit: 10,
    })
    expect(statements.length).toBe(3)
    for (const { sql, params } of statements) {
      const plan = await client.execute({
        sql: `explain query plan ${sql}`,
        args: params as (string | number | null)[],
      })
      const steps = plan.rows.map((r) => String(r.detail))
      expect(
        steps.filter((s) => /^SCAN /.test(s)),
        `${sql}\n${steps.join('\n')}`,
      ).toEqual([])
    }
  })

  it('current matches: the LiteLLM incident, each pin with its verdict', async () => {
    const matches = await currentMatches(deps, watchlist('wl_1', 'key_a', '1.82.7'))
    expect(matches).toHaveLength(1)
    expect(matches[0]!.incident.title).toMatch(/LiteLLM/)
    expect(matches[0]!.packages).toEqual([
      {
        ecosystem: 'pypi',
        name: 'litellm',
        version: '1.82.7',
        affected: 'affected',
        affected_versions: ['1.82.7', '1.82.8'],
      },
    ])
  })
})
