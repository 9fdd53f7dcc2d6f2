// Rate limits (hono-rate-limiter): per API key when the request carries a valid one, else per
// client IP; draft-7 `RateLimit-Policy` / `RateLimit` headers, and 429 with `Retry-After` and the
// usual JSON error. The default store counts in memory: on Node that is the whole server, on
// Workers one isolate (requests spread over isolates and locations each get their own count); a
// Durable Object, KV or Redis store passed as `rateLimitStore` makes it global.
import type { Context, MiddlewareHandler } from 'hono'
import { rateLimiter } from 'hono-rate-limiter'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import type { AuthVars } from './middleware.js'
import { clientIpOf, type AuthWiring } from './wiring.js'

const MINUTE = 60_000
/** Failed sign-ins per IP per window: keys are unguessable, this only bounds the DB work. */
const LOGIN_FAILURES = 10

type RateDeps = Pick<Deps, 'config'>

const passThrough: MiddlewareHandler = async (_c, next) => {
  await next()
}

function apiKeyOf(c: Context): AuthVars['apiKey'] {
  return (c.get('apiKey') as AuthVars['apiKey'] | undefined) ?? null
}

/** Seconds until the window resets (the same figure the library puts in `Retry-After`). */
function retryAfter(c: Context): number {
  const info = c.get('rateLimit') as { resetTime?: Date } | undefined
  const reset = info?.resetTime?.getTime() ?? Date.now() + MINUTE
  return Math.max(0, Math.ceil((reset - Date.now()) / 1000))
}

/**
 * Scripts on the same machine (a local dashboard, an evaluation harness, `app.request` in-process)
 * are the operator's own: they are not throttled. Limits protect a public server from the network.
 */
function isLocal(ip: string): boolean {
  return ip === 'unknown' || ip === '::1' || ip.startsWith('127.') || ip === '::ffff:127.0.0.1'
}

/** For `/api/*`, after `authenticate`. Limits of 0 (`SITREP_RATE_LIMIT_*=0`) switch a side off. */
export function apiRateLimit(deps: RateDeps, wiring: AuthWiring = {}): MiddlewareHandler {
  const { rateLimitAnon: anon, rateLimitKey: perKey } = deps.config
  if (anon === 0 && perKey === 0) return passThrough
  const limitOf = (c: Context) => (apiKeyOf(c) ? perKey : anon)
  return rateLimiter({
    windowMs: wiring.rateLimitWindowMs ?? MINUTE,
    limit: limitOf,
    standardHeaders: 'draft-7',
    ...(wiring.rateLimitStore ? { store: wiring.rateLimitStore } : {}),
    skip: (c) => limitOf(c) === 0 || (!apiKeyOf(c) && isLocal(clientIpOf(c, deps.config, wiring))),
    keyGenerator: (c) => {
      const key = apiKeyOf(c)
      return key ? `api:key:${key.id}` : `api:ip:${clientIpOf(c, deps.config, wiring)}`
    },
    handler: (c) => {
      const seconds = retryAfter(c)
      const message = `too many requests: at most ${limitOf(c)} a minute; retry in ${seconds} s`
      return c.json(new AppError('rate_limited', message).toJSON(), 429)
    },
  })
}

/**
 * POST /login: failed attempts per client IP (successful sign-ins do not count). Off when
 * anonymous limits are off.
 */
export function loginRateLimit(
  deps: RateDeps,
  wiring: AuthWiring,
  onLimited: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  if (deps.config.rateLimitAnon === 0) return passThrough
  return rateLimiter({
    windowMs: wiring.rateLimitWindowMs ?? MINUTE,
    limit: LOGIN_FAILURES,
    standardHeaders: 'draft-7',
    ...(wiring.rateLimitStore ? { store: wiring.rateLimitStore } : {}),
    skipSuccessfulRequests: true,
    keyGenerator: (c) => `login:ip:${clientIpOf(c, deps.config, wiring)}`,
    handler: (c) => onLimited(c),
  })
}
