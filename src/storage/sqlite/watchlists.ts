// Dependency watchlists (issue 7): the uploaded packages, and the lookup of incidents that may
// name them. That lookup uses only indexes (incident_entities and incident_terms, both on
// (key, last_seen)), so its cost follows the size of the watchlist, not of the database; the
// matcher then reads the few candidates' articles.
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import {
  incidentEntities,
  incidentTerms,
  incidents,
  watchlists,
} from '../../../db/schema/sqlite.js'
import type { Repository, WatchlistCandidate, WatchlistRecord } from '../repository.js'
import { chunk, type SqliteDb } from './db.js'
import { entitiesOf } from './link-reads.js'

type WatchlistRepo = Pick<
  Repository,
  'createWatchlist' | 'getWatchlist' | 'listWatchlists' | 'deleteWatchlist' | 'watchlistCandidates'
>

/** Entities per candidate incident: enough for the software names its articles use. */
const ENTITIES_PER_INCIDENT = 60

const visible = () =>
  and(isNull(incidents.mergedInto), eq(incidents.kind, 'incident'), eq(incidents.hidden, false))

export function watchlistRepo(db: SqliteDb): WatchlistRepo {
  return {
    async createWatchlist(w) {
      await db.insert(watchlists).values(w)
    },
    async getWatchlist(id) {
      const rows = await db.select().from(watchlists).where(eq(watchlists.id, id)).limit(1)
      return (rows[0] as WatchlistRecord | undefined) ?? null
    },
    async listWatchlists({ keyId, limit }) {
      const rows = await db
        .select({
          id: watchlists.id,
          name: watchlists.name,
          format: watchlists.format,
          keyId: watchlists.keyId,
          createdAt: watchlists.createdAt,
          packageCount: sql<number>`json_array_length(${watchlists.packages})`,
        })
        .from(watchlists)
        .where(keyId === null ? undefined : eq(watchlists.keyId, keyId))
        .orderBy(desc(watchlists.createdAt), desc(watchlists.id))
        .limit(limit)
      return rows.map((r) => ({ ...r, packageCount: Number(r.packageCount) }))
    },
    async deleteWatchlist(id) {
      const rows = await db
        .delete(watchlists)
        .where(eq(watchlists.id, id))
        .returning({ id: watchlists.id })
      return rows.length > 0
    },
    async watchlistCandidates({ entityIds, terms, since, limit }) {
      const lastSeen = new Map<string, string>()
      for (const part of chunk(entityIds)) {
        const rows = await db
          .select({ id: incidents.id, lastSeen: incidents.lastSeen })
          .from(incidentEntities)
          .innerJoin(incidents, eq(incidents.id, incidentEntities.incidentId))
          .where(
            and(
              inArray(incidentEntities.entityId, part),
              gte(incidentEntities.lastSeen, since),
              visible(),
            ),
          )
        for (const r of rows) lastSeen.set(r.id, r.lastSeen)
      }
      for (const part of chunk(terms)) {
        const rows = await db
          .select({ id: incidents.id, lastSeen: incidents.lastSeen })
          .from(incidentTerms)
          .innerJoin(incidents, eq(incidents.id, incidentTerms.incidentId))
          .where(
            and(inArray(incidentTerms.term, part), gte(incidentTerms.lastSeen, since), visible()),
          )
        for (const r of rows) lastSeen.set(r.id, r.lastSeen)
      }
      const ids = [...lastSeen]
        .sort((a, b) => b[1].localeCompare(a[1]) || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([id]) => id)
      return candidatesWithEntities(db, ids)
    },
  }
}

async function candidatesWithEntities(db: SqliteDb, ids: string[]): Promise<WatchlistCandidate[]> {
  if (ids.length === 0) return []
  const lists = await entitiesOf(db, ids, ENTITIES_PER_INCIDENT)
  return ids.map((id) => ({
    id,
    entities: (lists.get(id) ?? []).map((e) => ({
      name: e.name,
      type: e.type,
      aliases: e.aliases ?? [],
    })),
  }))
}
