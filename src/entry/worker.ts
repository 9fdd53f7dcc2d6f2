// Cloudflare Workers entry: the same createApp over D1, and the same job list on Cron Triggers.
import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types'
import { drizzle } from 'drizzle-orm/d1'
import { MemoryStore } from 'hono-rate-limiter'
import { parseConfig } from '../core/config.js'
import type { Deps } from '../core/deps.js'
import { createLogger } from '../core/log.js'
import { createApp } from '../http/app.js'
import { jobDefinitions } from '../jobs/definitions.js'
import type { SqliteDb } from '../storage/sqlite/db.js'
import { createSqliteRepository } from '../storage/sqlite/index.js'

interface Env {
  DB: D1Database
  [key: string]: unknown
}

function depsFrom(env: Env): Deps {
  const vars = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
  const config = parseConfig(vars)
  // D1's drizzle driver has the same async query builder and batch() as libsql's.
  const db = drizzle(env.DB) as unknown as SqliteDb
  return {
    config,
    repo: createSqliteRepository(db),
    // Workers cannot reach private networks; literal addresses are still refused by the guard.
    http: { fetch: (url, init) => fetch(url, init) },
    log: createLogger(config.logLevel, (line) => console.log(line)),
    now: () => new Date(),
  }
}

// Rate-limit counters live as long as the isolate (the app is built per request): limits are
// per isolate. Pass a Durable Object or KV backed store here for one global count.
const rateLimitStore = new MemoryStore()

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    return createApp(depsFrom(env), {
      clientIp: (c) => c.req.header('cf-connecting-ip'),
      rateLimitStore,
    }).fetch(request, env, ctx)
  },
  scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    const deps = depsFrom(env)
    const jobs = jobDefinitions(deps.config).filter((j) => j.cron === controller.cron)
    ctx.waitUntil(Promise.all(jobs.map((j) => j.run(deps))))
  },
}
