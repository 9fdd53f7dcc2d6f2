// HTTP caching and CORS for API v1. Reads are public: any origin may GET them (no credentials),
// and every successful GET carries a weak ETag of its body, so `If-None-Match` answers 304.
// Write methods get no CORS headers at all: a browser on another origin cannot call them.
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { etag, RETAINED_304_HEADERS } from 'hono/etag'

const READ_METHODS = ['GET', 'HEAD']

const corsHeaders = cors({
  origin: '*',
  allowMethods: [...READ_METHODS, 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'Authorization'],
  exposeHeaders: [
    'ETag',
    'RateLimit',
    'RateLimit-Limit',
    'RateLimit-Remaining',
    'RateLimit-Reset',
    'RateLimit-Policy',
    'Retry-After',
  ],
  maxAge: 86_400,
})

/** CORS on GET/HEAD, and on the preflight of a GET/HEAD; never on a write or its preflight. */
export const readCors: MiddlewareHandler = async (c, next) => {
  const method = c.req.method
  const preflightOf = c.req.header('Access-Control-Request-Method')?.toUpperCase()
  if (READ_METHODS.includes(method)) return corsHeaders(c, next)
  if (method === 'OPTIONS' && preflightOf && READ_METHODS.includes(preflightOf))
    return corsHeaders(c, next)
  await next()
}

export const weakEtag = etag({
  weak: true,
  // A 304 must keep what lets a cross-origin reader use it.
  retainedHeaders: [
    ...RETAINED_304_HEADERS,
    'access-control-allow-origin',
    'access-control-expose-headers',
  ],
})

const PUBLIC_READ = /\/(articles|incidents|entities)(\/[^/]+)?$/

/** Cache-Control by path: lists and details a minute, feeds briefly, runs and health never. */
export function cacheControlFor(path: string): string {
  if (/\/openapi\.json$/.test(path)) return 'public, max-age=300'
  if (/\/feeds$/.test(path)) return 'public, max-age=15'
  if (PUBLIC_READ.test(path)) return 'public, max-age=60'
  // /runs, /health, and any read that is not public (e.g. behind a key) are never stored.
  return 'no-store'
}

/** Sets Cache-Control on successful reads (inside `weakEtag`, so a 304 keeps it). */
export const cacheControl: MiddlewareHandler = async (c, next) => {
  await next()
  if (!READ_METHODS.includes(c.req.method) || !c.res.ok) return
  if (!c.res.headers.has('Cache-Control'))
    c.res.headers.set('Cache-Control', cacheControlFor(c.req.path))
}
