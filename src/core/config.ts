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
  // Fan-out and delivery of notifications (issue 7: jobs/notify.ts); also after every crawl.
  SITREP_NOTIFY_CRON: z.string().default('* * * * *'),
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
  // Server secret and webhooks (issue 7: core/secrets.ts, pipeline/notify/webhook-*.ts)
  SITREP_SECRET: z.string().min(16).optional(),
  SITREP_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  SITREP_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).default(60_000),
  SITREP_WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(8),
  SITREP_USER_AGENT: z
    .string()
    .default('sitrep/0.1 (+https://github.com/sitrep-dev/sitrep; security news incident tracker)'),
  // E-mail digests (issue 7): no SMTP URL means the e-mail channel is off.
  SITREP_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://user:pass@host:port (or smtps://)')
    .optional(),
  SITREP_MAIL_FROM: z.string().min(3).default('sitrep <sitrep@localhost>'),
  SITREP_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  // Absolute links in e-mails and feeds; no trailing slash.
  SITREP_PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .default('http://localhost:8787')
    .transform((v) => v.replace(/\/+$/, '')),
})

export interface Config {
  databaseUrl: string
  port: number
  allowPrivateNetworks: boolean
  crawlCron: string
  /** Notify job schedule (`SITREP_NOTIFY_CRON`): fan-out, then webhook and e-mail delivery. */
  notifyCron: string
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
  /**
   * Server secret (`SITREP_SECRET`) that encrypts webhook secrets and signs e-mail links; when
   * unset, one is generated on first use and kept in `settings` (see core/secrets.ts).
   */
  secret: string | null
  /** Webhook POSTs in flight at once per delivery run (`SITREP_WEBHOOK_CONCURRENCY`). */
  webhookConcurrency: number
  /** First retry delay of a failed webhook (`SITREP_WEBHOOK_BACKOFF_MS`); x4 per attempt. */
  webhookBackoffMs: number
  /** Consecutive failed attempts that disable a webhook subscription. */
  webhookDisableAfter: number
  /** SMTP server for e-mail digests (`SITREP_SMTP_URL`, `smtp://user:pass@host:port`); null: off. */
  smtpUrl: string | null
  /** Sender of e-mail digests and confirmations (`SITREP_MAIL_FROM`). */
  mailFrom: string
  /** UTC hour (0-23) at which daily digests go out (`SITREP_DIGEST_HOUR`). */
  digestHour: number
  /** Public base URL for absolute links in e-mails and feeds (`SITREP_PUBLIC_URL`), no trailing /. */
  publicUrl: string
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
    notifyCron: e.SITREP_NOTIFY_CRON,
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
    secret: e.SITREP_SECRET ?? null,
    webhookConcurrency: e.SITREP_WEBHOOK_CONCURRENCY,
    webhookBackoffMs: e.SITREP_WEBHOOK_BACKOFF_MS,
    webhookDisableAfter: e.SITREP_WEBHOOK_DISABLE_AFTER,
    smtpUrl: e.SITREP_SMTP_URL ?? null,
    mailFrom: e.SITREP_MAIL_FROM,
    digestHour: e.SITREP_DIGEST_HOUR,
    publicUrl: e.SITREP_PUBLIC_URL,
  }
}
