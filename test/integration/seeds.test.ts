// The two articles that started sitrep (../shared/seeds): not a feed as plain text, and one
// incident with its key entities once given as JSON Lines.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { openApp } from '../helpers/app.js'
import { runCli } from '../helpers/cli.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url))
const present = existsSync(seedsDir)
if (!present) console.log(`skipping seed tests: ${seedsDir} is absent (the shared data folder)`)

describe.skipIf(!present)('the seed articles', () => {
  const db = tempDbUrl()
  const env = { DATABASE_URL: db.url, SITREP_SEED_FEEDS: '0', SITREP_FETCH_PAGES: '0' }
  const files = present
    ? readdirSync(seedsDir)
        .filter((n) => n.endsWith('.txt'))
        .sort()
    : []
  afterAll(() => db.cleanup())

  it('rejects the plain-text files with one clear line each', async () => {
    const r = await runCli(['ingest', ...files.map((n) => join(seedsDir, n))], env)
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(files.length)
    for (const line of lines) expect(line).toMatch(/^error: .+\.txt: not a feed or JSON Lines file/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('clusters the two seed articles into one incident with the key entities', async () => {
    // Publication dates: the first is the Mercor admission coverage, the second the follow-up.
    const dates = ['2026-04-01T10:00:00Z', '2026-04-03T10:00:00Z']
    const lines = files.map((name, i) => {
      const [title, ...rest] = readFileSync(join(seedsDir, name), 'utf8').split('\n')
      return JSON.stringify({
        url: `https://news.example/seed/${name.replace('.txt', '')}`,
        title: title!.trim(),
        published: dates[i] ?? dates[1],
        text: rest.join('\n'),
        source: `seed-${i}`,
      })
    })
    const jsonl = join(db.dir, 'seeds.jsonl')
    writeFileSync(jsonl, `${lines.join('\n')}\n`)
    const r = await runCli(['ingest', jsonl], env)
    expect(r.code, r.stderr).toBe(0)

    const api = await openApp(db.url)
    try {
      const { body } = await api.get<{ data: { incident_id: string }[] }>('/api/v1/articles')
      expect(body.data).toHaveLength(2)
      expect(body.data[0]!.incident_id).toBe(body.data[1]!.incident_id)
      const inc = await api.get<{ entities: { name: string; type: string }[] }>(
        `/api/v1/incidents/${body.data[0]!.incident_id}`,
      )
      const names = inc.body.entities.map((e) => e.name.toLowerCase())
      for (const n of ['mercor', 'litellm', 'meta', 'lapsus$', 'teampcp'])
        expect(names).toContain(n)
    } finally {
      api.close()
    }
  })
})
