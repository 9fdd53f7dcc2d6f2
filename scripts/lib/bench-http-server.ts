// Child process of the HTTP bench: serves either the real sitrep server (the Node entry's
// `startServer`, one process) or a bare Hono hello-world on @hono/node-server, and prints
// `{"port":N}` once listening. Runs apart from the load generator so they don't share a core.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { AddressInfo } from 'node:net'
import { startServer } from '../../src/entry/node.js'
import { traceSql } from './bench-http-sql-trace.js'

async function hello(): Promise<{ port: number; close(): Promise<void> }> {
  const app = new Hono()
  app.get('/', (c) => c.text('Hello, World!'))
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    )
  })
}

async function sitrep(databaseUrl: string) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    SITREP_SEED_FEEDS: '0',
    SITREP_LOG_LEVEL: 'error',
    // No scheduled crawl may start during a run (1 January only), and no rate limit: the
    // bench measures serving, and 50 connections from one IP would otherwise get 429s.
    SITREP_CRAWL_CRON: '0 0 1 1 *',
    SITREP_RATE_LIMIT_ANON: '0',
    SITREP_RATE_LIMIT_KEY: '0',
  }
  return startServer(env, {}, { crawlOnStart: false })
}

async function main() {
  const [kind, databaseUrl] = process.argv.slice(2)
  if (process.env.BENCH_HTTP_SQL_TRACE) traceSql(process.env.BENCH_HTTP_SQL_TRACE)
  const server = kind === 'hello' ? await hello() : await sitrep(databaseUrl ?? '')
  // A normal exit lets --cpu-prof write its profile.
  const stop = () => void server.close().finally(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`)
}

void main()
