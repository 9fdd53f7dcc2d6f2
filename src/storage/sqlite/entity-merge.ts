// Folds a provisional (discovered) entity into a known one once an import names it as an alias:
// its mentions and incident links move over, then it is deleted. One batch per pair.
import { eq, sql } from 'drizzle-orm'
import { entities } from '../../../db/schema/sqlite.js'
import { runBatch, type SqliteDb } from './db.js'

export async function mergeEntities(
  db: SqliteDb,
  pairs: { from: string; to: string }[],
): Promise<number> {
  let merged = 0
  for (const { from, to } of pairs) {
    if (from === to) continue
    await runBatch(db, [
      // Rows that would collide with an existing (article, to) pair are dropped, not duplicated.
      db.run(sql`insert or ignore into article_entities (article_id, entity_id, surface, count)
        select article_id, ${to}, surface, count from article_entities where entity_id = ${from}`),
      db.run(sql`delete from article_entities where entity_id = ${from}`),
      db.run(sql`insert or ignore into incident_entities (incident_id, entity_id, article_count, last_seen)
        select incident_id, ${to}, article_count, last_seen from incident_entities where entity_id = ${from}`),
      db.run(sql`delete from incident_entities where entity_id = ${from}`),
      // Clustering profiles key entities by id; the JSON text holds each id once as a quoted key.
      db.run(sql`update incidents set profile = replace(profile, ${`"${from}"`}, ${`"${to}"`})
        where profile like ${`%"${from}"%`}`),
      db.delete(entities).where(eq(entities.id, from)),
    ])
    merged++
  }
  return merged
}
