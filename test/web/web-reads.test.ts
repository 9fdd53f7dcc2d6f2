// The storage reads behind the web pages (sqlite/web-reads.ts): what they return on the web test
// database, and that each of their statements is answered from an index (EXPLAIN QUERY PLAN has
// no full SCAN of a table).
import { createClient, type Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webReads } from '../../src/storage/sqlite/web-reads.js'
import { buildWebDb, HIDDEN_ID, type WebSiteDb } from './site-db.js'

describe('web reads', () => {
  let db: WebSiteDb
  let client: Client
  let reads: ReturnType<typeof webReads>
  const statements: { sql: string; params: unknown[] }[] = []
  let teampcp = ''

  beforeAll(async () => {
    db = await buildWebDb()
    client = createClient({ url: db.url })
    const orm = drizzle(client, {
      logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
    })
    reads = webReads(orm)
    const row = await client.execute("select id from entities where name = 'TeamPCP'")
    teampcp = String(row.rows[0]!.id)
  }, 60_000)

  afterAll(() => {
    client?.close()
    db?.cleanup()
  })

  it('lists pinned incidents', async () => {
    const pinned = await reads.pinnedIncidents(10)
    expect(pinned.map((i) => i.id)).toEqual([db.incidentOf('harborview')])
  })

  it('ranks most covered by articles published in the window, hidden excluded', async () => {
    const week = await reads.mostCovered('2026-03-30T12:00:00Z', 10)
    expect(week.map((i) => [i.id, i.recentArticles])).toEqual([
      [db.incidentOf('hostile.example'), 2],
      [db.incidentOf('mercor-breach'), 2],
      [db.incidentOf('harborview'), 1],
    ])
    const all = await reads.mostCovered('2000-01-01', 10)
    expect(all).toHaveLength(5)
    expect(all.map((i) => i.id)).not.toContain(HIDDEN_ID)
  })

  it('counts an entity’s incidents per first-seen day', async () => {
    expect(await reads.entityActivity(teampcp)).toEqual([
      { date: '2026-03-20', count: 1 },
      { date: '2026-03-24', count: 1 },
    ])
    expect(await reads.entityActivity('ent_0000000000000000')).toEqual([])
  })

  it('lists entities that share incidents, most shared first', async () => {
    const related = await reads.relatedEntities(teampcp, 3)
    expect(related).toHaveLength(3)
    expect(related[0]!.incidents).toBe(2)
    expect(related.map((r) => r.id)).not.toContain(teampcp)
    const names = (await reads.relatedEntities(teampcp, 50)).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['Trivy', 'PyPI', 'Aqua Security']))
  })

  it('answers every statement from an index', async () => {
    expect(statements.length).toBeGreaterThan(4)
    for (const { sql, params } of statements) {
      const plan = await client.execute({
        sql: `explain query plan ${sql}`,
        args: params as (string | number | null)[],
      })
      const steps = plan.rows.map((r) => String(r.detail))
      // The pinned list walks the partial index of pinned rows (migration 0007): a scan, but
      // only over the handful of pinned incidents.
      const pinned = sql.includes('"incidents"."pinned" = 1')
      const allowed = (s: string) =>
        !/^SCAN /.test(s) || (pinned && s === 'SCAN incidents USING INDEX incidents_pinned_idx')
      expect(
        steps.filter((s) => !allowed(s)),
        `${sql}\n${steps.join('\n')}`,
      ).toEqual([])
    }
  })

  it('lets a partial index on pinned rows serve the pinned list', async () => {
    // In the schema since migration 0007; `if not exists` keeps this test meaningful on its own.
    await client.execute(
      'create index if not exists incidents_pinned_idx on incidents (last_seen, id) where pinned = 1',
    )
    statements.length = 0
    await reads.pinnedIncidents(10)
    const { sql, params } = statements[0]!
    const plan = await client.execute({
      sql: `explain query plan ${sql}`,
      args: params as (string | number | null)[],
    })
    expect(plan.rows.map((r) => String(r.detail))).toEqual([
      'SCAN incidents USING INDEX incidents_pinned_idx',
    ])
  })
})
