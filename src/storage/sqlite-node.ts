// Opens the embedded SQLite database on Node (libsql: a prebuilt binary, no compile step) and
// applies pending migrations, so that `npm start` needs no separate setup command.
import { mkdirSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient, type Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Repository } from './repository.js'
import { createSqliteRepository } from './sqlite/index.js'

export interface SqliteHandle {
  repo: Repository
  client: Client
  close(): void
}

export async function openSqlite(
  url: string,
  opts: { migrate?: boolean } = {},
): Promise<SqliteHandle> {
  const fileUrl =
    url === ':memory:' || url.startsWith('file:') || url.includes('://') ? url : `file:${url}`
  const path = fileUrl.startsWith('file:') ? fileUrl.slice('file:'.length) : null
  if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const client = createClient({ url: fileUrl })
  // WAL lets the web server read while a crawl writes; busy_timeout rides out short lock waits.
  if (path && path !== ':memory:') {
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA busy_timeout = 5000')
  }
  const db = drizzle(client)
  if (opts.migrate !== false) await migrate(db, { migrationsFolder: migrationsDir() })
  return { repo: createSqliteRepository(db), client, close: () => client.close() }
}

/** db/migrations/sqlite relative to the package root, from src/ (tsx) or dist/src/ (built). */
export function migrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'db', 'migrations', 'sqlite')
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    dir = dirname(dir)
  }
  throw new Error('sitrep: cannot find db/migrations/sqlite next to the installed package')
}

/**
 * Calls `onChange` when another connection (a CLI crawl in another process) commits to the
 * database: SQLite's `data_version` changes only for other connections' commits. Polled, since
 * SQLite has no cross-process notification; the timer never keeps the process alive.
 */
export async function watchDataVersion(
  client: Client,
  intervalMs: number,
  onChange: () => void,
): Promise<{ stop(): void }> {
  const version = async () => (await client.execute('PRAGMA data_version')).rows[0]?.[0]
  // The baseline is read before serving starts, so a commit right after start is not missed.
  let last: unknown = await version()
  let busy = false
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    version()
      .then((v) => {
        if (v !== last) onChange()
        last = v
      })
      .catch(() => onChange())
      .finally(() => (busy = false))
  }, intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
