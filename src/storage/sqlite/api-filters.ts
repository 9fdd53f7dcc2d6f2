// WHERE conditions of the API list filters. Each is written to use an index (or a small
// materialised subquery) rather than a per-row scan; see the query plans in the tests' notes.
import { sql, type SQL } from 'drizzle-orm'
import { articles, incidents } from '../../../db/schema/sqlite.js'
import type { EntityType } from '../../core/types.js'
import type { SqliteDb } from './db.js'
import { resolveEntityIds } from './entities.js'
import { ftsQuery } from './fts.js'

const DAY_MS = 86_400_000

/** `since` as an ISO instant, or null when absent. */
export function sinceBound(since: string | null | undefined): string | null {
  return since ? new Date(since).toISOString() : null
}

/** An inclusive `until` as an exclusive ISO bound: a bare date covers that whole day. */
export function untilBound(until: string | null | undefined): string | null {
  if (!until) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(until))
    return new Date(Date.parse(`${until}T00:00:00Z`) + DAY_MS).toISOString()
  return new Date(Date.parse(until) + 1).toISOString()
}

const HOST = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i

/**
 * Articles from an outlet: its name (any case), or its host. Host matches are prefix ranges on
 * the unique `url` index (`https://host/` .. `https://host0`, '0' following '/'), never LIKE.
 */
export function articleSourceCondition(source: string): SQL {
  const parts: SQL[] = [sql`${articles.source} = ${source} collate nocase`]
  if (HOST.test(source)) {
    const host = source.toLowerCase().replace(/^www\./, '')
    for (const scheme of ['https://', 'http://'])
      for (const h of [host, `www.${host}`])
        parts.push(
          sql`(${articles.url} >= ${`${scheme}${h}/`} and ${articles.url} < ${`${scheme}${h}0`})`,
        )
  }
  return sql`(${sql.join(parts, sql` or `)})`
}

export interface IncidentFilters {
  entity?: string | string[] | null
  type?: EntityType | null
  q?: string | null
  since?: string | null
  until?: string | null
  source?: string | null
}

const list = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )

/**
 * Conditions on `incidents` for the list filters, or null when a filter can match nothing
 * (an unknown entity, a query without words).
 */
export async function incidentFilterConditions(
  db: SqliteDb,
  f: IncidentFilters,
): Promise<SQL[] | null> {
  const conds: SQL[] = []
  const since = sinceBound(f.since)
  const until = untilBound(f.until)
  if (since) conds.push(sql`${incidents.lastSeen} >= ${since}`)
  if (until) conds.push(sql`${incidents.firstSeen} < ${until}`)
  const refs = f.entity == null ? [] : Array.isArray(f.entity) ? f.entity : [f.entity]
  for (const ref of refs) {
    const ids = await resolveEntityIds(db, ref)
    if (ids.length === 0) return null
    conds.push(
      sql`${incidents.id} in (select incident_id from incident_entities where entity_id in (${list(ids)}))`,
    )
  }
  if (f.type) {
    // EXISTS, not IN: a type matches a large share of incidents, so walking the sort index and
    // probing each incident's few entities stops early; IN would collect and sort them all.
    conds.push(sql`exists (select 1 from incident_entities ie join entities e on e.id = ie.entity_id
      where ie.incident_id = ${incidents.id} and e.type = ${f.type})`)
  }
  if (f.source) {
    conds.push(
      sql`${incidents.id} in (select ${articles.incidentId} from ${articles} where ${articleSourceCondition(f.source)})`,
    )
  }
  if (f.q) {
    const match = ftsQuery(f.q)
    if (!match) return null
    conds.push(
      sql`${incidents.id} in (select incident_id from incidents_fts where incidents_fts match ${match}
        union select a.incident_id from articles_fts f join articles a on a.id = f.article_id
        where articles_fts match ${match})`,
    )
  }
  return conds
}
