import { and, asc, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm'
import { entities, incidentEntities, incidents } from '../../../db/schema/sqlite.js'
import type { EntityRecord } from '../../core/types.js'
import { decodeCursor, toPage } from '../cursor.js'
import type { EntityView, Repository } from '../repository.js'
import { chunk, runBatch, type SqliteDb } from './db.js'
import { toIncidentViews } from './views.js'

type EntityRepo = Pick<
  Repository,
  'upsertEntities' | 'knownEntities' | 'listEntities' | 'getEntity'
>

const incidentCount = sql<number>`(select count(*) from incident_entities ie where ie.entity_id = ${entities.id})`

export function entityRepo(db: SqliteDb): EntityRepo {
  return {
    async upsertEntities(records: EntityRecord[], now: string) {
      for (const part of chunk(records, 100)) {
        await runBatch(
          db,
          part.map((e) =>
            db
              .insert(entities)
              .values({ ...e, updatedAt: now })
              .onConflictDoUpdate({
                target: entities.id,
                set: {
                  name: e.name,
                  aliases: e.aliases,
                  description: e.description,
                  origin: e.origin,
                  provisional: e.provisional,
                  updatedAt: now,
                },
              }),
          ),
        )
      }
      return records.length
    },
    async knownEntities() {
      const rows = await db.select().from(entities)
      return rows.map(toRecord)
    },
    async listEntities(q) {
      const conds: (SQL | undefined)[] = []
      if (q.type) conds.push(eq(entities.type, q.type))
      if (q.q) conds.push(nameMatches(`%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`, 'like'))
      if (q.cursor) {
        const c = decodeCursor(q.cursor)
        conds.push(
          or(
            gt(entities.name, c.sortKey),
            and(eq(entities.name, c.sortKey), gt(entities.id, c.id)),
          ),
        )
      }
      const rows = await db
        .select({ e: entities, n: incidentCount })
        .from(entities)
        .where(and(...conds))
        .orderBy(asc(entities.name), asc(entities.id))
        .limit(q.limit + 1)
      const page = toPage(rows, q.limit, (r) => [r.e.name, r.e.id])
      return { data: page.data.map(toView), nextCursor: page.nextCursor }
    },
    async getEntity(id: string) {
      const row = await db
        .select({ e: entities, n: incidentCount })
        .from(entities)
        .where(eq(entities.id, id))
        .get()
      if (!row) return null
      const incRows = await db
        .select({ i: incidents })
        .from(incidentEntities)
        .innerJoin(incidents, eq(incidents.id, incidentEntities.incidentId))
        .where(and(eq(incidentEntities.entityId, id), isNull(incidents.mergedInto)))
        .orderBy(desc(incidents.lastSeen))
        .limit(200)
      return {
        ...toView(row),
        incidents: await toIncidentViews(
          db,
          incRows.map((r) => r.i),
        ),
      }
    },
  }
}

/** Accepts an entity id or a name/alias (case-insensitive); returns matching entity ids. */
export async function resolveEntityIds(db: SqliteDb, ref: string): Promise<string[]> {
  if (/^ent_[0-9a-f]{16}$/.test(ref)) return [ref]
  const rows = await db
    .select({ id: entities.id })
    .from(entities)
    .where(nameMatches(ref.toLowerCase(), 'eq'))
    .limit(50)
  return rows.map((r) => r.id)
}

function nameMatches(value: string, op: 'eq' | 'like') {
  const cmp = op === 'eq' ? sql`= ${value}` : sql`like ${value} escape '\\'`
  return sql`(lower(${entities.name}) ${cmp} or exists (select 1 from json_each(${entities.aliases}) a where lower(a.value) ${cmp}))`
}

type Row = { e: typeof entities.$inferSelect; n: number }

function toRecord(e: typeof entities.$inferSelect): EntityRecord {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    origin: e.origin,
    provisional: e.provisional,
    description: e.description,
    firstSeenAt: e.firstSeenAt,
  }
}

function toView(r: Row): EntityView {
  return { ...toRecord(r.e), incidentCount: Number(r.n), firstSeenUrl: r.e.firstSeenUrl }
}
