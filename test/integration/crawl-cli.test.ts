// Foundation acceptance test: two outlets report one breach, a third item is unrelated; a real
// `sitrep crawl --once` over a loopback server must cluster them correctly, and a second crawl
// must change nothing.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../helpers/app.js'
import { runCli } from '../helpers/cli.js'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const dir = fileURLToPath(new URL('../fixtures/crawl/', import.meta.url))
const f = (name: string) => join(dir, name)

type Article = {
  id: string
  url: string
  title: string
  incident_id: string
  entities: { name: string; type: string }[]
}
type Page<T> = { data: T[]; next_cursor: string | null }

describe('sitrep crawl --once (end to end)', () => {
  let server: FixtureServer
  const db = tempDbUrl()
  const env = () => ({
    DATABASE_URL: db.url,
    SITREP_ALLOW_PRIVATE_NETWORKS: '1',
    SITREP_SEED_FEEDS: '0',
    SITREP_HOST_DELAY_MS: '20',
  })

  beforeAll(async () => {
    server = await startFixtureServer({
      '/a/feed.xml': { file: f('outlet-a.rss.xml'), type: 'application/rss+xml' },
      '/b/atom.xml': { file: f('outlet-b.atom.xml'), type: 'application/atom+xml' },
      '/a/northwind-health-ransomware': { file: f('northwind-a.html'), type: 'text/html' },
      '/b/2026/03/blackcat-northwind-health': { file: f('northwind-b.html'), type: 'text/html' },
      '/b/2026/03/chrome-zero-day': { file: f('chrome-b.html'), type: 'text/html' },
    })
    for (const [path, name] of [
      ['/a/feed.xml', 'Daily Breach Wire'],
      ['/b/atom.xml', 'Packet Ledger'],
    ]) {
      const r = await runCli(['feeds', 'add', `${server.base}${path}`, '--name', name!], env())
      expect(r.code, r.stderr).toBe(0)
    }
  })
  afterAll(async () => {
    await server?.close()
    db.cleanup()
  })

  it('clusters two reports of one breach together and keeps the unrelated item apart', async () => {
    const crawl = await runCli(['crawl', '--once'], env())
    expect(crawl.stderr).not.toMatch(/^error:/m)
    expect(crawl.code).toBe(0)
    expect(crawl.stdout).toMatch(/3 new article/)
    // Summary-only feed items made sitrep fetch the article pages.
    expect(server.hits.get('/a/northwind-health-ransomware')).toBe(1)

    const api = await openApp(db.url)
    try {
      const { body } = await api.get<Page<Article>>('/api/v1/articles?limit=10')
      expect(body.data).toHaveLength(3)
      const byTitle = (re: RegExp) => body.data.find((a) => re.test(a.title))!
      const a = byTitle(/discloses ransomware/)
      const b = byTitle(/BlackCat gang claims/)
      const chrome = byTitle(/Chrome zero-day/)
      expect(a.url).not.toContain('utm_')
      expect(a.incident_id).toBe(b.incident_id)
      expect(chrome.incident_id).not.toBe(a.incident_id)

      const types = new Map(
        a.entities.concat(b.entities, chrome.entities).map((e) => [e.name, e.type]),
      )
      expect(types.get('Northwind Health')).toBe('organization')
      expect(
        [...types.entries()].some(([n, t]) => /blackcat|alphv/i.test(n) && t === 'threat_actor'),
      ).toBe(true)
      expect(types.get('CVE-2026-2211')).toBe('vulnerability')
      expect(types.get('Chrome')).toBe('software')

      const incident = await api.get<
        Record<string, unknown> & { articles: Article[]; timeline: unknown[] }
      >(`/api/v1/incidents/${a.incident_id}`)
      expect(incident.status).toBe(200)
      expect(incident.body.article_count).toBe(2)
      expect(incident.body.articles).toHaveLength(2)
      expect(incident.body.timeline.length).toBeGreaterThan(0)
    } finally {
      api.close()
    }
  })

  it('changes nothing on a second crawl of the same feeds', async () => {
    const before = await snapshot(db.url)
    const again = await runCli(['crawl', '--once', '--all'], env())
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/0 new article/)
    expect(await snapshot(db.url)).toEqual(before)
  })
})

async function snapshot(url: string) {
  const api = await openApp(url)
  try {
    const articles = await api.get<Page<Article>>('/api/v1/articles?limit=200')
    const incidents = await api.get<Page<{ id: string; article_count: number; title: string }>>(
      '/api/v1/incidents?limit=200',
    )
    const entities = await api.get<Page<{ id: string }>>('/api/v1/entities?limit=200')
    return {
      articles: articles.body,
      incidents: incidents.body,
      entities: entities.body.data.length,
    }
  } finally {
    api.close()
  }
}
