import { auditLog, curations } from '../../../db/schema/sqlite.js'
import type { CurationLog } from '../repository.js'
import type { SqliteDb, Stmt } from './db.js'

/** The decision to replay and its audit lines, to run in the same batch as the change. */
export function logStmts(db: SqliteDb, log: CurationLog): Stmt[] {
  const stmts: Stmt[] = []
  if (log.curations.length > 0) stmts.push(db.insert(curations).values(log.curations))
  if (log.audit.length > 0) stmts.push(db.insert(auditLog).values(log.audit))
  return stmts
}
