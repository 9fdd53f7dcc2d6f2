// GET /api/docs: the human docs page lists every operation of the OpenAPI document with its
// method, path, parameters, responses and a curl line; server-rendered, with no script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureApp, type Api } from './fixture-db.js'
import { METHODS, openApiChecker, type Checker } from './openapi-check.js'

const unescape = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

describe('GET /api/docs', () => {
  let api: Api
  let check: Checker
  let html: string
  let res: Response

  beforeAll(async () => {
    api = await fixtureApp()
    check = await openApiChecker(api)
    res = await api.app.request('http://sitrep.test/api/docs')
    html = unescape(await res.text())
  }, 60_000)
  afterAll(() => api?.close())

  it('is an HTML page without script, under the strict CSP', () => {
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'")
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('<h1>API documentation</h1>')
    expect(html).toMatch(/<nav[^>]*aria-label="Main"/)
    expect(html).toContain('href="/api/v1/openapi.json"')
  })

  it('documents every operation of the OpenAPI document', () => {
    for (const [path, item] of Object.entries(check.doc.paths)) {
      for (const method of METHODS) {
        if (!item[method]) continue
        const full = `${check.base}${path}`
        expect(html, `${method} ${path}`).toContain(
          `${method.toUpperCase()}</span><code>${full}</code>`,
        )
      }
    }
  })

  it('shows parameter tables, response schemas and curl examples', () => {
    const incidents = html.slice(
      html.indexOf('id="get-incidents"'),
      html.indexOf('id="get-incidents-id"'),
    )
    for (const name of [
      'entity',
      'type',
      'q',
      'since',
      'until',
      'source',
      'sort',
      'limit',
      'cursor',
    ])
      expect(incidents, name).toContain(`<td><code>${name}</code></td>`)
    expect(incidents).toContain(
      '<code>[<a href="#schema-IncidentSummary">IncidentSummary</a>]</code>',
    )
    expect(incidents).toContain("curl 'http://sitrep.test/api/v1/incidents'")
    expect(incidents).toMatch(/<strong>400<\/strong>/)
    expect(incidents).toMatch(/<strong>304<\/strong>/)
    expect(html).toContain("curl 'http://sitrep.test/api/v1/incidents/inc_3655a41adfdc6451'")
    for (const schema of [
      'Article',
      'IncidentSummary',
      'IncidentDetail',
      'Entity',
      'Feed',
      'Run',
      'Error',
    ])
      expect(html, schema).toContain(`id="schema-${schema}"`)
    const article = html.slice(html.indexOf('id="schema-Article"'))
    expect(article).toContain('<td><code>published_at</code></td>')
  })
})
