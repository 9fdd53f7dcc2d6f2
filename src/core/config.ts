// The only module that reads environment variables. Node passes process.env, Workers pass
// their bindings; everything downstream receives a typed, validated Config.
import { z } from 'zod'

const flag = z
  .string()
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

const schema = z.object({
  DATABASE_URL: z.string().min(1).default('file:./data/sitrep.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  SITREP_ALLOW_PRIVATE_NETWORKS: flag,
  SITREP_CRAWL_CRON: z.string().default('*/15 * * * *'),
  SITREP_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  SITREP_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  SITREP_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  SITREP_FETCH_PAGES: z
    .string()
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  SITREP_FEED_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  SITREP_HOST_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  SITREP_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  SITREP_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SITREP_SEED_FEEDS: z
    .string()
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  SITREP_RATE_LIMIT_ANON: z.coerce.number().int().min(0).default(300),
  SITREP_RATE_LIMIT_KEY: z.coerce.number().int().min(0).default(1200),
  SITREP_TRUST_PROXY: flag,
  SITREP_RESPONSE_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  SITREP_USER_AGENT: z
    .string()
    .default('sitrep/0.1 (+https://github.com/sitrep-dev/sitrep; security news incident tracker)'),
})

export interface Config {
  databaseUrl: string
  port: number
  allowPrivateNetworks: boolean
  crawlCron: string
  fetchTimeoutMs: number
  connectTimeoutMs: number
  maxBytes: number
  fetchArticlePages: boolean
  feedConcurrency: number
  /** Minimum milliseconds between request starts to one host (robots.txt Crawl-delay raises it). */
  hostDelayMs: number
  /** Requests in flight to one host at most. */
  hostConcurrency: number
  logLevel: 'debug' | 'info' | 'warn' | 'error'
  seedFeeds: boolean
  userAgent: string
  /** Requests per minute per client IP without an API key (`SITREP_RATE_LIMIT_ANON`); 0: off. */
  rateLimitAnon: number
  /** Requests per minute per API key (`SITREP_RATE_LIMIT_KEY`); 0: off. */
  rateLimitKey: number
  /** Behind a reverse proxy: trust its X-Forwarded-For/-Proto/-Host (`SITREP_TRUST_PROXY`). */
  trustProxy: boolean
  /**
   * Anonymous GET responses are kept in memory at most this long (`SITREP_RESPONSE_CACHE_MS`;
   * 0: off). They are dropped at once when this process writes to the database, and within a
   * quarter second when another process does (SQLite `data_version`, polled).
   */
  responseCacheMs: number
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const clean = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = schema.safeParse(clean)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`Invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  const e = parsed.data
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    allowPrivateNetworks: e.SITREP_ALLOW_PRIVATE_NETWORKS,
    crawlCron: e.SITREP_CRAWL_CRON,
    fetchTimeoutMs: e.SITREP_FETCH_TIMEOUT_MS,
    connectTimeoutMs: e.SITREP_CONNECT_TIMEOUT_MS,
    maxBytes: e.SITREP_MAX_BYTES,
    fetchArticlePages: e.SITREP_FETCH_PAGES,
    feedConcurrency: e.SITREP_FEED_CONCURRENCY,
    hostDelayMs: e.SITREP_HOST_DELAY_MS,
    hostConcurrency: e.SITREP_HOST_CONCURRENCY,
    logLevel: e.SITREP_LOG_LEVEL,
    seedFeeds: e.SITREP_SEED_FEEDS,
    userAgent: e.SITREP_USER_AGENT,
    rateLimitAnon: e.SITREP_RATE_LIMIT_ANON,
    rateLimitKey: e.SITREP_RATE_LIMIT_KEY,
    trustProxy: e.SITREP_TRUST_PROXY,
    responseCacheMs: e.SITREP_RESPONSE_CACHE_MS,
  }
}
