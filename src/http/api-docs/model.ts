// Reads the OpenAPI document into what the docs page shows: one entry per operation with its
// parameters, response fields and a curl example. Only the document is read, so the page can
// never disagree with /api/v1/openapi.json.
export type Json = Record<string, unknown>

export interface ParamRow {
  name: string
  in: string
  type: string
  required: boolean
  description: string
}

export interface FieldRow {
  name: string
  type: string
  description: string
}

export interface ResponseInfo {
  status: string
  description: string
  /** `Name` of a component schema, or a short type. */
  schemaName: string | null
  fields: FieldRow[]
}

export interface Operation {
  id: string
  method: string
  path: string
  tag: string
  summary: string
  description: string
  secured: boolean
  params: ParamRow[]
  responses: ResponseInfo[]
  curl: string
}

const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** Follows a local `$ref` into components. */
export function deref(doc: Json, schema: unknown): Json {
  const s = obj(schema)
  const ref = str(s.$ref)
  if (!ref.startsWith('#/')) return s
  let node: unknown = doc
  for (const part of ref.slice(2).split('/')) node = obj(node)[part]
  return obj(node)
}

const refName = (schema: unknown) => str(obj(schema).$ref).split('/').pop() || null

/** A compact type: `string`, `string | null`, `[Article]`, `"a" | "b"`. */
export function typeLabel(doc: Json, schema: unknown): string {
  const s = obj(schema)
  const name = refName(s)
  if (name) return name
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
  if (Array.isArray(s.anyOf)) return s.anyOf.map((x) => typeLabel(doc, x)).join(' | ')
  if (s.const !== undefined) return JSON.stringify(s.const)
  const types = Array.isArray(s.type) ? s.type.map(String) : s.type ? [str(s.type)] : []
  const label = types.map((t) => (t === 'array' ? `[${typeLabel(doc, s.items)}]` : t))
  return label.join(' | ') || 'any'
}

function fieldsOf(doc: Json, schema: unknown): FieldRow[] {
  const s = deref(doc, schema)
  const props = obj(s.properties)
  return Object.entries(props).map(([name, p]) => ({
    name,
    type: typeLabel(doc, p),
    description: str(obj(p).description),
  }))
}

function responseInfo(doc: Json, status: string, res: unknown): ResponseInfo {
  const r = obj(res)
  const schema = obj(obj(obj(r.content)['application/json']).schema)
  const hasSchema = Object.keys(schema).length > 0
  return {
    status,
    description: str(r.description),
    schemaName: hasSchema ? refName(schema) : null,
    fields: hasSchema ? fieldsOf(doc, schema) : [],
  }
}

function paramRows(doc: Json, op: Json): ParamRow[] {
  const list = Array.isArray(op.parameters) ? op.parameters : []
  return list.map((raw) => {
    const p = deref(doc, raw)
    const schema = obj(p.schema)
    const fallback =
      schema.default !== undefined ? ` (default ${JSON.stringify(schema.default)})` : ''
    return {
      name: str(p.name),
      in: str(p.in),
      type: typeLabel(doc, schema),
      required: p.required === true,
      description: `${str(p.description) || str(schema.description)}${fallback}`,
    }
  })
}

/** `curl` for the operation on this server, with an example path id and auth when needed. */
function curlFor(base: string, method: string, path: string, op: Json, secured: boolean): string {
  const params = Array.isArray(op.parameters) ? op.parameters.map(obj) : []
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = params.find((x) => x.name === name && x.in === 'path')
    return str(obj(p?.schema).example) || str(p?.example) || `{${name}}`
  })
  const parts = ['curl']
  if (method !== 'get') parts.push('-X', method.toUpperCase())
  if (secured) parts.push('-H', "'Authorization: Bearer $SITREP_KEY'")
  if (op.requestBody) parts.push('-H', "'Content-Type: application/json'", '-d', "'{…}'")
  parts.push(`'${base}${url}'`)
  return parts.join(' ')
}

/** Every operation of the document, grouped order: by tag, then path. */
export function operations(doc: Json, origin: string): Operation[] {
  const server = str(obj(Array.isArray(doc.servers) ? doc.servers[0] : null).url)
  const base = `${origin}${server}`
  const out: Operation[] = []
  for (const [path, item] of Object.entries(obj(doc.paths))) {
    for (const method of METHODS) {
      const op = obj(obj(item)[method])
      if (!Object.keys(op).length) continue
      const secured = Array.isArray(op.security) && op.security.length > 0
      out.push({
        id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, ''),
        method: method.toUpperCase(),
        path: `${server}${path}`,
        tag: str(Array.isArray(op.tags) ? op.tags[0] : '') || 'Other',
        summary: str(op.summary),
        description: str(op.description),
        secured,
        params: paramRows(doc, op),
        responses: Object.entries(obj(op.responses)).map(([s, r]) => responseInfo(doc, s, r)),
        curl: curlFor(base, method, path, op, secured),
      })
    }
  }
  return out
}
