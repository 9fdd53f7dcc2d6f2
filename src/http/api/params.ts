// Query-parameter validation shared by the API routes: one zod schema per route, and every
// violation becomes a 400 with the documented error body.
import { z } from 'zod'
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import { AppError } from '../../core/errors.js'

const limit = z.coerce.number().int().min(1).max(200).default(50)
const cursor = z.string().min(1).max(512).optional()
const isoDate = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
    'must be an ISO-8601 date',
  )
  .transform((s) => new Date(s).toISOString())

export const pageQuery = z.object({ limit, cursor }).strict()
export const incidentQuery = z
  .object({
    limit,
    cursor,
    entity: z.string().min(1).max(200).optional(),
    q: z.string().min(1).max(500).optional(),
    since: isoDate.optional(),
  })
  .strict()
export const entityQuery = z
  .object({
    limit,
    cursor,
    type: z.enum(ENTITY_TYPES).optional(),
    q: z.string().min(1).max(200).optional(),
  })
  .strict()

export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: Record<string, string>,
): z.output<S> {
  const res = schema.safeParse(query)
  if (res.success) return res.data
  const issue = res.error.issues[0]
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown parameter(s): ${issue.keys.join(', ')}`
      : `${where}${issue?.message ?? 'invalid parameters'}`
  throw new AppError('bad_request', message)
}
