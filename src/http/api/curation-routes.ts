// Editor writes of API v1 (scope `write`; merging entities needs `admin`) and the audit log
// (scope `read`). Each answers with the changed resource in the shape its GET has.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ApiScope } from '../../../db/schema/vocab.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { mergeEntity, setEntityType } from '../../pipeline/curate/entity-actions.js'
import { editIncident, mergeIncidents } from '../../pipeline/curate/incident-actions.js'
import type { ActOptions } from '../../pipeline/curate/log.js'
import { splitIncident } from '../../pipeline/curate/split.js'
import { requireScope, type AuthVars } from '../auth/middleware.js'
import { incidentDetail } from '../incident-detail.js'
import {
  AuditEntrySchema,
  AuditQuery,
  EntityMergeBody,
  EntityPatchBody,
  IncidentPatchBody,
  MergeBody,
  SplitBody,
  auditJson,
} from './curation-defs.js'
import { defaultHook, errorResponse } from './openapi-common.js'
import { idParam } from './params.js'
import { entityJson, incidentDetailJson, incidentSummaryJson } from './serialize.js'
import { EntityDetailSchema, IncidentDetailSchema } from './schemas.js'

type Env = { Variables: AuthVars }

const json = <S extends z.ZodType>(schema: S, description = 'The changed resource') => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** What every write route shares: the key, the scope check and the error bodies. */
function writeParts(scope: ApiScope) {
  return {
    tags: ['Curation'],
    security: [{ ApiKey: [] }],
    middleware: requireScope(scope),
  }
}

function errors(scope: ApiScope) {
  return {
    400: errorResponse('Bad body, or an impossible change (e.g. merging into itself)'),
    401: errorResponse('No API key, or not a valid one'),
    403: errorResponse(`The key lacks the "${scope}" scope`),
    404: errorResponse('No such incident or entity'),
  }
}

const incidentId = idParam('inc_3655a41adfdc6451')
const entityId = idParam('ent_5abea9f0df8b4d6a')

const routes = {
  patchIncident: createRoute({
    ...writeParts('write'),
    method: 'patch',
    path: '/incidents/{id}',
    summary: 'Rename, re-summarise, pin, hide or mark an incident',
    request: { params: incidentId, body: body(IncidentPatchBody) },
    responses: { 200: json(IncidentDetailSchema), ...errors('write') },
  }),
  mergeIncident: createRoute({
    ...writeParts('write'),
    method: 'post',
    path: '/incidents/{id}/merge',
    summary: 'Merge this incident into another',
    description: 'Answers with the surviving incident; the merged id keeps resolving to it.',
    request: { params: incidentId, body: body(MergeBody) },
    responses: { 200: json(IncidentDetailSchema), ...errors('write') },
  }),
  splitIncident: createRoute({
    ...writeParts('write'),
    method: 'post',
    path: '/incidents/{id}/split',
    summary: 'Split articles off into a new incident',
    request: { params: incidentId, body: body(SplitBody) },
    responses: { 201: json(IncidentDetailSchema, 'The new incident'), ...errors('write') },
  }),
  patchEntity: createRoute({
    ...writeParts('write'),
    method: 'patch',
    path: '/entities/{id}',
    summary: "Fix an entity's type",
    request: { params: entityId, body: body(EntityPatchBody) },
    responses: { 200: json(EntityDetailSchema), ...errors('write') },
  }),
  mergeEntity: createRoute({
    ...writeParts('admin'),
    method: 'post',
    path: '/entities/{id}/merge',
    summary: 'Merge this entity into another (aliases move, mentions re-point)',
    request: { params: entityId, body: body(EntityMergeBody) },
    responses: { 200: json(EntityDetailSchema), ...errors('admin') },
  }),
  audit: createRoute({
    method: 'get',
    path: '/audit',
    tags: ['Curation'],
    summary: 'The audit log of editor actions, newest first',
    security: [{ ApiKey: [] }],
    middleware: requireScope('read'),
    request: { query: AuditQuery },
    responses: {
      200: json(z.object({ data: z.array(AuditEntrySchema) }), 'Editor actions'),
      400: errorResponse('Bad parameters'),
      401: errorResponse('No API key, or not a valid one'),
    },
  }),
}

export function curationRoutes(deps: Deps) {
  const api = new OpenAPIHono<Env>({ defaultHook })
  const act = (c: Context<Env>): ActOptions => ({
    actor: c.get('apiKey')?.name ?? 'unknown',
    at: deps.now().toISOString(),
    record: true,
  })
  const incidentJson = async (id: string) => {
    const detail = await incidentDetail(deps, id)
    if (!detail) throw new AppError('not_found', `no incident with id ${id}`)
    return incidentDetailJson(detail)
  }
  const entityDetailJson = async (id: string) => {
    const entity = await deps.repo.getEntity(id)
    if (!entity) throw new AppError('not_found', `no entity with id ${id}`)
    return { ...entityJson(entity), incidents: entity.incidents.map(incidentSummaryJson) }
  }

  api.openapi(routes.patchIncident, async (c) => {
    const id = await editIncident(deps, c.req.valid('param').id, c.req.valid('json'), act(c))
    return c.json(await incidentJson(id), 200)
  })
  api.openapi(routes.mergeIncident, async (c) => {
    const { id } = c.req.valid('param')
    const into = await mergeIncidents(deps, id, c.req.valid('json').into, act(c))
    return c.json(await incidentJson(into), 200)
  })
  api.openapi(routes.splitIncident, async (c) => {
    const { id } = c.req.valid('param')
    const created = await splitIncident(deps, id, c.req.valid('json').article_ids, act(c))
    return c.json(await incidentJson(created), 201)
  })
  api.openapi(routes.patchEntity, async (c) => {
    const { id } = c.req.valid('param')
    const { type } = c.req.valid('json')
    if (type) await setEntityType(deps, id, type, act(c))
    return c.json(await entityDetailJson(id), 200)
  })
  api.openapi(routes.mergeEntity, async (c) => {
    const { id } = c.req.valid('param')
    const into = await mergeEntity(deps, id, c.req.valid('json').into, act(c))
    return c.json(await entityDetailJson(into), 200)
  })
  api.openapi(routes.audit, async (c) => {
    const { target, limit } = c.req.valid('query')
    const incident = target ? await deps.repo.getStoredIncident(target) : null
    const edits = incident
      ? await deps.repo.incidentEdits(incident.id, limit)
      : await deps.repo.auditLog({ targetId: target ?? null, limit })
    return c.json({ data: edits.map(auditJson) }, 200)
  })
  return api
}
