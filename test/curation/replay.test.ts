// Replay corners that a real recluster meets only sometimes: a split whose articles clustering
// already put on their own, and a split whose articles clustering scattered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaySplit } from '../../src/pipeline/curate/split.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import {
  articlesByUrl,
  curationApp,
  ingest,
  storiesFile,
  type ApiIncident,
  type CurationApp,
} from './helpers.js'

describe('replayed splits', () => {
  const db = tempDbUrl()
  let api: CurationApp
  const opts = { actor: 'sitrep recluster', at: '2026-03-09T00:00:00.000Z', record: false }

  beforeAll(async () => {
    await ingest(db.url, storiesFile)
    api = await curationApp(db.url)
  }, 90_000)
  afterAll(() => {
    api?.close()
    db.cleanup()
  })

  const get = async (id: string) =>
    (await api.call<ApiIncident>('GET', `/api/v1/incidents/${id}`)).body

  it('folds an incident the split empties into the split incident', async () => {
    const article = await articlesByUrl(api)
    const tailspin = article('tailspin-airlines')
    const before = (await api.deps.repo.counts()).incidents
    const id = await replaySplit(api.deps, [tailspin.id], 'inc_00000000000000bb', opts)
    expect(id).toBe('inc_00000000000000bb')
    const moved = await get(tailspin.incident_id)
    expect(moved.id).toBe(id)
    expect(moved.articles.map((a) => a.id)).toEqual([tailspin.id])
    expect((await api.deps.repo.counts()).incidents).toBe(before)
  })

  it('gathers articles clustering scattered over several incidents', async () => {
    const article = await articlesByUrl(api)
    const ids = [article('fabrikam-logistics-lockbit').id, article('contoso-bank-breach').id]
    const sources = [
      article('fabrikam-logistics-lockbit').incident_id,
      article('contoso-bank-breach').incident_id,
    ]
    const id = await replaySplit(api.deps, ids, 'inc_00000000000000cc', opts)
    const created = await get(id)
    expect(created.articles.map((a) => a.id).sort()).toEqual([...ids].sort())
    expect(created.edits).toEqual([])
    for (const source of sources) {
      const rest = await get(source)
      expect(rest.id).toBe(source)
      expect(rest.articles.map((a) => a.id)).not.toContain(ids[0])
      expect(rest.articles.map((a) => a.id)).not.toContain(ids[1])
      expect(rest.article_count).toBe(rest.articles.length)
    }
    // Replayed again, the same split changes nothing.
    expect(await replaySplit(api.deps, ids, id, opts)).toBe(id)
    expect((await get(id)).article_count).toBe(2)
  })
})
