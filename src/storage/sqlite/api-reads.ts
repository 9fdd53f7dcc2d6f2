import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import { articles, incidentLinks, incidents, timelineEvents } from '../../../db/schema/sqlite.js'
import type { ArticleQuery, IncidentQuery, Repository } from '../repository.js'
import type { SqliteDb } from './db.js'
import {
  articleSourceCondition,
  incidentFilterConditions,
  sinceBound,
  untilBound,
} from './api-filters.js'
import { afterCursor, keysetOrder, keysetPage, type Keyset } from './cursor.js'
import {
  articleViewColumns,
  incidentViewColumns,
  type IncidentViewRow,
  toArticleViews,
  toIncidentViews,
} from './views.js'

type ApiReads = Pick<Repository, 'listArticles' | 'listIncidents' | 'getIncident'>

const articleKeyset: Keyset = {
  key: articles.publishedAt,
  id: articles.id,
  dir: 'desc',
  tag: '',
  kind: 'time',
}

/** Keyset per incident sort; `recent` keeps the original untagged cursors valid. */
const incidentKeysets = {
  recent: { key: incidents.lastSeen, id: incidents.id, dir: 'desc', tag: '', kind: 'time' },
  first_seen: { key: incidents.firstSeen, id: incidents.id, dir: 'desc', tag: 'f', kind: 'time' },
  coverage: { key: incidents.articleCount, id: incidents.id, dir: 'desc', tag: 'c', kind: 'count' },
} satisfies Record<NonNullable<IncidentQuery['sort']>, Keyset>

const sortValue = {
  recent: (r: IncidentViewRow) => r.lastSeen,
  first_seen: (r: IncidentViewRow) => r.firstSeen,
  coverage: (r: IncidentViewRow) => r.articleCount,
}

export function apiReads(db: SqliteDb): ApiReads {
  return {
    listArticles: (q) => listArticles(db, q),
    async listIncidents(q) {
      const filters = await incidentFilterConditions(db, q)
      if (!filters) return { data: [], nextCursor: null }
      const sort = q.sort ?? 'recent'
      const keyset = incidentKeysets[sort]
      const conds: SQL[] = [
        isNull(incidents.mergedInto),
        eq(incidents.kind, 'incident'),
        eq(incidents.hidden, false),
        ...filters,
      ]
      if (q.cursor) conds.push(afterCursor(keyset, q.cursor))
      const rows = await db
        .select(incidentViewColumns)
        .from(incidents)
        .where(and(...conds))
        .orderBy(...keysetOrder(keyset))
        .limit(q.limit + 1)
      const page = keysetPage(keyset, rows, q.limit, (r) => [sortValue[sort](r), r.id])
      return { data: await toIncidentViews(db, page.data), nextCursor: page.nextCursor }
    },
    async getIncident(requested) {
      const row = await resolveIncident(db, requested)
      if (!row) return null
      const [view] = await toIncidentViews(db, [row], 200)
      const articleRows = await db
        .select(articleViewColumns)
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
    const row = await db
      .select(incidentViewColumns)
      .from(incidents)
      .where(eq(incidents.id, current))
      .get()
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

async function listArticles(db: SqliteDb, q: ArticleQuery) {
  const conds: SQL[] = []
  const since = sinceBound(q.since)
  const until = untilBound(q.until)
  if (since) conds.push(sql`${articles.publishedAt} >= ${since}`)
  if (until) conds.push(sql`${articles.publishedAt} < ${until}`)
  if (q.source) conds.push(articleSourceCondition(q.source))
  if (q.incident) {
    const incident = await resolveIncident(db, q.incident)
    if (!incident) return { data: [], nextCursor: null }
    conds.push(eq(articles.incidentId, incident.id))
  }
  if (q.cursor) conds.push(afterCursor(articleKeyset, q.cursor))
  const rows = await db
    .select(articleViewColumns)
    .from(articles)
    .where(and(...conds))
    .orderBy(...keysetOrder(articleKeyset))
    .limit(q.limit + 1)
  const page = keysetPage(articleKeyset, rows, q.limit, (r) => [r.publishedAt, r.id])
  return { data: await toArticleViews(db, page.data), nextCursor: page.nextCursor }
}
