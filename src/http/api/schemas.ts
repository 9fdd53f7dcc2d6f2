// Response shapes of API v1 as zod schemas: they type the handlers and generate the OpenAPI
// document. Fields are added here, never renamed (serialize.ts builds the values).
import { z } from '@hono/zod-openapi'
import {
  ENTITY_ORIGINS,
  ENTITY_TYPES,
  FEED_STATUSES,
  INCIDENT_KINDS,
  INCIDENT_RELATIONS,
} from '../../../db/schema/vocab.js'

const time = z
  .string()
  .openapi({ description: 'ISO-8601 timestamp', example: '2026-03-20T09:15:00.000Z' })
const nullableTime = time.nullable()
const id = (prefix: string) => z.string().openapi({ example: `${prefix}_3655a41adfdc6451` })

const entityRefShape = { id: id('ent'), name: z.string(), type: z.enum(ENTITY_TYPES) }
export const EntityRefSchema = z.object(entityRefShape).openapi('EntityRef')

export const ArticleSchema = z
  .object({
    id: id('art'),
    url: z.string().openapi({ description: 'canonical URL' }),
    title: z.string(),
    source: z.string().openapi({ description: 'outlet name (or host)' }),
    published_at: time,
    incident_id: id('inc').nullable(),
    duplicate_of: id('art').nullable().openapi({ description: 'article this one copies' }),
    entities: z.array(
      z.object({
        ...entityRefShape,
        surface: z.string().openapi({ description: 'the form the text used' }),
      }),
    ),
  })
  .openapi('Article')

const SentenceSchema = z.object({
  text: z.string(),
  article_id: id('art'),
  source_url: z.string(),
})

const incidentSummaryShape = {
  id: id('inc'),
  title: z.string(),
  summary: z.string(),
  summary_sentences: z.array(SentenceSchema),
  kind: z.enum(INCIDENT_KINDS),
  first_seen: time,
  last_seen: time,
  article_count: z.number().int(),
  entities: z.array(EntityRefSchema),
  pinned: z.boolean().openapi({ description: 'an editor pinned it (home page first)' }),
  hidden: z.boolean().openapi({ description: 'an editor hid it (left out of lists)' }),
  edited: z.boolean().openapi({ description: 'an editor changed it' }),
}

export const IncidentSummarySchema = z.object(incidentSummaryShape).openapi('IncidentSummary')

const EditSchema = z.object({
  id: z.string(),
  at: time,
  actor: z.string().openapi({ description: 'name of the API key that made the edit' }),
  action: z.string(),
  target_type: z.enum(['incident', 'entity']),
  target_id: z.string(),
  detail: z.record(z.string(), z.unknown()),
})

// The summary's shape spread (not `.extend`), so that the document holds one flat object.
export const IncidentDetailSchema = z
  .object({
    ...incidentSummaryShape,
    articles: z.array(ArticleSchema),
    timeline: z.array(
      z.object({
        date: z.string(),
        text: z.string(),
        source_url: z.string(),
        article_id: id('art'),
      }),
    ),
    related: z.array(
      z.object({
        id: id('inc'),
        title: z.string(),
        relation: z.enum(INCIDENT_RELATIONS),
        direction: z.enum(['outgoing', 'incoming']),
        evidence: z.string().nullable(),
      }),
    ),
    edits: z.array(EditSchema).openapi({ description: 'editor actions, newest first' }),
  })
  .openapi('IncidentDetail')

const entityShape = {
  id: id('ent'),
  name: z.string(),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(z.string()),
  provisional: z.boolean(),
  origin: z.enum(ENTITY_ORIGINS),
  description: z.string().nullable(),
  first_seen: nullableTime,
  first_seen_url: z.string().nullable(),
  incident_count: z.number().int(),
}
export const EntitySchema = z.object(entityShape).openapi('Entity')
export const EntityDetailSchema = z
  .object({ ...entityShape, incidents: z.array(IncidentSummarySchema) })
  .openapi('EntityDetail')

export const FeedSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    name: z.string().nullable(),
    site_url: z.string().nullable(),
    status: z.enum(FEED_STATUSES),
    error_count: z.number().int(),
    last_error: z.string().nullable(),
    last_fetched_at: nullableTime,
    last_success_at: nullableTime,
    next_fetch_at: nullableTime,
    failing_since: nullableTime,
    failing_for_a_day: z.boolean(),
    last_status: z.number().int().nullable(),
    interval_minutes: z.number().int().nullable(),
  })
  .openapi('Feed')

export const RunSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['crawl', 'ingest', 'recluster']),
    started_at: time,
    finished_at: nullableTime,
    stats: z.record(z.string(), z.number()),
    errors: z.array(z.object({ target: z.string(), message: z.string() })),
  })
  .openapi('Run')

/** `{"data":[T], "next_cursor"}`: pass next_cursor back as `cursor` for the next page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().openapi({ description: 'null on the last page' }),
  })

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) })
