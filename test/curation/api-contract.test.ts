// Every status the curation routes answer with, validated against /api/v1/openapi.json (objects
// closed: a field the document does not describe fails too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiChecker, type Checker } from '../api/openapi-check.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import { articlesByUrl, curationApp, ingest, storiesFile, type CurationApp } from './helpers.js'

describe('curation API responses against the OpenAPI document', () => {
  const db = tempDbUrl()
  let api: CurationApp
  let check: Checker
  const keys = { write: '', read: '', admin: '' }

  beforeAll(async () => {
    await ingest(db.url, storiesFile)
    api = await curationApp(db.url)
    check = await openApiChecker({ app: api.app } as unknown as Parameters<
      typeof openApiChecker
    >[0])
    keys.write = await api.key('writer', 'write')
    keys.read = await api.key('reader', 'read')
    keys.admin = await api.key('admin', 'admin')
  }, 90_000)
  afterAll(() => {
    api?.close()
    db.cleanup()
  })

  const send = (method: string, path: string, key: string | null, body?: unknown) =>
    check.call(`${check.base}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  it('documents every status the curation routes answer with', async () => {
    const article = await articlesByUrl(api)
    const tailspin = article('tailspin-airlines').incident_id
    const fabrikam = article('fabrikam-logistics-lockbit').incident_id
    const contoso = article('contoso-bank-breach').incident_id
    const unknown = 'inc_0000000000000000'
    const expectations: [number, ReturnType<typeof send>][] = [
      [200, send('PATCH', `/incidents/${tailspin}`, keys.write, { title: 'Kiosk outage' })],
      [400, send('PATCH', `/incidents/${tailspin}`, keys.write, {})],
      [401, send('PATCH', `/incidents/${tailspin}`, null, { title: 'x' })],
      [403, send('PATCH', `/incidents/${tailspin}`, keys.read, { title: 'x' })],
      [404, send('PATCH', `/incidents/${unknown}`, keys.write, { title: 'x' })],
    ]
    for (const [status, res] of expectations) expect((await res).status).toBe(status)
    expect(
      (await send('POST', `/incidents/${fabrikam}/merge`, keys.write, { into: fabrikam })).status,
    ).toBe(400)
    expect(
      (await send('POST', `/incidents/${fabrikam}/merge`, keys.write, { into: unknown })).status,
    ).toBe(404)
    expect(
      (await send('POST', `/incidents/${fabrikam}/merge`, keys.write, { into: tailspin })).status,
    ).toBe(200)
    const c2 = article('contoso-bank-vendor-breach').id
    expect(
      (await send('POST', `/incidents/${contoso}/split`, keys.write, { article_ids: [c2] })).status,
    ).toBe(201)
    const c1 = article('contoso-bank-breach').id
    const phishing = article('contoso-bank-phishing-wave').id
    expect(
      (
        await send('POST', `/incidents/${contoso}/split`, keys.write, {
          article_ids: [c1, phishing],
        })
      ).status,
    ).toBe(400)
    const [org, other] = [article('tailspin-airlines'), article('contoso-bank-breach')].map(
      (a) => a.entities[0]!.id,
    )
    expect((await send('PATCH', `/entities/${org}`, keys.write, { type: 'software' })).status).toBe(
      200,
    )
    expect(
      (await send('PATCH', `/entities/ent_0000000000000000`, keys.write, { type: 'software' }))
        .status,
    ).toBe(404)
    expect((await send('POST', `/entities/${org}/merge`, keys.write, { into: other })).status).toBe(
      403,
    )
    expect((await send('POST', `/entities/${org}/merge`, keys.admin, { into: other })).status).toBe(
      200,
    )
    expect((await send('GET', `/audit?target=${tailspin}`, keys.read)).status).toBe(200)
    expect((await send('GET', '/audit?limit=0', keys.read)).status).toBe(400)
    expect((await send('GET', '/audit', null)).status).toBe(401)
    for (const op of [
      'PATCH /incidents/{id}',
      'POST /incidents/{id}/merge',
      'POST /incidents/{id}/split',
      'PATCH /entities/{id}',
      'POST /entities/{id}/merge',
      'GET /audit',
    ]) {
      expect(check.covered.has(op), op).toBe(true)
    }
  })
})
