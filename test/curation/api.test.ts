// Curation through API v1 with keys: every action, its audit line, and the refusals (no key,
// read key, unknown ids, impossible merges and splits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDbUrl } from '../helpers/temp-db.js'
import {
  articlesByUrl,
  curationApp,
  ingest,
  storiesFile,
  type ApiIncident,
  type CurationApp,
} from './helpers.js'

describe('curation API', () => {
  const db = tempDbUrl()
  let api: CurationApp
  let writeKey: string
  let readKey: string
  let adminKey: string
  let article: Awaited<ReturnType<typeof articlesByUrl>>

  beforeAll(async () => {
    await ingest(db.url, storiesFile)
    api = await curationApp(db.url)
    writeKey = await api.key('desk editor', 'write')
    readKey = await api.key('reader bot', 'read')
    adminKey = await api.key('chief', 'admin')
    article = await articlesByUrl(api)
  }, 90_000)
  afterAll(() => {
    api?.close()
    db.cleanup()
  })

  const patch = (id: string, body: unknown, key = writeKey) =>
    api.call<ApiIncident>('PATCH', `/api/v1/incidents/${id}`, { key, body })

  it('refuses writes without a key (401) and with a read key (403)', async () => {
    const id = article('northwind-health-ransomware').incident_id
    const none = await api.call('PATCH', `/api/v1/incidents/${id}`, { body: { title: 'x' } })
    expect(none.status).toBe(401)
    expect(none.body.error?.code).toBe('unauthorized')
    const read = await patch(id, { title: 'x' }, readKey)
    expect(read.status).toBe(403)
    expect((read.body as { error?: { code: string } }).error?.code).toBe('forbidden')
    const entityId = article('northwind-health-ransomware').entities[0]!.id
    const merge = await api.call('POST', `/api/v1/entities/${entityId}/merge`, {
      key: writeKey,
      body: { into: entityId },
    })
    expect(merge.status).toBe(403)
  })

  it('renames an incident and logs who did it', async () => {
    const id = article('fabrikam-logistics-lockbit').incident_id
    const before = (await api.call<ApiIncident>('GET', `/api/v1/incidents/${id}`)).body
    const r = await patch(id, { title: 'Fabrikam Logistics shipping halted by LockBit' })
    expect(r.status).toBe(200)
    expect(r.body.title).toBe('Fabrikam Logistics shipping halted by LockBit')
    expect(r.body.edited).toBe(true)
    expect(r.body.edits[0]).toMatchObject({
      actor: 'desk editor',
      action: 'rename',
      detail: { field: 'title', from: before.title, to: r.body.title },
    })
    const audit = await api.call<{ data: { action: string; actor: string }[] }>(
      'GET',
      `/api/v1/audit?target=${id}`,
      { key: readKey },
    )
    expect(audit.status).toBe(200)
    expect(audit.body.data.map((e) => e.action)).toContain('rename')
    expect((await api.call('GET', `/api/v1/audit?target=${id}`)).status).toBe(401)
  })

  it('edits the summary, keeping the citation of a sentence kept word for word', async () => {
    const id = article('contoso-bank-breach').incident_id
    const before = (await api.call<ApiIncident>('GET', `/api/v1/incidents/${id}`)).body
    const kept = before.summary_sentences[0]!
    const text = `${kept.text} An editor adds that the bank has reset vendor credentials.`
    const r = await patch(id, { summary: text })
    expect(r.status).toBe(200)
    expect(r.body.summary).toBe(text)
    expect(r.body.summary_sentences[0]).toEqual(kept)
    expect(r.body.summary_sentences[1]).toMatchObject({ article_id: '', source_url: '' })
    expect(r.body.edits[0]).toMatchObject({ action: 'edit_summary', detail: { to: text } })
  })

  it('pins, hides and marks an incident as not an incident', async () => {
    const id = article('tailspin-airlines').incident_id
    const r = await patch(id, { pinned: true, hidden: true, kind: 'not_incident' })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ pinned: true, hidden: true, kind: 'not_incident' })
    expect(r.body.edits.map((e) => e.action).sort()).toEqual(['hide', 'mark_not_incident', 'pin'])
    const list = await api.call<{ data: { id: string }[] }>('GET', '/api/v1/incidents?limit=200')
    expect(list.body.data.map((i) => i.id)).not.toContain(id)
    const back = await patch(id, { hidden: false, pinned: false })
    expect(back.body).toMatchObject({ pinned: false, hidden: false })
  })

  it('answers 404 for unknown ids and 400 for bad bodies', async () => {
    expect((await patch('inc_0000000000000000', { title: 'x' })).status).toBe(404)
    const known = article('contoso-bank-breach').incident_id
    const unknownTarget = await api.call('POST', `/api/v1/incidents/${known}/merge`, {
      key: writeKey,
      body: { into: 'inc_0000000000000000' },
    })
    expect(unknownTarget.status).toBe(404)
    expect(
      (
        await api.call('PATCH', '/api/v1/entities/ent_0000000000000000', {
          key: writeKey,
          body: { type: 'malware' },
        })
      ).status,
    ).toBe(404)
    for (const body of [{}, { title: '' }, { color: 'red' }, { kind: 'rumour' }]) {
      const r = await patch(known, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect((r.body as { error?: { code: string } }).error?.code).toBe('bad_request')
    }
  })

  it('refuses to merge an incident into itself', async () => {
    const id = article('northwind-health-ransomware').incident_id
    const r = await api.call('POST', `/api/v1/incidents/${id}/merge`, {
      key: writeKey,
      body: { into: id },
    })
    expect(r.status).toBe(400)
    expect(r.body.error?.message).toMatch(/itself/)
  })

  it('merges one incident into another; the merged id resolves to the survivor', async () => {
    const from = article('ambulance-diversions-portland').incident_id
    const into = article('northwind-health-ransomware').incident_id
    expect(from).not.toBe(into)
    const r = await api.call<ApiIncident>('POST', `/api/v1/incidents/${from}/merge`, {
      key: writeKey,
      body: { into },
    })
    expect(r.status).toBe(200)
    expect(r.body.id).toBe(into)
    expect(r.body.article_count).toBe(3)
    expect(r.body.articles.map((a) => a.url)).toContain(
      article('ambulance-diversions-portland').url,
    )
    expect(r.body.edits[0]).toMatchObject({ action: 'merge', detail: { merged: from, into } })
    const old = await api.call<ApiIncident>('GET', `/api/v1/incidents/${from}`)
    expect(old.body.id).toBe(into)
  })

  it('splits articles off into a new incident, and refuses impossible splits', async () => {
    const id = article('contoso-bank-breach').incident_id
    const phishing = article('contoso-bank-phishing-wave').id
    const other = article('fabrikam-logistics-lockbit').id
    const split = (ids: string[]) =>
      api.call<ApiIncident>('POST', `/api/v1/incidents/${id}/split`, {
        key: writeKey,
        body: { article_ids: ids },
      })
    expect((await split([other])).status).toBe(400)
    const all = (await api.call<ApiIncident>('GET', `/api/v1/incidents/${id}`)).body.articles
    expect((await split(all.map((a) => a.id))).status).toBe(400)
    expect((await split([])).status).toBe(400)
    const r = await split([phishing])
    expect(r.status).toBe(201)
    expect(r.body.id).not.toBe(id)
    expect(r.body.articles.map((a) => a.id)).toEqual([phishing])
    expect(r.body.edits[0]).toMatchObject({ action: 'split' })
    const rest = (await api.call<ApiIncident>('GET', `/api/v1/incidents/${id}`)).body
    expect(rest.article_count).toBe(2)
    expect(rest.articles.map((a) => a.id)).not.toContain(phishing)
    // The edited summary survived the split (it was locked).
    expect(rest.summary).toMatch(/An editor adds/)
  })

  it("fixes an entity's type and merges entities (admin)", async () => {
    const refs = article('fabrikam-logistics-lockbit').entities
    const fabrikam = refs.find((e) => /Fabrikam/.test(e.name))!
    const typed = await api.call<{ type: string }>('PATCH', `/api/v1/entities/${fabrikam.id}`, {
      key: writeKey,
      body: { type: 'organization' === fabrikam.type ? 'software' : 'organization' },
    })
    expect(typed.status).toBe(200)
    expect(typed.body.type).not.toBe(fabrikam.type)
    const lockbit = refs.find((e) => /LockBit/i.test(e.name))!
    const merged = await api.call<{ id: string; aliases: string[] }>(
      'POST',
      `/api/v1/entities/${fabrikam.id}/merge`,
      { key: adminKey, body: { into: lockbit.id } },
    )
    expect(merged.status).toBe(200)
    expect(merged.body.id).toBe(lockbit.id)
    expect(merged.body.aliases).toContain(fabrikam.name)
    expect((await api.call('GET', `/api/v1/entities/${fabrikam.id}`)).status).toBe(404)
    const a = await api.call<ApiArticleList>('GET', '/api/v1/articles?limit=200')
    const ids = a.body.data.flatMap((x) => x.entities.map((e) => e.id))
    expect(ids).not.toContain(fabrikam.id)
    const audit = await api.call<{ data: { action: string }[] }>(
      'GET',
      `/api/v1/audit?target=${fabrikam.id}`,
      { key: readKey },
    )
    expect(audit.body.data.map((e) => e.action)).toEqual(['merge', 'set_type'])
  })

  it('documents the curation routes in the OpenAPI document', async () => {
    const doc = await api.call<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/v1/openapi.json',
    )
    expect(Object.keys(doc.body.paths['/incidents/{id}'] ?? {})).toContain('patch')
    for (const p of ['/incidents/{id}/merge', '/incidents/{id}/split', '/entities/{id}/merge']) {
      expect(doc.body.paths[p], p).toHaveProperty('post')
    }
    expect(doc.body.paths['/audit']).toHaveProperty('get')
  })
})

type ApiArticleList = { data: { entities: { id: string }[] }[] }
