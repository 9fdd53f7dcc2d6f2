// API v1: an OpenAPIHono app whose route configs (route-defs.ts) validate requests and generate
// /api/v1/openapi.json. Write routes live in their own sub-apps, passed in as `extra` and
// mounted here so that they share the middleware and appear in the document.
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { incidentDetail } from '../incident-detail.js'
import { documentOf, type AnyOpenAPIHono } from './document.js'
import { cacheControl, weakEtag } from './http-cache.js'
import { defaultHook, registerSecuritySchemes } from './openapi-common.js'
import { routes } from './route-defs.js'
import {
  articleJson,
  entityJson,
  feedJson,
  incidentDetailJson,
  incidentSummaryJson,
  runJson,
} from './serialize.js'

const notFound = (what: string, id: string) =>
  new AppError('not_found', `no ${what} with id ${id}`).toJSON()

/**
 * The API v1 app. `extra` sub-apps (e.g. curation) are mounted at its root; the document
 * (`documentOf(app)`) covers them too. CORS is applied by the parent app (http-cache.ts).
 */
export function apiRoutes(deps: Deps, extra: AnyOpenAPIHono[] = []) {
  const api = new OpenAPIHono({ defaultHook })
  registerSecuritySchemes(api)
  api.use('*', weakEtag, cacheControl)
  const document = documentOf(api)

  api.openapi(routes.health, (c) => c.json({ status: 'ok' as const }, 200))

  api.openapi(routes.articles, async (c) => {
    const q = c.req.valid('query')
    const page = await deps.repo.listArticles({ ...q, cursor: q.cursor ?? null })
    return c.json({ data: page.data.map(articleJson), next_cursor: page.nextCursor }, 200)
  })

  api.openapi(routes.incidents, async (c) => {
    const q = c.req.valid('query')
    const page = await deps.repo.listIncidents({ ...q, cursor: q.cursor ?? null })
    return c.json({ data: page.data.map(incidentSummaryJson), next_cursor: page.nextCursor }, 200)
  })

  api.openapi(routes.incident, async (c) => {
    const { id } = c.req.valid('param')
    const incident = await incidentDetail(deps, id)
    if (!incident) return c.json(notFound('incident', id), 404)
    return c.json(incidentDetailJson(incident), 200)
  })

  api.openapi(routes.entities, async (c) => {
    const q = c.req.valid('query')
    const page = await deps.repo.listEntities({ ...q, cursor: q.cursor ?? null })
    return c.json({ data: page.data.map(entityJson), next_cursor: page.nextCursor }, 200)
  })

  api.openapi(routes.entity, async (c) => {
    const { id } = c.req.valid('param')
    const entity = await deps.repo.getEntity(id)
    if (!entity) return c.json(notFound('entity', id), 404)
    const incidents = entity.incidents.map(incidentSummaryJson)
    return c.json({ ...entityJson(entity), incidents }, 200)
  })

  api.openapi(routes.feeds, async (c) => {
    const feeds = await deps.repo.listFeeds()
    return c.json({ data: feeds.map((f) => feedJson(f, deps.now())) }, 200)
  })

  api.openapi(routes.runs, async (c) => {
    const runs = await deps.repo.recentRuns(20)
    return c.json({ data: runs.map(runJson) }, 200)
  })

  api.openapi(routes.openapi, (c) => c.json(document() as never, 200))

  for (const sub of extra) api.route('/', sub)
  return api
}
