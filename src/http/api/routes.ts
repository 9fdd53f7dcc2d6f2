import { Hono } from 'hono'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { incidentDetail } from '../incident-detail.js'
import { entityQuery, incidentQuery, pageQuery, parseQuery } from './params.js'
import {
  articleJson,
  entityJson,
  feedJson,
  incidentDetailJson,
  incidentSummaryJson,
  runJson,
} from './serialize.js'

export function apiRoutes(deps: Deps) {
  const api = new Hono()
  api.get('/health', (c) => c.json({ status: 'ok' }))

  api.get('/articles', async (c) => {
    const q = parseQuery(pageQuery, c.req.query())
    const page = await deps.repo.listArticles({ limit: q.limit, cursor: q.cursor ?? null })
    return c.json({ data: page.data.map(articleJson), next_cursor: page.nextCursor })
  })

  api.get('/incidents', async (c) => {
    const q = parseQuery(incidentQuery, c.req.query())
    const page = await deps.repo.listIncidents({ ...q, cursor: q.cursor ?? null })
    return c.json({ data: page.data.map(incidentSummaryJson), next_cursor: page.nextCursor })
  })

  api.get('/incidents/:id', async (c) => {
    const incident = await incidentDetail(deps, c.req.param('id'))
    if (!incident) throw new AppError('not_found', `no incident with id ${c.req.param('id')}`)
    return c.json(incidentDetailJson(incident))
  })

  api.get('/entities', async (c) => {
    const q = parseQuery(entityQuery, c.req.query())
    const page = await deps.repo.listEntities({ ...q, cursor: q.cursor ?? null })
    return c.json({ data: page.data.map(entityJson), next_cursor: page.nextCursor })
  })

  api.get('/entities/:id', async (c) => {
    const entity = await deps.repo.getEntity(c.req.param('id'))
    if (!entity) throw new AppError('not_found', `no entity with id ${c.req.param('id')}`)
    return c.json({ ...entityJson(entity), incidents: entity.incidents.map(incidentSummaryJson) })
  })

  api.get('/feeds', async (c) => {
    const feeds = await deps.repo.listFeeds()
    return c.json({ data: feeds.map((f) => feedJson(f, deps.now())) })
  })

  api.get('/runs', async (c) => {
    const runs = await deps.repo.recentRuns(20)
    return c.json({ data: runs.map(runJson) })
  })
  return api
}
