// A short-lived in-memory cache of anonymous GET responses ("micro-caching"). News changes a
// few times a minute while readers and scripts ask the same pages many times a second; without
// this, every request re-runs the same queries and the same render. An entry is served only
// while it is younger than the TTL and no write happened in this process since it was built, so
// an editor's change or a crawl shows at once. Responses that are private, not cacheable, set a
// cookie or depend on credentials are never stored.
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../core/api-keys.js'

interface Entry {
  status: number
  headers: Record<string, string>
  /** Bytes, not an ArrayBuffer: @hono/node-server writes a Uint8Array body without copying. */
  body: Uint8Array<ArrayBuffer>
  etag: string | null
  storedAt: number
  generation: number
}

export interface ResponseCacheOptions {
  ttlMs: number
  generation: () => number
  maxEntries?: number
  /** Larger bodies are not kept (bounds memory at maxEntries × maxBytes). */
  maxBytes?: number
}

/** Headers that belong to one exchange, not to the resource. */
const PER_REQUEST = /^(?:ratelimit|retry-after|set-cookie|date|content-length)/i

export function responseCache(opts: ResponseCacheOptions): MiddlewareHandler {
  const maxEntries = opts.maxEntries ?? 500
  const maxBytes = opts.maxBytes ?? 1024 * 1024
  const entries = new Map<string, Entry>()
  // Requests for a key that is being built wait for that build instead of repeating it: a
  // popular page expiring under load costs one render, not one per waiting client.
  const building = new Map<string, Promise<Entry | null>>()
  return async (c, next) => {
    if (opts.ttlMs <= 0 || !cacheable(c)) return next()
    const key = c.req.url
    const generation = opts.generation()
    // Wall-clock time on purpose: this TTL bounds staleness, it is not a domain timestamp.
    const now = Date.now()
    const hit = entries.get(key)
    if (hit && hit.generation === generation && now - hit.storedAt < opts.ttlMs) {
      entries.delete(key)
      entries.set(key, hit) // most recently used last
      return replay(c, hit)
    }
    const pending = building.get(key)
    if (pending) {
      const entry = await pending
      if (entry && entry.generation === generation) return replay(c, entry)
      return next()
    }
    let done: (e: Entry | null) => void = () => {}
    building.set(key, new Promise((resolve) => (done = resolve)))
    let entry: Entry | null = null
    try {
      await next()
      entry = await toEntry(c.res, generation, now, maxBytes)
      if (entry) {
        entries.set(key, entry)
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
      }
    } finally {
      building.delete(key)
      done(entry)
    }
  }
}

async function toEntry(
  res: Response,
  generation: number,
  now: number,
  maxBytes: number,
): Promise<Entry | null> {
  if (!storable(res)) return null
  const body = new Uint8Array(await res.clone().arrayBuffer())
  if (body.byteLength > maxBytes) return null
  const headers: Record<string, string> = {}
  res.headers.forEach((v, k) => {
    if (!PER_REQUEST.test(k)) headers[k] = v
  })
  return {
    status: res.status,
    headers,
    body,
    etag: res.headers.get('etag'),
    storedAt: now,
    generation,
  }
}

function cacheable(c: Context): boolean {
  if (c.req.method !== 'GET') return false
  if (c.req.header('authorization')) return false
  return getCookie(c, SESSION_COOKIE) === undefined
}

function storable(res: Response): boolean {
  if (res.status !== 200 || res.headers.has('set-cookie')) return false
  const cc = res.headers.get('cache-control') ?? ''
  return !/\b(?:no-store|private|no-cache)\b/i.test(cc)
}

function replay(c: Context, e: Entry): Response {
  const inm = c.req.header('if-none-match')
  if (e.etag && inm && inm.split(',').some((t) => t.trim() === e.etag || t.trim() === '*')) {
    const keep = ['etag', 'cache-control', 'vary', 'access-control-allow-origin']
    const h: Record<string, string> = {}
    for (const k of keep) if (e.headers[k]) h[k] = e.headers[k]
    return c.body(null, 304, h)
  }
  // A plain Response, not c.body(): nothing to merge, and @hono/node-server writes it directly.
  return new Response(e.body, { status: e.status, headers: e.headers })
}
