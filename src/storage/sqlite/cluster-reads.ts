// Reads that clustering needs per article. Each is an indexed lookup bounded by `limit`, so
// the cost per article does not grow with the size of the database.
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import {
  articles,
  counters,
  incidentEntities,
  incidentTerms,
  incidents,
  terms as termsTable,
} from '../../../db/schema/sqlite.js'
import type { Mention } from '../../core/types.js'
import type { Repository, StoredIncident } from '../repository.js'
import { chunk, type SqliteDb } from './db.js'
import { mentionsByArticle } from './views.js'

type ClusterReads = Pick<
  Repository,
  | 'existingArticleIds'
  | 'termFrequencies'
  | 'entityIncidentCounts'
  | 'findCandidateIncidents'
  | 'incidentArticles'
>

export function clusterReads(db: SqliteDb): ClusterReads {
  return {
    async existingArticleIds(ids) {
      const found = new Set<string>()
      for (const part of chunk(ids)) {
        const rows = await db
          .select({ id: articles.id })
          .from(articles)
          .where(inArray(articles.id, part))
        for (const r of rows) found.add(r.id)
      }
      return found
    },
    async termFrequencies(list) {
      const total = await counter(db, 'term_docs')
      const df = new Map<string, number>()
      for (const part of chunk(list)) {
        const rows = await db.select().from(termsTable).where(inArray(termsTable.term, part))
        for (const r of rows) df.set(r.term, r.df)
      }
      return { total, df }
    },
    async entityIncidentCounts(ids) {
      const total = await counter(db, 'incidents')
      const df = new Map<string, number>()
      for (const part of chunk(ids)) {
        const rows = await db
          .select({ id: incidentEntities.entityId, n: sql<number>`count(*)` })
          .from(incidentEntities)
          .where(inArray(incidentEntities.entityId, part))
          .groupBy(incidentEntities.entityId)
        for (const r of rows) df.set(r.id, Number(r.n))
      }
      return { total, df }
    },
    async findCandidateIncidents({ entityIds, terms, since, limit }) {
      const ids = new Set<string>()
      if (entityIds.length > 0) {
        const rows = await db
          .select({ id: incidentEntities.incidentId })
          .from(incidentEntities)
          .where(
            and(
              inArray(incidentEntities.entityId, entityIds.slice(0, 200)),
              gte(incidentEntities.lastSeen, since),
            ),
          )
          .groupBy(incidentEntities.incidentId)
          .orderBy(desc(sql`count(*)`))
          .limit(limit)
        for (const r of rows) ids.add(r.id)
      }
      if (terms.length > 0) {
        // Same shape as the entity lookup: a range scan of (term, last_seen) per key, so only
        // the recent window is read however large the database grows.
        const rows = await db
          .select({ id: incidentTerms.incidentId })
          .from(incidentTerms)
          .where(
            and(
              inArray(incidentTerms.term, terms.slice(0, 50)),
              gte(incidentTerms.lastSeen, since),
            ),
          )
          .groupBy(incidentTerms.incidentId)
          .orderBy(desc(sql`count(*)`))
          .limit(limit)
        for (const r of rows) ids.add(r.id)
      }
      if (ids.size === 0) return []
      const rows = await db
        .select()
        .from(incidents)
        .where(and(inArray(incidents.id, [...ids]), isNull(incidents.mergedInto)))
      return rows as StoredIncident[]
    },
    async incidentArticles(incidentId, limit) {
      const rows = await db
        .select()
        .from(articles)
        .where(eq(articles.incidentId, incidentId))
        .orderBy(desc(articles.publishedAt))
        .limit(limit)
      const mentions = await mentionsByArticle(
        db,
        rows.map((r) => r.id),
      )
      return rows.map((r) => ({ ...r, mentions: mentions.get(r.id) ?? ([] as Mention[]) }))
    },
  }
}

async function counter(db: SqliteDb, name: string): Promise<number> {
  const row = await db.select().from(counters).where(eq(counters.name, name)).get()
  return row?.value ?? 0
}
