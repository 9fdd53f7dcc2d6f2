// Reads behind topic feeds and topic matching (issue 7): incidents by tag, tags of incidents,
// friendly entity names (`software:litellm`), and full-text search within one incident.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  articles,
  entities,
  incidentEntities,
  incidentTags,
  incidents,
} from '../../../db/schema/sqlite.js'
import { INCIDENT_TAGS, type IncidentTag } from '../../../db/schema/vocab.js'
import { entityId } from '../../core/ids.js'
import type { Repository } from '../repository.js'
import { chunk, type SqliteDb } from './db.js'
import { ftsQuery, ftsRowid } from './fts.js'
import { toIncidentViews } from './views.js'

type TopicReads = Pick<
  Repository,
  'incidentsWithTag' | 'tagsOfIncidents' | 'findEntityByTypedName' | 'incidentMatchesQuery'
>

export function topicReads(db: SqliteDb): TopicReads {
  return {
    incidentMatchesQuery: (id, query) => incidentMatchesQuery(db, id, query),
    async incidentsWithTag(tag, limit) {
      const rows = await db
        .select({ incident: incidents })
        .from(incidentTags)
        .innerJoin(incidents, eq(incidents.id, incidentTags.incidentId))
        .where(
          and(
            eq(incidentTags.tag, tag),
            isNull(incidents.mergedInto),
            eq(incidents.kind, 'incident'),
            eq(incidents.hidden, false),
          ),
        )
        .orderBy(desc(incidentTags.lastSeen), desc(incidents.id))
        .limit(limit)
      return toIncidentViews(
        db,
        rows.map((r) => r.incident),
      )
    },
    async tagsOfIncidents(ids) {
      const out = new Map<string, IncidentTag[]>()
      for (const part of chunk(ids, 90)) {
        const rows = await db
          .select({ id: incidents.id, tags: incidents.tags })
          .from(incidents)
          .where(inArray(incidents.id, part))
        for (const r of rows) out.set(r.id, r.tags.filter(isTag))
      }
      return out
    },
    async findEntityByTypedName(type, name) {
      const exact = await entityId(type, name)
      const hit = await db.select({ id: entities.id }).from(entities).where(eq(entities.id, exact))
      if (hit.length > 0) return exact
      const lower = name.trim().toLowerCase()
      const rows = await db
        .select({
          id: entities.id,
          n: sql<number>`(select count(*) from ${incidentEntities}
          where ${incidentEntities.entityId} = ${entities.id})`,
        })
        .from(entities)
        .where(
          and(
            eq(entities.type, type),
            sql`(lower(${entities.name}) = ${lower} or exists (select 1 from
              json_each(${entities.aliases}) a where lower(a.value) = ${lower}))`,
          ),
        )
        .orderBy(desc(sql`2`), asc(entities.id))
        .limit(1)
      return rows[0]?.id ?? null
    },
  }
}

const isTag = (t: string): t is IncidentTag => (INCIDENT_TAGS as readonly string[]).includes(t)

/**
 * FTS over one incident: its own title and summary, and its articles' text. The match is
 * restricted to that incident's FTS rows by rowid, so a common word costs no corpus scan.
 */
async function incidentMatchesQuery(db: SqliteDb, id: string, query: string): Promise<boolean> {
  const match = ftsQuery(query)
  if (!match) return false
  const own = await db.all(
    sql`select 1 from incidents_fts where incidents_fts match ${match} and rowid = ${ftsRowid(id)}`,
  )
  if (own.length > 0) return true
  const ids = await db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.incidentId, id))
    .limit(500)
  for (const part of chunk(
    ids.map((r) => ftsRowid(r.id)),
    90,
  )) {
    const rowids = sql.join(
      part.map((r) => sql`${r}`),
      sql`, `,
    )
    const hit = await db.all(
      sql`select 1 from articles_fts where articles_fts match ${match} and rowid in (${rowids}) limit 1`,
    )
    if (hit.length > 0) return true
  }
  return false
}
