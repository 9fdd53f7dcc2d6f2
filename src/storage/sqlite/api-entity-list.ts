// The entity list's sorts. `name` is entities.ts's own list; `incidents` (most incidents first)
// pages by keyset on the per-entity incident count.
import { and, eq, sql, type SQL } from 'drizzle-orm'
import { entities } from '../../../db/schema/sqlite.js'
import type { EntityQuery, EntityView, Repository } from '../repository.js'
import { afterCursor, keysetOrder, keysetPage, type Keyset } from './cursor.js'
import type { SqliteDb } from './db.js'
import { entityRepo } from './entities.js'

// Counted on incident_entities_entity_idx (entity_id, last_seen): an index-only count.
const incidentCount = sql<number>`(select count(*) from incident_entities ie where ie.entity_id = ${entities.id})`

const byIncidents: Keyset = {
  key: incidentCount,
  id: entities.id,
  dir: 'desc',
  tag: 'n',
  kind: 'count',
}

export function apiEntityReads(db: SqliteDb): Pick<Repository, 'listEntities'> {
  const base = entityRepo(db)
  return {
    listEntities: (q) => (q.sort === 'incidents' ? listByIncidents(db, q) : base.listEntities(q)),
  }
}

/** Name or an alias contains the text, any case (as entities.ts's list does). */
function nameContains(text: string): SQL {
  const like = `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`
  return sql`(lower(${entities.name}) like ${like} escape '\\' or exists (select 1 from json_each(${entities.aliases}) a where lower(a.value) like ${like} escape '\\'))`
}

async function listByIncidents(db: SqliteDb, q: EntityQuery) {
  const conds: (SQL | undefined)[] = []
  if (q.type) conds.push(eq(entities.type, q.type))
  if (q.q) conds.push(nameContains(q.q))
  if (q.cursor) conds.push(afterCursor(byIncidents, q.cursor))
  const rows = await db
    .select({ e: entities, n: incidentCount })
    .from(entities)
    .where(and(...conds))
    .orderBy(...keysetOrder(byIncidents))
    .limit(q.limit + 1)
  const page = keysetPage(byIncidents, rows, q.limit, (r) => [Number(r.n), r.e.id])
  return { data: page.data.map(toView), nextCursor: page.nextCursor }
}

function toView({ e, n }: { e: typeof entities.$inferSelect; n: number }): EntityView {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    origin: e.origin,
    provisional: e.provisional,
    description: e.description,
    firstSeenAt: e.firstSeenAt,
    incidentCount: Number(n),
    firstSeenUrl: e.firstSeenUrl,
  }
}
