// Request and response schemas of the curation routes (editor writes and the audit log).
import { z } from '@hono/zod-openapi'
import { ENTITY_TYPES, INCIDENT_KINDS } from '../../../db/schema/vocab.js'
import type { CurationEdit } from '../../storage/repository.js'

const idRef = (example: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(200)
    .openapi({ description: 'an id (a merged one resolves to its survivor)', example })

export const IncidentPatchBody = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    summary: z.string().trim().min(1).max(5000).optional().openapi({
      description: 'plain text; sentences kept word for word keep their source citation',
    }),
    pinned: z.boolean().optional().openapi({ description: 'pinned incidents come first' }),
    hidden: z
      .boolean()
      .optional()
      .openapi({ description: 'hidden incidents are left out of lists' }),
    kind: z
      .enum(INCIDENT_KINDS)
      .optional()
      .openapi({ description: '`not_incident`: not news of an incident' }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change')
  .openapi('IncidentPatch')

export const MergeBody = z
  .object({ into: idRef('inc_3655a41adfdc6451') })
  .strict()
  .openapi('MergeInto')

export const SplitBody = z
  .object({
    article_ids: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(500)
      .openapi({ description: 'articles of this incident to move into a new one' }),
  })
  .strict()
  .openapi('SplitArticles')

export const EntityPatchBody = z
  .object({ type: z.enum(ENTITY_TYPES).optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change')
  .openapi('EntityPatch')

export const EntityMergeBody = z
  .object({ into: idRef('ent_5abea9f0df8b4d6a') })
  .strict()
  .openapi('EntityMergeInto')

export const AuditQuery = z
  .object({
    target: z.string().min(1).max(200).optional().openapi({
      description:
        'an incident id (its edits, those of incidents merged into it included) or an entity id',
    }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ description: 'ISO-8601 timestamp' }),
    actor: z.string().openapi({ description: 'name of the API key that made the edit' }),
    action: z.string().openapi({
      description:
        'rename, edit_summary, pin, unpin, hide, unhide, mark_not_incident, mark_incident, merge, split, set_type',
    }),
    target_type: z.enum(['incident', 'entity']),
    target_id: z.string(),
    detail: z.record(z.string(), z.unknown()).openapi({
      description:
        'what changed: `{field, from, to}` for field edits, `{merged, title, into}` for merges, `{from, to, article_ids}` for splits',
    }),
  })
  .openapi('AuditEntry')

export const auditJson = (e: CurationEdit): z.infer<typeof AuditEntrySchema> => ({
  id: e.id,
  at: e.at,
  actor: e.actor,
  action: e.action,
  target_type: e.targetType,
  target_id: e.targetId,
  detail: e.detail,
})
