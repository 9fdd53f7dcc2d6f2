// The drizzle handle type shared by the libsql (Node) and D1 (Workers) drivers. Both expose the
// same async query builder and `batch`, so one implementation serves both.
import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import type { BatchItem } from 'drizzle-orm/batch'

export type SqliteDb = LibSQLDatabase

export type Stmt = BatchItem<'sqlite'>

/** Runs statements as one atomic batch; an empty list is a no-op. */
export async function runBatch(db: SqliteDb, stmts: Stmt[]): Promise<void> {
  if (stmts.length === 0) return
  await db.batch(stmts as [Stmt, ...Stmt[]])
}

/** SQLite caps bound parameters per statement; chunk IN-lists well below it. */
export function chunk<T>(items: T[], size = 400): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
