// A group sitrep discovers on its own is provisional; when a knowledge-base import later names it
// as an alias, the provisional entity is folded into the imported one, mentions included.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { openApp } from '../helpers/app.js'
import { runCli } from '../helpers/cli.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const fixture = fileURLToPath(
  new URL('../fixtures/kb/misp-threat-actor-small.json', import.meta.url),
)
type Entity = {
  id: string
  name: string
  type: string
  provisional: boolean
  origin: string
  incident_count: number
}

describe('provisional entities and kb import', () => {
  const db = tempDbUrl()
  const env = { DATABASE_URL: db.url, SITREP_SEED_FEEDS: '0' }
  afterAll(() => db.cleanup())

  it('discovers a new group, then merges it into the imported entity that lists it as an alias', async () => {
    const file = join(db.dir, 'a.jsonl')
    const text =
      'A threat group identified as Quillmoth breached the payroll provider Fernhill Payroll and ' +
      'stole employee records. Quillmoth later posted samples of the data on a leak site.'
    writeFileSync(
      file,
      JSON.stringify({
        url: 'https://news.example/quillmoth',
        title: 'Quillmoth hackers breach Fernhill Payroll',
        published: '2026-05-02T10:00:00Z',
        text,
        source: 'Example News',
      }) + '\n',
    )
    expect((await runCli(['ingest', file], env)).code).toBe(0)

    let api = await openApp(db.url)
    const before = (await api.get<{ data: Entity[] }>('/api/v1/entities?q=quillmoth')).body.data
    api.close()
    expect(before).toHaveLength(1)
    expect(before[0]).toMatchObject({
      name: 'Quillmoth',
      type: 'threat_actor',
      provisional: true,
      origin: 'discovered',
    })

    const r = await runCli(['kb', 'import', fixture], env)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('merged 1 provisional entity into imported ones')

    api = await openApp(db.url)
    try {
      const after = (await api.get<{ data: Entity[] }>('/api/v1/entities?q=quillmoth')).body.data
      expect(after).toHaveLength(1)
      expect(after[0]).toMatchObject({
        name: 'GRAPHITE HARBOR',
        provisional: false,
        origin: 'import',
        incident_count: 1,
      })
      const articles = (
        await api.get<{ data: { entities: { id: string }[] }[] }>('/api/v1/articles')
      ).body.data
      expect(articles[0]!.entities.map((e) => e.id)).toContain(after[0]!.id)
      expect((await api.get(`/api/v1/entities/${before[0]!.id}`)).status).toBe(404)
    } finally {
      api.close()
    }
  })
})
