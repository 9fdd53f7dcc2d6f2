// Shared by the webhook tests: a receiver on 127.0.0.1 that records every request and answers
// with scripted statuses, and Deps over a temporary database with the real Node HTTP client.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ApiScope } from '../../db/schema/vocab.js'
import { generateApiKey, hashApiKey, keyPrefix } from '../../src/core/api-keys.js'
import { parseConfig } from '../../src/core/config.js'
import type { Deps } from '../../src/core/deps.js'
import { silentLogger } from '../../src/core/log.js'
import { createNodeHttpClient } from '../../src/platform/node/http-client.js'
import { openSqlite, type SqliteHandle } from '../../src/storage/sqlite-node.js'
import { tempDbUrl } from '../helpers/temp-db.js'

export interface Received {
  headers: IncomingHttpHeaders
  body: string
}

export interface Receiver {
  url: string
  received: Received[]
  /** Statuses to answer with, in order; 200 once they run out. */
  script: number[]
  /** Most requests the receiver held at once. */
  readonly maxInFlight: number
  close(): Promise<void>
}

export async function startReceiver(script: number[] = [], delayMs = 0): Promise<Receiver> {
  const received: Received[] = []
  const state = { script, inFlight: 0, maxInFlight: 0 }
  const server: Server = createServer((req, res) => {
    state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight)
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const status = state.script.shift() ?? 200
      setTimeout(() => {
        state.inFlight--
        res.writeHead(status, { 'content-type': 'text/plain' }).end('ok')
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    get maxInFlight() {
      return state.maxInFlight
    },
    get script() {
      return state.script
    },
    set script(s: number[]) {
      state.script = s
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface WebhookWorld {
  deps: Deps
  handle: SqliteHandle
  dbUrl: string
  /** An API key as `sitrep keys create` makes it; answers the key and its id. */
  key(name: string, scope: ApiScope): Promise<{ key: string; id: string }>
  /** Closes the database and HTTP client (the folder stays: `cleanup` removes it). */
  close(): Promise<void>
  cleanup(): void
}

export const TEST_ENV = {
  SITREP_ALLOW_PRIVATE_NETWORKS: '1',
  SITREP_SEED_FEEDS: '0',
  SITREP_FETCH_PAGES: '0',
  SITREP_HOST_DELAY_MS: '0',
  SITREP_RESPONSE_CACHE_MS: '0',
}

export async function webhookWorld(
  env: Record<string, string> = {},
  db = tempDbUrl(),
): Promise<WebhookWorld> {
  const handle = await openSqlite(db.url)
  const config = parseConfig({ DATABASE_URL: db.url, ...TEST_ENV, ...env })
  const http = createNodeHttpClient({
    allowPrivateNetworks: config.allowPrivateNetworks,
    connectTimeoutMs: 5000,
  })
  const deps: Deps = { config, repo: handle.repo, http, log: silentLogger, now: () => new Date() }
  return {
    deps,
    handle,
    dbUrl: db.url,
    async key(name, scope) {
      const key = generateApiKey()
      const record = await deps.repo.createApiKey({
        name,
        keyHash: await hashApiKey(key),
        prefix: keyPrefix(key),
        scopes: [scope],
        createdAt: new Date().toISOString(),
      })
      return { key, id: record.id }
    },
    async close() {
      await http.close()
      handle.close()
    },
    cleanup: () => db.cleanup(),
  }
}
