// Issue 6, done when: editor decisions survive `sitrep recluster` and a new crawl. A real crawl
// over a loopback feed, edits through the API (rename, summary, merge, split, hide, not an
// incident, entity type), then the real `sitrep recluster`, then a second crawl whose new
// articles join the merged incident and the split-off story's old incident.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import {
  articlesByUrl,
  cliEnv,
  curationApp,
  laterFile,
  readStories,
  storiesFile,
  writeFeed,
  type ApiIncident,
} from './helpers.js'

const TITLE = 'Northwind Health hospitals hit by BlackCat ransomware'
const SUMMARY =
  'BlackCat (ALPHV) ransomware took Northwind Health hospital systems offline. Ambulances in Portland were diverted.'

describe('curation survives recluster and a new crawl', () => {
  const db = tempDbUrl()
  const feedDir = mkdtempSync(join(tmpdir(), 'sitrep-curation-feed-'))
  const feed = join(feedDir, 'feed.xml')
  let server: FixtureServer
  /** Ids from the edits, to compare after recluster. */
  const ids = { northwind: '', portland: '', contoso: '', split: '', tailspinEntity: '' }
  let auditRows = 0

  beforeAll(async () => {
    writeFeed(feed, readStories(storiesFile))
    server = await startFixtureServer({ '/feed.xml': { file: feed, type: 'application/rss+xml' } })
    const env = cliEnv(db.url)
    const add = await runCli(['feeds', 'add', `${server.base}/feed.xml`, '--no-discover'], env)
    expect(add.code, add.stderr).toBe(0)
    const crawl = await runCli(['crawl', '--once'], env)
    expect(crawl.code, crawl.stderr).toBe(0)
    expect(crawl.stdout).toMatch(/9 new article/)
    await edit()
  }, 120_000)
  afterAll(async () => {
    await server?.close()
    rmSync(feedDir, { recursive: true, force: true })
    db.cleanup()
  })

  async function edit() {
    const api = await curationApp(db.url)
    try {
      const key = await api.key('night editor', 'write')
      const article = await articlesByUrl(api)
      const call = (method: string, path: string, body: unknown) =>
        api.call<ApiIncident>(method, path, { key, body })
      ids.northwind = article('northwind-health-ransomware').incident_id
      ids.portland = article('ambulance-diversions-portland').incident_id
      ids.contoso = article('contoso-bank-breach').incident_id
      expect(ids.portland).not.toBe(ids.northwind)
      const ok = (r: { status: number }) => expect(r.status).toBeLessThan(300)
      ok(await call('PATCH', `/api/v1/incidents/${ids.northwind}`, { title: TITLE }))
      ok(await call('POST', `/api/v1/incidents/${ids.portland}/merge`, { into: ids.northwind }))
      ok(await call('PATCH', `/api/v1/incidents/${ids.northwind}`, { summary: SUMMARY }))
      const phishing = article('contoso-bank-phishing-wave').id
      const split = await call('POST', `/api/v1/incidents/${ids.contoso}/split`, {
        article_ids: [phishing],
      })
      ok(split)
      ids.split = split.body.id
      const fabrikam = article('fabrikam-logistics-lockbit').incident_id
      ok(await call('PATCH', `/api/v1/incidents/${fabrikam}`, { hidden: true }))
      const tailspin = article('tailspin-airlines').incident_id
      ok(await call('PATCH', `/api/v1/incidents/${tailspin}`, { kind: 'not_incident' }))
      ids.tailspinEntity = article('tailspin-airlines').entities.find((e) =>
        /Tailspin/.test(e.name),
      )!.id
      ok(await call('PATCH', `/api/v1/entities/${ids.tailspinEntity}`, { type: 'software' }))
      auditRows = (await api.deps.repo.auditLog({ limit: 200 })).length
    } finally {
      api.close()
    }
  }

  /** Every decision, checked against the database as it is now. */
  async function expectDecisionsHold() {
    const api = await curationApp(db.url)
    try {
      const article = await articlesByUrl(api)
      const get = async (id: string) =>
        (await api.call<ApiIncident>('GET', `/api/v1/incidents/${id}`)).body
      const northwind = await get(article('northwind-health-ransomware').incident_id)
      expect(northwind.title).toBe(TITLE)
      expect(northwind.summary).toBe(SUMMARY)
      expect(northwind.edited).toBe(true)
      expect(northwind.edits.map((e) => e.action)).toEqual(
        expect.arrayContaining(['rename', 'merge', 'edit_summary']),
      )
      const urls = northwind.articles.map((a) => a.url)
      expect(urls.some((u) => u.includes('ambulance-diversions-portland'))).toBe(true)
      expect(urls.some((u) => u.includes('blackcat-claims-northwind-health'))).toBe(true)
      // The merged incident's old address still leads to the survivor.
      expect((await get(ids.portland)).id).toBe(northwind.id)

      const phishing = article('contoso-bank-phishing-wave')
      expect(phishing.incident_id).toBe(ids.split)
      expect(article('contoso-bank-breach').incident_id).not.toBe(ids.split)
      expect((await get(ids.split)).articles.map((a) => a.id)).toEqual([phishing.id])

      const fabrikam = await get(article('fabrikam-logistics-lockbit').incident_id)
      expect(fabrikam.hidden).toBe(true)
      const listed = await api.call<{ data: { id: string }[] }>(
        'GET',
        '/api/v1/incidents?limit=200',
      )
      expect(listed.body.data.map((i) => i.id)).not.toContain(fabrikam.id)
      expect((await get(article('tailspin-airlines').incident_id)).kind).toBe('not_incident')
      const entity = await api.call<{ type: string }>(
        'GET',
        `/api/v1/entities/${ids.tailspinEntity}`,
      )
      expect(entity.body.type).toBe('software')
      // Replays never log: the audit log holds the editor's actions only.
      expect((await api.deps.repo.auditLog({ limit: 200 })).length).toBe(auditRows)
      return { article, get }
    } finally {
      api.close()
    }
  }

  it('keeps every decision through `sitrep recluster`', async () => {
    const r = await runCli(['recluster'], cliEnv(db.url))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(
      /replayed \d+ curation action\(s\) from \d+ editor decision\(s\), 0 not/,
    )
    await expectDecisionsHold()
  }, 120_000)

  it('keeps them when a new crawl brings articles that join the curated incidents', async () => {
    writeFeed(feed, [...readStories(storiesFile), ...readStories(laterFile)])
    const r = await runCli(['crawl', '--once', '--all'], cliEnv(db.url))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/2 new article/)
    const api = await curationApp(db.url)
    try {
      const article = await articlesByUrl(api)
      const restored = article('northwind-health-restores-systems')
      expect(restored.incident_id).toBe(article('northwind-health-ransomware').incident_id)
      const million = article('contoso-bank-breach-million-customers')
      expect(million.incident_id).toBe(article('contoso-bank-breach').incident_id)
      expect(million.incident_id).not.toBe(ids.split)
    } finally {
      api.close()
    }
    await expectDecisionsHold()
  }, 120_000)

  it('keeps them through a second recluster after the crawl', async () => {
    const r = await runCli(['recluster'], cliEnv(db.url))
    expect(r.code, r.stderr).toBe(0)
    const { article } = await expectDecisionsHold()
    expect(article('northwind-health-restores-systems').incident_id).toBe(
      article('northwind-health-ransomware').incident_id,
    )
  }, 120_000)
})
