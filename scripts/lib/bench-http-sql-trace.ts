// Bench-only SQL timing: wraps the `libsql` driver under @libsql/client so that every statement's
// prepare + execution time is charged to its SQL text, and writes the totals to a JSON file at
// exit. A CPU profile cannot say which query is slow (the driver runs after an await, so no
// sitrep frame is on the stack); this can. Never loaded by the product.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'

interface Stmt {
  all(...args: unknown[]): unknown[]
  run(...args: unknown[]): unknown
}
interface DatabaseClass {
  prototype: { prepare(this: unknown, sql: string): Stmt }
}

export interface SqlTotal {
  sql: string
  calls: number
  ms: number
  rows: number
}

export function traceSql(outFile: string): void {
  const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'))
  const Database = fromClient('libsql') as DatabaseClass
  const totals = new Map<string, SqlTotal>()
  const charge = (sql: string, ms: number, rows: number) => {
    const key = sql.replace(/\s+/g, ' ').trim()
    const t = totals.get(key) ?? { sql: key, calls: 0, ms: 0, rows: 0 }
    t.calls++
    t.ms += ms
    t.rows += rows
    totals.set(key, t)
  }
  const prepare = Database.prototype.prepare
  Database.prototype.prepare = function (sql: string) {
    const started = performance.now()
    const stmt = prepare.call(this, sql)
    const prepMs = performance.now() - started
    const { all, run } = stmt
    stmt.all = (...args) => {
      const t0 = performance.now()
      const rows = all.apply(stmt, args)
      charge(sql, prepMs + performance.now() - t0, rows.length)
      return rows
    }
    stmt.run = (...args) => {
      const t0 = performance.now()
      const info = run.apply(stmt, args)
      charge(sql, prepMs + performance.now() - t0, 0)
      return info
    }
    return stmt
  }
  process.once('exit', () => {
    const list = [...totals.values()].sort((a, b) => b.ms - a.ms)
    writeFileSync(outFile, JSON.stringify(list))
  })
}
