import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { articles, incidentLinks, incidents, timelineEvents } from '../../../db/schema/sqlite.js'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Repository } from '../repository.js'
import { decodeCursor, toPage } from '../cursor.js'
import type { SqliteDb } from './db.js'
import { ftsQuery } from './fts.js'
import { toArticleViews, toIncidentViews } from './views.js'
import { resolveEntityIds } from './entities.js'

type ApiReads = Pick<Repository, 'listArticles' | 'listIncidents' | 'getIncident'>

export function apiReads(db: SqliteDb): ApiReads {
  return {
    async listArticles({ limit, cursor }) {
      const where = cursor ? before(articles.publishedAt, articles.id, cursor) : undefined
      const rows = await db
        .select()
        .from(articles)
        .where(where)
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(limit + 1)
      const page = toPage(rows, limit, (r) => [r.publishedAt, r.id])
      return { data: await toArticleViews(db, page.data), nextCursor: page.nextCursor }
    },
    async listIncidents(q) {
      const conds: (SQL | undefined)[] = [
        isNull(incidents.mergedInto),
        eq(incidents.kind, 'incident'),
      ]
      if (q.cursor) conds.push(before(incidents.lastSeen, incidents.id, q.cursor))
      if (q.since) conds.push(sql`${incidents.lastSeen} >= ${q.since}`)
      if (q.entity) {
        const ids = await resolveEntityIds(db, q.entity)
        if (ids.length === 0) return { data: [], nextCursor: null }
        conds.push(
          sql`${incidents.id} in (select incident_id from incident_entities where entity_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}))`,
        )
      }
      if (q.q) {
        const match = ftsQuery(q.q)
        if (!match) return { data: [], nextCursor: null }
        conds.push(
          sql`${incidents.id} in (select incident_id from incidents_fts where incidents_fts match ${match}
            union select a.incident_id from articles_fts f join articles a on a.id = f.article_id
            where articles_fts match ${match})`,
        )
      }
      const rows = await db
        .select()
        .from(incidents)
        .where(and(...conds))
        .orderBy(desc(incidents.lastSeen), desc(incidents.id))
        .limit(q.limit + 1)
      const page = toPage(rows, q.limit, (r) => [r.lastSeen, r.id])
      return { data: await toIncidentViews(db, page.data), nextCursor: page.nextCursor }
    },
    async getIncident(requested) {
      const row = await resolveIncident(db, requested)
      if (!row) return null
      const [view] = await toIncidentViews(db, [row], 200)
      const articleRows = await db
        .select()
        .from(articles)
        .where(eq(articles.incidentId, row.id))
        .orderBy(asc(articles.publishedAt), asc(articles.id))
      const events = articleRows.length
        ? await db
            .select()
            .from(timelineEvents)
            .where(
              inArray(
                timelineEvents.articleId,
                articleRows.map((a) => a.id),
              ),
            )
            .orderBy(asc(timelineEvents.date))
        : []
      const related = await relatedIncidents(db, row.id)
      return {
        ...view!,
        articles: await toArticleViews(db, articleRows),
        timeline: events.map((e) => ({
          date: e.date,
          text: e.text,
          sourceUrl: e.sourceUrl,
          articleId: e.articleId,
        })),
        related,
      }
    },
  }
}

/** Follows merged_into so that ids of merged incidents keep resolving. */
async function resolveIncident(db: SqliteDb, id: string) {
  let current = id
  for (let hop = 0; hop < 16; hop++) {
    const row = await db.select().from(incidents).where(eq(incidents.id, current)).get()
    if (!row) return null
    if (!row.mergedInto) return row
    current = row.mergedInto
  }
  return null
}

async function relatedIncidents(db: SqliteDb, id: string) {
  const rows = await db
    .select({
      from: incidentLinks.fromId,
      to: incidentLinks.toId,
      relation: incidentLinks.relation,
      evidence: incidentLinks.evidence,
    })
    .from(incidentLinks)
    .where(or(eq(incidentLinks.fromId, id), eq(incidentLinks.toId, id)))
  const otherIds = rows.map((r) => (r.from === id ? r.to : r.from))
  if (otherIds.length === 0) return []
  const others = await db
    .select({ id: incidents.id, title: incidents.title })
    .from(incidents)
    .where(inArray(incidents.id, otherIds))
  const titles = new Map(others.map((o) => [o.id, o.title]))
  return rows.map((r) => {
    const other = r.from === id ? r.to : r.from
    return {
      id: other,
      title: titles.get(other) ?? other,
      relation: r.relation,
      direction: r.from === id ? ('outgoing' as const) : ('incoming' as const),
      evidence: r.evidence,
    }
  })
}

/** Keyset condition for descending (sortKey, id) order. */
function before(sortCol: AnySQLiteColumn, idCol: AnySQLiteColumn, cursor: string) {
  const c = decodeCursor(cursor)
  return or(lt(sortCol, c.sortKey), and(eq(sortCol, c.sortKey), lt(idCol, c.id)))
}
