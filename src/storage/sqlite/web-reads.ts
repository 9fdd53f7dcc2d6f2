// Reads that only the web pages need: the home page's pinned and "most covered" lists, and the
// entity page's activity and co-occurring entities. Queries start from an index (last_seen, articles_published_idx,
// incident_entities_entity_idx and the incident_entities primary key) and counts only visible
// incidents: not merged, not hidden, kind 'incident'.
import { and, desc, eq, gte, isNull, ne, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { articles, entities, incidentEntities, incidents } from '../../../db/schema/sqlite.js'
import type { Repository } from '../repository.js'
import type { SqliteDb } from './db.js'
import { incidentViewColumns, toIncidentViews } from './views.js'

type WebReads = Pick<
  Repository,
  'pinnedIncidents' | 'mostCovered' | 'entityActivity' | 'relatedEntities'
>

const visible = () =>
  and(isNull(incidents.mergedInto), eq(incidents.kind, 'incident'), eq(incidents.hidden, false))

export function webReads(db: SqliteDb): WebReads {
  return {
    async pinnedIncidents(limit) {
      // A literal `pinned = 1` (not a bound parameter), so that a partial index on pinned rows
      // can serve this; without one, SQLite walks incidents_last_seen_idx (see the test).
      const rows = await db
        .select(incidentViewColumns)
        .from(incidents)
        .where(and(visible(), sql`${incidents.pinned} = 1`))
        .orderBy(desc(incidents.lastSeen), desc(incidents.id))
        .limit(limit)
      return toIncidentViews(db, rows)
    },
    async mostCovered(since, limit) {
      // Counts articles published in the window, not the incident's lifetime total, so that a
      // long-running story with one new article does not outrank this week's big one.
      const n = sql<number>`count(*)`
      const rows = await db
        .select({ i: incidents, n })
        .from(articles)
        .innerJoin(incidents, eq(incidents.id, articles.incidentId))
        .where(and(gte(articles.publishedAt, since), visible()))
        .groupBy(incidents.id)
        .orderBy(desc(n), desc(incidents.lastSeen))
        .limit(limit)
      const views = await toIncidentViews(
        db,
        rows.map((r) => r.i),
      )
      return views.map((v, k) => ({ ...v, recentArticles: Number(rows[k]!.n) }))
    },
    async entityActivity(entityId) {
      const date = sql<string>`substr(${incidents.firstSeen}, 1, 10)`
      const rows = await db
        .select({ date, count: sql<number>`count(*)` })
        .from(incidentEntities)
        .innerJoin(incidents, eq(incidents.id, incidentEntities.incidentId))
        .where(and(eq(incidentEntities.entityId, entityId), visible()))
        .groupBy(date)
        .orderBy(date)
      return rows.map((r) => ({ date: r.date, count: Number(r.count) }))
    },
    async relatedEntities(entityId, limit) {
      const other = alias(incidentEntities, 'other')
      const n = sql<number>`count(*)`
      const rows = await db
        .select({ id: entities.id, name: entities.name, type: entities.type, n })
        .from(incidentEntities)
        .innerJoin(incidents, eq(incidents.id, incidentEntities.incidentId))
        .innerJoin(
          other,
          and(
            eq(other.incidentId, incidentEntities.incidentId),
            ne(other.entityId, incidentEntities.entityId),
          ),
        )
        .innerJoin(entities, eq(entities.id, other.entityId))
        .where(and(eq(incidentEntities.entityId, entityId), visible()))
        .groupBy(entities.id)
        .orderBy(desc(n), entities.name)
        .limit(limit)
      return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, incidents: Number(r.n) }))
    },
  }
}
