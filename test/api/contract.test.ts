// Every documented operation gets requests here, and every response (200, 304, 400, 404, and
// 401 for keyed routes) is validated against /api/v1/openapi.json. The walker fails for an
// operation that nobody calls, so a new endpoint cannot ship undocumented or untested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureApp, MERGED_ID, type Api, type FixtureIds } from './fixture-db.js'
import { METHODS, openApiChecker, type Checker } from './openapi-check.js'

type Sample = [path: string, status: number]

const BAD = 400

/** Requests per `METHOD /template` (template relative to the server url). */
function samples(ids: FixtureIds): Record<string, Sample[]> {
  return {
    'GET /health': [['/health', 200]],
    'GET /openapi.json': [['/openapi.json', 200]],
    'GET /articles': [
      ['/articles', 200],
      ['/articles?limit=2', 200],
      ['/articles?source=Record%20Desk&since=2026-03-03&until=2026-03-09', 200],
      [`/articles?incident=${ids.clop}`, 200],
      ['/articles?limit=0', BAD],
      ['/articles?limit=201', BAD],
      ['/articles?cursor=%%%', BAD],
      ['/articles?since=yesterday', BAD],
      ['/articles?page=2', BAD],
    ],
    'GET /incidents': [
      ['/incidents', 200],
      ['/incidents?entity=Clop&entity=MOVEit&type=vulnerability&q=MOVEit', 200],
      ['/incidents?source=bleeping.example&since=2026-03-01&until=2026-03-31', 200],
      ['/incidents?sort=coverage&limit=1', 200],
      ['/incidents?sort=first_seen', 200],
      ['/incidents?entity=nobody-knows-this', 200],
      ['/incidents?sort=oldest', BAD],
      ['/incidents?type=person', BAD],
      ['/incidents?until=31/03/2026', BAD],
      ['/incidents?entity=', BAD],
      ['/incidents?limit=abc', BAD],
      ['/incidents?include_hidden=1', BAD],
    ],
    'GET /incidents/{id}': [
      [`/incidents/${ids.clop}`, 200],
      [`/incidents/${ids.lockbit}`, 200],
      [`/incidents/${MERGED_ID}`, 200],
      ['/incidents/inc_ffffffffffffffff', 404],
      [`/incidents/${ids.clop}?expand=all`, BAD],
    ],
    'GET /entities': [
      ['/entities', 200],
      ['/entities?type=threat_actor&sort=incidents', 200],
      ['/entities?q=lock&limit=1', 200],
      ['/entities?type=actor', BAD],
      ['/entities?sort=popular', BAD],
      ['/entities?name=Clop', BAD],
    ],
    'GET /entities/{id}': [
      ['/entities/ent_ffffffffffffffff', 404],
      ['/entities/ent_ffffffffffffffff?x=1', BAD],
    ],
    'GET /feeds': [
      ['/feeds', 200],
      ['/feeds?all=1', BAD],
    ],
    'GET /runs': [
      ['/runs', 200],
      ['/runs?limit=5', BAD],
    ],
  }
}

describe('API v1 against its OpenAPI document', () => {
  let api: Api
  let check: Checker
  let table: Record<string, Sample[]>

  beforeAll(async () => {
    api = await fixtureApp()
    check = await openApiChecker(api)
    table = samples(api.ids)
    const entities = (await check.call('/api/v1/entities?limit=200')).body as {
      data: { id: string; name: string }[]
    }
    const clop = entities.data.find((e) => e.name === 'Clop')!
    table['GET /entities/{id}']!.unshift([`/entities/${clop.id}`, 200])
  }, 60_000)
  afterAll(() => api?.close())

  it('serves an OpenAPI 3.1 document with the named component schemas', () => {
    expect(check.doc.openapi).toMatch(/^3\.1\./)
    expect(check.base).toBe('/api/v1')
    const schemas = Object.keys((check.doc.components as { schemas: object }).schemas)
    for (const name of ['Article', 'IncidentSummary', 'IncidentDetail', 'Entity', 'Feed', 'Run'])
      expect(schemas).toContain(name)
    expect(schemas).toContain('Error')
    const security = (check.doc.components as { securitySchemes: Record<string, object> })
      .securitySchemes
    expect(security.ApiKey).toMatchObject({ type: 'http', scheme: 'bearer' })
  })

  it('answers every sample as documented, and bad parameters with the error body', async () => {
    for (const [op, list] of Object.entries(table)) {
      for (const [path, status] of list) {
        const res = await check.call(`${check.base}${path}`)
        expect(res.status, `${op}: ${path}`).toBe(status)
        expect(`GET ${res.template}`).toBe(op)
        if (status === BAD) {
          const body = res.body as { error: { code: string; message: string } }
          expect(body.error.code).toBe('bad_request')
          expect(body.error.message.length).toBeGreaterThan(0)
        }
      }
    }
  })

  it('rejects bodies the document does not describe (the check itself works)', () => {
    const wrong = [
      { data: [{ id: 1 }], next_cursor: null },
      { data: [], next_cursor: null, total: 3 },
      { data: [] },
    ]
    for (const body of wrong) expect(() => check.validate('GET', '/incidents', 200, body)).toThrow()
    expect(() => check.validate('GET', '/incidents', 418, {})).toThrow()
    check.validate('GET', '/incidents', 200, { data: [], next_cursor: null })
  })

  it('names unknown parameters in the 400 message', async () => {
    const res = await check.call('/api/v1/incidents?colour=red&limit=5')
    expect(res.body).toEqual({
      error: { code: 'bad_request', message: 'unknown parameter(s): colour' },
    })
  })

  it('answers a matching If-None-Match with a documented 304 on every GET', async () => {
    for (const list of Object.values(table)) {
      for (const [path, status] of list.filter(([, s]) => s === 200)) {
        const first = await check.call(`${check.base}${path}`)
        const tag = first.headers.get('etag')
        expect(tag, path).toMatch(/^W\/"[^"]+"$/)
        const again = await check.call(`${check.base}${path}`, {
          headers: { 'If-None-Match': tag! },
        })
        expect(again.status, path).toBe(304)
        expect(again.headers.get('etag')).toBe(tag)
        expect(status).toBe(200)
      }
    }
  })

  it('covers every documented operation (keyed ones: 401 without a key)', async () => {
    const missing: string[] = []
    for (const [template, item] of Object.entries(check.doc.paths)) {
      for (const method of METHODS) {
        const op = item[method] as { security?: unknown[] } | undefined
        if (!op) continue
        const key = `${method.toUpperCase()} ${template}`
        if (op.security?.length) {
          const path = template.replace(/\{[^}]+\}/g, api.ids.clop)
          const res = await check.call(`${check.base}${path}`, {
            method: method.toUpperCase(),
            headers: { 'content-type': 'application/json' },
            ...(method === 'get' ? {} : { body: '{}' }),
          })
          expect(res.status, `${key} without a key`).toBe(401)
          expect((res.body as { error: { code: string } }).error.code).toBe('unauthorized')
        } else if (!table[key]?.length) {
          missing.push(key)
        }
      }
    }
    expect(missing, 'operations without a test request').toEqual([])
    for (const key of Object.keys(table)) expect(check.covered.has(key), key).toBe(true)
  })
})
