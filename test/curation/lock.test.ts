// Locked fields hold at the storage level too: a pipeline write that read the incident before an
// editor's rename (a crawl racing the edit) cannot put the machine's title back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleBundle } from '../../src/storage/repository.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import { articlesByUrl, curationApp, ingest, storiesFile, type CurationApp } from './helpers.js'

describe('locked incident fields', () => {
  const db = tempDbUrl()
  let api: CurationApp

  beforeAll(async () => {
    await ingest(db.url, storiesFile)
    api = await curationApp(db.url)
  }, 90_000)
  afterAll(() => {
    api?.close()
    db.cleanup()
  })

  it('survive a pipeline write based on a read from before the edit', async () => {
    const article = (await articlesByUrl(api))('fabrikam-logistics-lockbit')
    const stale = (await api.deps.repo.getStoredIncident(article.incident_id))!
    const key = await api.key('editor', 'write')
    const r = await api.call('PATCH', `/api/v1/incidents/${stale.id}`, {
      key,
      body: { title: 'Edited title', kind: 'not_incident' },
    })
    expect(r.status).toBe(200)
    const [draft] = (await api.deps.repo.articlesInOrder(null, 200)).filter(
      (a) => a.id === article.id,
    )
    const bundle = {
      article: draft!,
      mentions: [],
      entities: [],
      events: [],
      incident: { ...stale, title: 'Machine title', updatedAt: '2026-03-09T00:00:00Z' },
      incidentEntities: [],
      mergedIncidentIds: [],
      links: [],
      terms: [],
      indexTerms: [],
      newIncident: false,
      bands: [],
      dedup: null,
    } as ArticleBundle
    await api.deps.repo.saveArticle(bundle)
    const after = (await api.deps.repo.getStoredIncident(stale.id))!
    expect(after.title).toBe('Edited title')
    expect(after.kind).toBe('not_incident')
    expect(after.updatedAt).toBe('2026-03-09T00:00:00Z')
    expect(after.locked).toEqual(expect.arrayContaining(['title', 'kind']))
  })
})
