// The OpenAPI 3.1 document of API v1, generated from the route configs of the app (and of every
// sub-app mounted into it), with relative servers so it is right on any host.
import type { OpenAPIHono } from '@hono/zod-openapi'

export const API_BASE = '/api/v1'

const TAGS = [
  { name: 'Incidents', description: 'Stories grouped from many outlets, with timeline and links' },
  { name: 'Entities', description: 'Threat actors, organizations, software, malware and CVEs' },
  { name: 'Articles', description: 'Stored source articles' },
  { name: 'Feeds and runs', description: 'Crawler health' },
  { name: 'Meta', description: 'Liveness and this document' },
]

const DESCRIPTION = `JSON, snake_case. Fields are added, never renamed.

Lists return \`{"data": [...], "next_cursor": string|null}\`: pass \`next_cursor\` back as
\`cursor\` for the next page. Errors are \`{"error":{"code","message"}}\`; unknown parameters
are a 400. Every GET answers with a weak \`ETag\`: send it as \`If-None-Match\` to get a 304.
Reads allow any origin (CORS, no credentials); writes need an API key
(\`Authorization: Bearer <key>\`, see \`sitrep keys create\`).`

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Env, schema and base path
export type AnyOpenAPIHono = OpenAPIHono<any, any, any>

export type OpenApiDocument = ReturnType<AnyOpenAPIHono['getOpenAPI31Document']>

/** Generates the document once per app (it only changes when the code does). */
export function documentOf(api: AnyOpenAPIHono): () => OpenApiDocument {
  let doc: OpenApiDocument | null = null
  return () => {
    doc ??= api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'sitrep API', version: '1', description: DESCRIPTION },
      servers: [{ url: API_BASE, description: 'this server' }],
      tags: [...TAGS, ...extraTags(api)],
    })
    return doc
  }
}

/** Tags used by mounted sub-apps (e.g. curation) that are not in the list above. */
function extraTags(api: AnyOpenAPIHono) {
  const known = new Set(TAGS.map((t) => t.name))
  const names = new Set<string>()
  for (const def of api.openAPIRegistry.definitions)
    if (def.type === 'route') for (const t of def.route.tags ?? []) if (!known.has(t)) names.add(t)
  return [...names].map((name) => ({ name }))
}
