// A throwaway database with Deps around it, and API keys made the way `sitrep keys create` does.
import type { ApiScope } from '../../db/schema/vocab.js'
import { generateApiKey, hashApiKey, keyPrefix } from '../../src/core/api-keys.js'
import { parseConfig } from '../../src/core/config.js'
import type { Deps } from '../../src/core/deps.js'
import { silentLogger } from '../../src/core/log.js'
import { openSqlite, type SqliteHandle } from '../../src/storage/sqlite-node.js'
import { tempDbUrl } from '../helpers/temp-db.js'

export interface AuthFixture {
  deps: Deps
  handle: SqliteHandle
  /** Creates a key with one scope and returns it in clear. */
  key(name: string, scope: ApiScope): Promise<string>
  /** Moves the injected clock. */
  advance(ms: number): void
  close(): void
}

export async function authFixture(env: Record<string, string> = {}): Promise<AuthFixture> {
  const db = tempDbUrl()
  const handle = await openSqlite(db.url)
  let now = Date.parse('2026-03-12T00:00:00Z')
  const deps: Deps = {
    config: parseConfig({ DATABASE_URL: db.url, ...env }),
    repo: handle.repo,
    http: { fetch: () => Promise.reject(new Error('tests never touch the network')) },
    log: silentLogger,
    now: () => new Date(now),
  }
  return {
    deps,
    handle,
    async key(name, scope) {
      const key = generateApiKey()
      await deps.repo.createApiKey({
        name,
        keyHash: await hashApiKey(key),
        prefix: keyPrefix(key),
        scopes: [scope],
        createdAt: deps.now().toISOString(),
      })
      return key
    },
    advance(ms) {
      now += ms
    },
    close() {
      handle.close()
      db.cleanup()
    },
  }
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` })
