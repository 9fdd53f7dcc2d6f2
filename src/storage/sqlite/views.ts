// Row -> view mapping shared by the API reads. Entity lists are fetched for a whole page at
// once (one IN query), never one query per row.
import { desc, eq, inArray } from 'drizzle-orm'
import {
  articleEntities,
  articles,
  entities,
  incidentEntities,
  incidents,
} from '../../../db/schema/sqlite.js'
import type { Mention, SummarySentence } from '../../core/types.js'
import type { ArticleView, EntityRef, IncidentView } from '../repository.js'
import { chunk, type SqliteDb } from './db.js'

export async function mentionsByArticle(db: SqliteDb, ids: string[]) {
  const out = new Map<string, Mention[]>()
  for (const part of chunk(ids)) {
    const rows = await db
      .select({
        articleId: articleEntities.articleId,
        entityId: articleEntities.entityId,
        surface: articleEntities.surface,
        count: articleEntities.count,
        name: entities.name,
        type: entities.type,
        provisional: entities.provisional,
      })
      .from(articleEntities)
      .innerJoin(entities, eq(entities.id, articleEntities.entityId))
      .where(inArray(articleEntities.articleId, part))
    for (const r of rows) {
      const list = out.get(r.articleId) ?? []
      list.push({
        entityId: r.entityId,
        type: r.type,
        name: r.name,
        surface: r.surface,
        count: r.count,
        discovered: r.provisional,
      })
      out.set(r.articleId, list)
    }
  }
  return out
}

/** Entities of each incident, most-mentioned first. */
export async function entitiesByIncident(db: SqliteDb, ids: string[], perIncident = 12) {
  const out = new Map<string, EntityRef[]>()
  for (const part of chunk(ids)) {
    const rows = await db
      .select({
        incidentId: incidentEntities.incidentId,
        id: entities.id,
        name: entities.name,
        type: entities.type,
      })
      .from(incidentEntities)
      .innerJoin(entities, eq(entities.id, incidentEntities.entityId))
      .where(inArray(incidentEntities.incidentId, part))
      .orderBy(desc(incidentEntities.articleCount), entities.name)
    for (const r of rows) {
      const list = out.get(r.incidentId) ?? []
      if (list.length < perIncident) list.push({ id: r.id, name: r.name, type: r.type })
      out.set(r.incidentId, list)
    }
  }
  return out
}

type ArticleRow = {
  id: string
  url: string
  title: string
  source: string
  publishedAt: string
  incidentId: string | null
  duplicateOf?: string | null
}

export async function toArticleViews(db: SqliteDb, rows: ArticleRow[]): Promise<ArticleView[]> {
  const mentions = await mentionsByArticle(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    title: r.title,
    source: r.source,
    publishedAt: r.publishedAt,
    incidentId: r.incidentId,
    duplicateOf: r.duplicateOf ?? null,
    entities: (mentions.get(r.id) ?? []).map((m) => ({
      id: m.entityId,
      name: m.name,
      type: m.type,
      surface: m.surface,
    })),
  }))
}

/**
 * What the views read from an incident row: not `profile` (clustering state, kilobytes of JSON
 * per row that every list would parse for nothing).
 */
export const incidentViewColumns = {
  id: incidents.id,
  title: incidents.title,
  summary: incidents.summary,
  kind: incidents.kind,
  firstSeen: incidents.firstSeen,
  lastSeen: incidents.lastSeen,
  articleCount: incidents.articleCount,
  mergedInto: incidents.mergedInto,
  pinned: incidents.pinned,
  hidden: incidents.hidden,
  editedAt: incidents.editedAt,
}
export type IncidentViewRow = Pick<typeof incidents.$inferSelect, keyof typeof incidentViewColumns>

/** What article views read: not the article's text. */
export const articleViewColumns = {
  id: articles.id,
  url: articles.url,
  title: articles.title,
  source: articles.source,
  publishedAt: articles.publishedAt,
  incidentId: articles.incidentId,
  duplicateOf: articles.duplicateOf,
}

export async function toIncidentViews(
  db: SqliteDb,
  rows: IncidentViewRow[],
  perIncident = 12,
): Promise<IncidentView[]> {
  const ents = await entitiesByIncident(
    db,
    rows.map((r) => r.id),
    perIncident,
  )
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary as SummarySentence[],
    kind: r.kind,
    firstSeen: r.firstSeen,
    lastSeen: r.lastSeen,
    articleCount: r.articleCount,
    entities: ents.get(r.id) ?? [],
    pinned: r.pinned,
    hidden: r.hidden,
    edited: r.editedAt != null,
  }))
}
