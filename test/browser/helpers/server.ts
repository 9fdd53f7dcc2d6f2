// The real Node wiring (createNodeRuntime + createApp) served by @hono/node-server on an
// ephemeral loopback port, over a database the test filled beforehand. No cron, no crawl.
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApp } from '../../../src/http/app.js'
import { createNodeRuntime } from '../../../src/entry/node-deps.js'

export interface Site {
  base: string
  close(): Promise<void>
}

/** Environment for the CLI and the server: no seeded feeds, quiet logs. */
export function siteEnv(databaseUrl: string, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: databaseUrl,
    SITREP_SEED_FEEDS: '0',
    SITREP_FETCH_PAGES: '0',
    SITREP_LOG_LEVEL: 'error',
    ...extra,
  }
}

export async function startSite(env: Record<string, string>): Promise<Site> {
  const runtime = await createNodeRuntime({ ...process.env, ...env })
  const app = createApp(runtime.deps)
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise<void>((r) => server.close(() => r()))
      // Keep-alive sockets from the browser would hold close() open.
      if ('closeAllConnections' in server) server.closeAllConnections()
      await closed
      await runtime.close()
    },
  }
}
