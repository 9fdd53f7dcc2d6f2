// Reads of the editor record: what an incident page lists as its edits, the audit log, and the
// decisions `sitrep recluster` replays.
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { auditLog, curations } from '../../../db/schema/sqlite.js'
import type { CurationEdit, CurationRecord, Repository } from '../repository.js'
import type { SqliteDb } from './db.js'

type CurationReads = Pick<Repository, 'incidentEdits' | 'auditLog' | 'listCurations'>

export function curationReads(db: SqliteDb): CurationReads {
  return {
    async incidentEdits(incidentId, limit) {
      // Incident ids change under recluster and merges; the anchor articles of the decisions
      // now in this incident name every id its edits were logged under. All lookups indexed.
      const rows = await db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.targetType, 'incident'),
            sql`${auditLog.targetId} in (select ${incidentId} union
              select c.target_id from curations c
              where c.anchor_article_id in (select id from articles where incident_id = ${incidentId}))`,
          ),
        )
        .orderBy(desc(auditLog.at), desc(sql`rowid`))
        .limit(limit)
      return rows.map(toEdit)
    },
    async auditLog({ targetId, limit }) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(targetId ? eq(auditLog.targetId, targetId) : undefined)
        .orderBy(desc(auditLog.at), desc(sql`rowid`))
        .limit(limit)
      return rows.map(toEdit)
    },
    // rowid breaks ties in insertion order: two decisions made in one millisecond still replay
    // in the order they were made.
    async listCurations() {
      const rows = await db
        .select()
        .from(curations)
        .orderBy(asc(curations.createdAt), asc(sql`rowid`))
      return rows as CurationRecord[]
    },
  }
}

function toEdit(r: typeof auditLog.$inferSelect): CurationEdit {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    targetType: r.targetType === 'entity' ? 'entity' : 'incident',
    targetId: r.targetId,
    detail: r.detail,
  }
}
