// Reads for incident links: the recent incidents that share entities with one incident, with
// their entities and aliases. Indexed on incident_entities(entity_id, last_seen) and bounded by
// `limit`, so the cost per article does not grow with the database.
import { and, desc, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm'
import { entities, incidentEntities, incidents } from '../../../db/schema/sqlite.js'
import type { LinkEntity } from '../../pipeline/cluster/links.js'
import type { Repository } from '../repository.js'
import type { SqliteDb } from './db.js'

/** Entities per candidate, most-mentioned first: enough for the names a sentence may use. */
const ENTITIES_PER_INCIDENT = 40

export function linkReads(db: SqliteDb): Pick<Repository, 'linkCandidates'> {
  return {
    async linkCandidates({ incidentId, entityIds, since, limit }) {
      if (entityIds.length === 0 || limit <= 0) return []
      const shared = await db
        .select({ id: incidentEntities.incidentId })
        .from(incidentEntities)
        .innerJoin(incidents, eq(incidents.id, incidentEntities.incidentId))
        .where(
          and(
            inArray(incidentEntities.entityId, entityIds.slice(0, 200)),
            gte(incidentEntities.lastSeen, since),
            ne(incidentEntities.incidentId, incidentId),
            isNull(incidents.mergedInto),
            eq(incidents.kind, 'incident'),
          ),
        )
        .groupBy(incidentEntities.incidentId)
        .orderBy(desc(sql`count(*)`), incidentEntities.incidentId)
        .limit(limit)
      const ids = shared.map((r) => r.id)
      if (ids.length === 0) return []
      const rows = await db
        .select({
          id: incidents.id,
          title: incidents.title,
          firstSeen: incidents.firstSeen,
          lastSeen: incidents.lastSeen,
        })
        .from(incidents)
        .where(inArray(incidents.id, ids))
      const ents = await entitiesOf(db, ids)
      const order = new Map(ids.map((id, i) => [id, i]))
      return rows
        .map((r) => ({ ...r, entities: ents.get(r.id) ?? [] }))
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    },
  }
}

/** Each incident's entities with aliases, most-mentioned first, at most `perIncident` each. */
export async function entitiesOf(db: SqliteDb, ids: string[], perIncident = ENTITIES_PER_INCIDENT) {
  const rows = await db
    .select({
      incidentId: incidentEntities.incidentId,
      id: entities.id,
      name: entities.name,
      type: entities.type,
      aliases: entities.aliases,
    })
    .from(incidentEntities)
    .innerJoin(entities, eq(entities.id, incidentEntities.entityId))
    .where(inArray(incidentEntities.incidentId, ids))
    .orderBy(desc(incidentEntities.articleCount), entities.id)
  const out = new Map<string, LinkEntity[]>()
  for (const r of rows) {
    const list = out.get(r.incidentId) ?? []
    if (list.length >= perIncident) continue
    list.push({ id: r.id, name: r.name, type: r.type, aliases: r.aliases ?? [] })
    out.set(r.incidentId, list)
  }
  return out
}
