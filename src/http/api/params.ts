// Request parameters of API v1: one zod schema per route, used both to validate (every violation,
// unknown parameters included, is a 400 with the documented error body) and to document.
import { z } from '@hono/zod-openapi'
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .openapi({ description: 'page size', example: 50 })
const cursor = z
  .string()
  .min(1)
  .max(512)
  .optional()
  .openapi({ description: '`next_cursor` of the previous page, unchanged' })

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s))

const since = z
  .string()
  .refine(isIsoDate, 'must be an ISO-8601 date')
  .transform((s) => new Date(s).toISOString())
  .optional()
/** Inclusive; kept as given so that storage can tell a bare date (that whole day) from a time. */
const until = z.string().refine(isIsoDate, 'must be an ISO-8601 date').optional()

/** A parameter given several times, or as a comma-separated list. */
const stringList = (what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .pipe(z.array(z.string().max(200)).min(1, `${what} is empty`).max(10))
    .optional()

const source = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .openapi({ description: 'outlet name (any case) or host, e.g. `bleepingcomputer.com`' })
const text = z.string().min(1).max(500).optional()

export const pageQuery = z.object({ limit, cursor }).strict()

export const articleQuery = z
  .object({
    limit,
    cursor,
    source,
    since: since.openapi({ description: 'published at or after (ISO-8601)' }),
    until: until.openapi({ description: 'published at or before; a bare date includes that day' }),
    incident: z.string().min(1).max(200).optional().openapi({
      description: "articles of this incident (a merged incident's id resolves to the survivor)",
    }),
  })
  .strict()

export const INCIDENT_SORTS = ['recent', 'first_seen', 'coverage'] as const

export const incidentQuery = z
  .object({
    limit,
    cursor,
    entity: stringList('entity').openapi({
      description:
        'entity id or name/alias; repeat it or separate with commas: incidents must have all of them',
    }),
    type: z.enum(ENTITY_TYPES).optional().openapi({
      description: 'incidents having at least one entity of this type',
    }),
    q: text.openapi({ description: 'full-text search over titles, summaries and articles' }),
    since: since.openapi({ description: 'last seen at or after (still active then)' }),
    until: until.openapi({ description: 'first seen at or before; a bare date includes that day' }),
    source: source.openapi({
      description: 'incidents with an article from this outlet name (any case) or host',
    }),
    sort: z.enum(INCIDENT_SORTS).default('recent').openapi({
      description:
        '`recent`: last seen, newest first; `first_seen`: first seen, newest first; `coverage`: most articles first',
    }),
  })
  .strict()

export const entityQuery = z
  .object({
    limit,
    cursor,
    type: z.enum(ENTITY_TYPES).optional(),
    q: z.string().min(1).max(200).optional().openapi({ description: 'part of a name or alias' }),
    sort: z.enum(['name', 'incidents']).default('name').openapi({
      description: '`name`: A to Z; `incidents`: most incidents first',
    }),
  })
  .strict()

export const idParam = (example: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(200)
      .openapi({ param: { name: 'id', in: 'path' }, example }),
  })
