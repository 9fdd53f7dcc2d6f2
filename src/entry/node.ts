// The Node server: API + web pages + the node-cron scheduler, over embedded SQLite by default.
import { serve, type ServerType } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import cron from 'node-cron'
import type { Config } from '../core/config.js'
import { describeError } from '../core/errors.js'
import { createApp } from '../http/app.js'
import { jobDefinitions } from '../jobs/definitions.js'
import { ensureSeeded } from '../jobs/seed.js'
import { createNodeRuntime } from './node-deps.js'

export async function startServer(
  env: Record<string, string | undefined>,
  overrides: Partial<Config> = {},
  opts: { crawlOnStart?: boolean } = {},
): Promise<{ port: number; close(): Promise<void> }> {
  const runtime = await createNodeRuntime(env, overrides)
  const { deps } = runtime
  const seeded = await ensureSeeded(deps)
  if (seeded > 0) deps.log.info('seeded default feeds', { count: seeded })
  const tasks = jobDefinitions(deps.config).map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
          await job.run(deps)
        } catch (err) {
          deps.log.error('job failed', { job: job.id, error: describeError(err) })
        }
      },
      { name: job.id, noOverlap: true },
    ),
  )
  if (opts.crawlOnStart !== false) {
    const crawl = tasks.find((t) => t.name === 'crawl')
    void crawl?.execute().catch(() => undefined)
  }
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      { fetch: createApp(deps, { clientIp }).fetch, port: deps.config.port, hostname: '0.0.0.0' },
      () => resolve(s),
    )
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : deps.config.port
  deps.log.info('sitrep listening', { port, url: `http://localhost:${port}/` })
  return {
    port,
    async close() {
      for (const t of tasks) await t.destroy()
      await new Promise<void>((r) => server.close(() => r()))
      await runtime.close()
    },
  }
}

/** The socket address rate limits key on (X-Forwarded-For only with SITREP_TRUST_PROXY=1). */
function clientIp(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address
  } catch {
    return undefined
  }
}
