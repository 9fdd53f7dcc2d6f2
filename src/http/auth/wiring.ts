// What the entry files hand to the HTTP layer for auth and rate limiting. src/http runs on Node
// and Workers alike, so the runtime-specific bits (socket address, shared counter store) come in
// from src/entry instead of being imported here.
import type { Context } from 'hono'
import type { Store } from 'hono-rate-limiter'
import type { Config } from '../../core/config.js'

export interface AuthWiring {
  /** The client's socket address (Node: `getConnInfo`; Workers: `CF-Connecting-IP`). */
  clientIp?: (c: Context) => string | undefined
  /**
   * Hit counters for rate limits. Default: in memory, one store per app. A store backed by a
   * Durable Object, KV or Redis makes the limit global across processes and isolates.
   */
  rateLimitStore?: Store
  /** Rate-limit window; one minute unless a test wants a shorter one. */
  rateLimitWindowMs?: number
}

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

type ProxyConfig = Pick<Config, 'trustProxy'>

/**
 * The address rate limits are keyed on. Behind a trusted reverse proxy (`SITREP_TRUST_PROXY=1`)
 * it is the last `X-Forwarded-For` entry, the one that proxy appended; earlier entries come from
 * the client and could be forged. Otherwise it is the socket address.
 */
export function clientIpOf(c: Context, config: ProxyConfig, wiring: AuthWiring): string {
  if (config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim()
    if (forwarded) return forwarded
  }
  return wiring.clientIp?.(c) ?? 'unknown'
}

/** Whether the browser reached sitrep over https (decides the cookie's `Secure` flag). */
export function requestIsHttps(c: Context, config: ProxyConfig): boolean {
  if (config.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') {
    return true
  }
  return new URL(c.req.url).protocol === 'https:'
}

/** Hosts a same-site form may post from: the request's own, and the proxy's public one. */
export function ownHosts(c: Context, config: ProxyConfig): string[] {
  const hosts = [new URL(c.req.url).host]
  const host = c.req.header('host')
  if (host) hosts.push(host)
  const forwarded = config.trustProxy ? c.req.header('x-forwarded-host') : undefined
  if (forwarded) hosts.push(forwarded.split(',')[0]!.trim())
  return hosts
}
