// Validates API responses against the app's own /api/v1/openapi.json (ajv, JSON Schema 2020-12
// as OpenAPI 3.1 uses). For the tests only, every documented object is closed
// (additionalProperties: false), so a field the document does not describe fails too.
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { expect } from 'vitest'
import type { Api } from './fixture-db.js'

type Json = Record<string, unknown>
export type OpenApiDoc = Json & { paths: Record<string, Record<string, Json>>; servers: Json[] }

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void
export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Closes every object schema that lists properties and says nothing about others. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects)
  if (!node || typeof node !== 'object') return
  const s = node as Json
  if (s.properties && typeof s.properties === 'object' && s.additionalProperties === undefined)
    s.additionalProperties = false
  Object.values(s).forEach(closeObjects)
}

export interface Checked {
  status: number
  headers: Headers
  body: unknown
  template: string
}

export async function openApiChecker(api: Api) {
  const res = await api.app.request('/api/v1/openapi.json')
  expect(res.status).toBe(200)
  const doc = (await res.json()) as OpenApiDoc
  const strict = structuredClone(doc)
  closeObjects(strict.components)
  closeObjects(strict.paths)
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(strict, 'openapi.json')
  const base = String(doc.servers[0]?.url ?? '')
  const templates = Object.keys(doc.paths).sort(
    (a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0),
  )
  /** Every documented path/method a test has validated a response of. */
  const covered = new Set<string>()

  /** The documented template a concrete path matches (static paths win over `{id}`). */
  function templateOf(path: string): string {
    const rel = path.slice(base.length).split('?')[0]!
    const hit = templates.find((t) =>
      new RegExp(`^${t.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(rel),
    )
    if (!hit) throw new Error(`${path} matches no documented path`)
    return hit
  }

  /** Asserts the response is one the document describes, with a body matching its schema. */
  function validate(method: string, template: string, status: number, body: unknown) {
    const op = doc.paths[template]?.[method.toLowerCase()]
    expect(op, `${method} ${template} documented`).toBeDefined()
    const responses = (op!.responses ?? {}) as Record<string, Json>
    expect(Object.keys(responses), `${method} ${template} documents ${status}`).toContain(
      String(status),
    )
    const content = (responses[String(status)]?.content ?? {}) as Record<string, Json>
    const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1')
    if (!content['application/json']) {
      expect(body, `${method} ${template} ${status} has no body`).toBe('')
    } else {
      const ref = `openapi.json#/paths/${pointer(template)}/${method.toLowerCase()}/responses/${status}/content/${pointer('application/json')}/schema`
      const check = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref })
      const ok = check(body)
      expect(ok, `${method} ${template} ${status}: ${ajv.errorsText(check.errors)}`).toBe(true)
    }
    covered.add(`${method.toUpperCase()} ${template}`)
  }

  /** Sends a request through the app and validates whatever comes back. */
  async function call(path: string, init: RequestInit = {}): Promise<Checked> {
    const method = (init.method ?? 'GET').toUpperCase()
    const res = await api.app.request(path, init)
    const text = await res.text()
    const body: unknown = res.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : text
    const template = templateOf(path)
    validate(method, template, res.status, body)
    return { status: res.status, headers: res.headers, body, template }
  }

  return { doc, base, call, validate, templateOf, covered }
}

export type Checker = Awaited<ReturnType<typeof openApiChecker>>
