// Opens a database the CLI wrote and wraps it in the real Hono app, for assertions through the API.
import { parseConfig } from '../../src/core/config.js'
import type { Deps } from '../../src/core/deps.js'
import { silentLogger } from '../../src/core/log.js'
import { createApp } from '../../src/http/app.js'
import { openSqlite } from '../../src/storage/sqlite-node.js'

export async function openApp(databaseUrl: string) {
  const db = await openSqlite(databaseUrl)
  const deps: Deps = {
    config: parseConfig({ DATABASE_URL: databaseUrl }),
    repo: db.repo,
    http: {
      fetch: () => Promise.reject(new Error('tests never touch the network')),
    },
    log: silentLogger,
    now: () => new Date('2026-03-12T00:00:00Z'),
  }
  const app = createApp(deps)
  const get = async <T = Record<string, unknown>>(
    path: string,
  ): Promise<{ status: number; body: T }> => {
    const res = await app.request(path)
    return { status: res.status, body: (await res.json()) as T }
  }
  return { app, deps, get, close: () => db.close() }
}
