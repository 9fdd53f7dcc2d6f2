// Editor curation writes on entities: a corrected type, and the alias half of a merge (the
// mentions move through `mergeEntities`, shared with `kb import`).
import { and, eq } from 'drizzle-orm'
import { curations, entities } from '../../../db/schema/sqlite.js'
import type { Repository } from '../repository.js'
import { runBatch, type SqliteDb, type Stmt } from './db.js'
import { logStmts } from './curation-log.js'

type CurationEntityRepo = Pick<Repository, 'setEntityType' | 'recordEntityMerge'>

export function curationEntityRepo(db: SqliteDb): CurationEntityRepo {
  return {
    async setEntityType(entityId, type, log) {
      const stmts: Stmt[] = []
      if (log) {
        // A type set again replaces the earlier decision.
        stmts.push(
          db
            .delete(curations)
            .where(and(eq(curations.kind, 'entity_type'), eq(curations.targetId, entityId))),
          ...logStmts(db, log),
        )
      }
      stmts.push(db.update(entities).set({ type }).where(eq(entities.id, entityId)))
      await runBatch(db, stmts)
    },
    async recordEntityMerge(intoId, aliases, log) {
      await runBatch(db, [
        ...(log ? logStmts(db, log) : []),
        db.update(entities).set({ aliases }).where(eq(entities.id, intoId)),
      ])
    },
  }
}
