// Internal camelCase views -> the public snake_case API v1 shapes. This file is the contract:
// fields are added here, never renamed.
import type { z } from '@hono/zod-openapi'
import type { Feed, SummarySentence, TimelineEvent } from '../../core/types.js'
import { failingForADay } from '../../pipeline/fetch/schedule.js'
import type {
  ArticleView,
  CurationEdit,
  EntityView,
  IncidentDetail,
  IncidentView,
  RunRecord,
} from '../../storage/repository.js'
import type {
  ArticleSchema,
  EntitySchema,
  FeedSchema,
  IncidentDetailSchema,
  IncidentSummarySchema,
  RunSchema,
} from './schemas.js'

type Json<S extends z.ZodType> = z.infer<S>

export const articleJson = (a: ArticleView): Json<typeof ArticleSchema> => ({
  id: a.id,
  url: a.url,
  title: a.title,
  source: a.source,
  published_at: a.publishedAt,
  incident_id: a.incidentId,
  duplicate_of: a.duplicateOf,
  entities: a.entities,
})

const sentenceJson = (s: SummarySentence) => ({
  text: s.text,
  article_id: s.articleId,
  source_url: s.sourceUrl,
})

export const incidentSummaryJson = (i: IncidentView): Json<typeof IncidentSummarySchema> => ({
  id: i.id,
  title: i.title,
  summary: i.summary.map((s) => s.text).join(' '),
  summary_sentences: i.summary.map(sentenceJson),
  kind: i.kind,
  first_seen: i.firstSeen,
  last_seen: i.lastSeen,
  article_count: i.articleCount,
  entities: i.entities,
  pinned: i.pinned ?? false,
  hidden: i.hidden ?? false,
  edited: i.edited ?? false,
})

const timelineJson = (e: TimelineEvent) => ({
  date: e.date,
  text: e.text,
  source_url: e.sourceUrl,
  article_id: e.articleId,
})

const editJson = (e: CurationEdit) => ({
  id: e.id,
  at: e.at,
  actor: e.actor,
  action: e.action,
  target_type: e.targetType,
  target_id: e.targetId,
  detail: e.detail,
})

export const incidentDetailJson = (i: IncidentDetail): Json<typeof IncidentDetailSchema> => ({
  ...incidentSummaryJson(i),
  articles: i.articles.map(articleJson),
  timeline: i.timeline.map(timelineJson),
  related: i.related.map((r) => ({
    id: r.id,
    title: r.title,
    relation: r.relation,
    direction: r.direction,
    evidence: r.evidence,
  })),
  edits: (i.edits ?? []).map(editJson),
})

export const entityJson = (e: EntityView): Json<typeof EntitySchema> => ({
  id: e.id,
  name: e.name,
  type: e.type,
  aliases: e.aliases,
  provisional: e.provisional,
  origin: e.origin,
  description: e.description,
  first_seen: e.firstSeenAt,
  first_seen_url: e.firstSeenUrl,
  incident_count: e.incidentCount,
})

export const feedJson = (f: Feed, now: Date): Json<typeof FeedSchema> => ({
  id: f.id,
  url: f.url,
  name: f.name,
  site_url: f.siteUrl,
  status: f.status,
  error_count: f.errorCount,
  last_error: f.lastError,
  last_fetched_at: f.lastFetchedAt,
  last_success_at: f.lastSuccessAt,
  next_fetch_at: f.nextFetchAt,
  failing_since: f.failingSince,
  failing_for_a_day: failingForADay(f.failingSince, now),
  last_status: f.lastStatus,
  interval_minutes: f.intervalMinutes,
})

export const runJson = (r: RunRecord): Json<typeof RunSchema> => ({
  id: r.id,
  kind: r.kind,
  started_at: r.startedAt,
  finished_at: r.finishedAt,
  stats: r.stats,
  errors: r.errors,
})
