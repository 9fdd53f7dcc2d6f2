// The read routes of API v1 as OpenAPI route configs: request schemas validate, response
// schemas document (and type the handlers). Every GET documents its 304 and its error bodies.
import { createRoute, z } from '@hono/zod-openapi'
import { errorResponse, rateLimitedResponse } from './openapi-common.js'
import { articleQuery, entityQuery, idParam, incidentQuery } from './params.js'
import {
  ArticleSchema,
  EntityDetailSchema,
  EntitySchema,
  FeedSchema,
  IncidentDetailSchema,
  IncidentSummarySchema,
  RunSchema,
  listOf,
  pageOf,
} from './schemas.js'

const etagHeaders = {
  ETag: {
    description: 'weak validator of the body; send it back as If-None-Match',
    schema: { type: 'string' as const },
  },
  'Cache-Control': {
    description: 'how long the body may be reused',
    schema: { type: 'string' as const },
  },
}

const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header' as const,
  required: false,
  description: 'ETag of a copy you hold: 304 without a body when it is still current',
  schema: { type: 'string' as const },
}

/** 200 with `schema` (and its ETag), 304 for a matching If-None-Match, 429 when limited. */
function ok<S extends z.ZodType>(schema: S) {
  return {
    200: { description: 'OK', headers: etagHeaders, content: { 'application/json': { schema } } },
    304: {
      description: 'Not modified: the If-None-Match ETag is still current',
      headers: etagHeaders,
    },
    429: rateLimitedResponse,
  }
}

const get = { method: 'get' as const, parameters: [ifNoneMatch] }
const noQuery = z.object({}).strict()
const badParams = errorResponse('Bad parameters (unknown parameters included) or cursor')

export const routes = {
  health: createRoute({
    ...get,
    path: '/health',
    tags: ['Meta'],
    summary: 'Liveness',
    responses: ok(z.object({ status: z.literal('ok') })),
  }),
  articles: createRoute({
    ...get,
    path: '/articles',
    tags: ['Articles'],
    summary: 'Articles, newest first',
    request: { query: articleQuery },
    responses: { ...ok(pageOf(ArticleSchema)), 400: badParams },
  }),
  incidents: createRoute({
    ...get,
    path: '/incidents',
    tags: ['Incidents'],
    summary: 'Incidents, filtered and sorted',
    description:
      'Hidden incidents are left out; pinned ones are not moved. `since`/`until` select incidents active in that window: last seen at or after `since`, first seen at or before `until`.',
    request: { query: incidentQuery },
    responses: { ...ok(pageOf(IncidentSummarySchema)), 400: badParams },
  }),
  incident: createRoute({
    ...get,
    path: '/incidents/{id}',
    tags: ['Incidents'],
    summary: 'One incident with articles, timeline and linked incidents',
    description: 'The id of an incident merged into another resolves to the surviving incident.',
    request: { params: idParam('inc_3655a41adfdc6451'), query: noQuery },
    responses: {
      ...ok(IncidentDetailSchema),
      400: badParams,
      404: errorResponse('No incident with this id'),
    },
  }),
  entities: createRoute({
    ...get,
    path: '/entities',
    tags: ['Entities'],
    summary: 'Entities (actors, organizations, software, malware, CVEs)',
    request: { query: entityQuery },
    responses: { ...ok(pageOf(EntitySchema)), 400: badParams },
  }),
  entity: createRoute({
    ...get,
    path: '/entities/{id}',
    tags: ['Entities'],
    summary: 'One entity with its incidents',
    request: { params: idParam('ent_5abea9f0df8b4d6a'), query: noQuery },
    responses: {
      ...ok(EntityDetailSchema),
      400: badParams,
      404: errorResponse('No entity with this id'),
    },
  }),
  feeds: createRoute({
    ...get,
    path: '/feeds',
    tags: ['Feeds and runs'],
    summary: 'Feeds with their health',
    request: { query: noQuery },
    responses: { ...ok(listOf(FeedSchema)), 400: badParams },
  }),
  runs: createRoute({
    ...get,
    path: '/runs',
    tags: ['Feeds and runs'],
    summary: 'Recent crawl, ingest and recluster runs with their errors',
    request: { query: noQuery },
    responses: { ...ok(listOf(RunSchema)), 400: badParams },
  }),
  openapi: createRoute({
    ...get,
    path: '/openapi.json',
    tags: ['Meta'],
    summary: 'This OpenAPI 3.1 document',
    responses: ok(
      z.looseObject({
        openapi: z.string(),
        info: z.looseObject({ title: z.string(), version: z.string() }),
        paths: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
}
