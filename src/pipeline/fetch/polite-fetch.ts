// The crawl's only way to the network: every request waits its turn in the run's HostLimiter,
// and article pages are fetched only where the origin's robots.txt lets sitrep in. A refused page
// is an AppError('forbidden'); the caller keeps the feed's summary instead.
import type { Deps } from '../../core/deps.js'
import { AppError, describeError } from '../../core/errors.js'
import { createHostLimiter, type Clock, type HostLimiter } from './host-limiter.js'
import { fetchResource } from './http.js'
import {
  ROBOTS_PRODUCT_TOKEN,
  crawlDelaySeconds,
  isAllowed,
  parseRobots,
  type RobotsRules,
} from './robots.js'
import type { FetchOptions, FetchResult } from './types.js'

/** How long a robots.txt kept in a cross-run RobotsCache stays valid (RFC 9309 2.4: 24 h). */
export const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000
/** Past this many origins, expired entries are swept from a cross-run RobotsCache. */
const ROBOTS_CACHE_SWEEP_AT = 1000
const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5'
const ROBOTS_ACCEPT = 'text/plain,*/*;q=0.5'

export interface PolitenessConfig {
  /** Minimum milliseconds between request starts to one host (SITREP_HOST_DELAY_MS). */
  hostDelayMs: number
  /** Requests in flight to one host at most (SITREP_HOST_CONCURRENCY). */
  hostConcurrency: number
}

/** robots.txt by origin, kept by the caller to reuse across runs; `fetchedAt` is epoch ms. */
export type RobotsCache = Map<string, { rules: RobotsRules; fetchedAt: number }>

export interface PoliteFetcher {
  fetchFeed(url: string, opts: FetchOptions): Promise<FetchResult>
  /** Throws AppError('forbidden') when the origin's robots.txt keeps sitrep out. */
  fetchPage(url: string, opts?: Partial<FetchOptions>): Promise<FetchResult>
}

type PoliteDeps = Pick<Deps, 'http' | 'config' | 'log' | 'now'>
/** What one origin's robots.txt means for this run. */
type Verdict = { rules: RobotsRules } | { unreachable: string }

/** The limiter a crawl run creates from its configuration. */
export function createRunLimiter(politeness: PolitenessConfig, clock?: Partial<Clock>) {
  return createHostLimiter({
    maxPerHost: politeness.hostConcurrency,
    minDelayMs: politeness.hostDelayMs,
    ...clock,
  })
}

export function createPoliteFetcher(
  deps: PoliteDeps,
  limiter: HostLimiter,
  politeness: PolitenessConfig & { robotsCache?: RobotsCache },
): PoliteFetcher {
  // One promise per origin, so pages requested together share a single robots.txt fetch.
  const verdicts = new Map<string, Promise<Verdict>>()
  const verdictFor = (origin: string): Promise<Verdict> => {
    let verdict = verdicts.get(origin)
    if (!verdict) {
      verdict = loadVerdict(deps, limiter, politeness, origin)
      verdicts.set(origin, verdict)
    }
    return verdict
  }

  return {
    fetchFeed(url, opts) {
      // Feeds are deliberately not checked against robots.txt: a publisher who advertises a feed
      // asks readers to poll it, and feed readers do not consult robots.txt either. They still
      // take their turn in the host limiter, so a feed and its site's pages never stampede.
      return limiter.run(hostKey(url), () => fetchResource(deps.http, url, opts))
    },
    async fetchPage(url, opts = {}) {
      const full: FetchOptions = { ...pageOptions(deps.config), ...opts }
      const target = httpUrl(url)
      // fetchResource gives unusable URLs their proper error; there is no robots.txt to ask.
      if (!target) return fetchResource(deps.http, url, full)
      const verdict = await verdictFor(target.origin)
      if ('unreachable' in verdict || !allows(verdict.rules, target)) {
        const why =
          'unreachable' in verdict ? ` (treated as disallow-all: ${verdict.unreachable})` : ''
        throw new AppError('forbidden', `robots.txt disallows ${url}${why}`, { context: { url } })
      }
      return limiter.run(target.hostname, () => fetchResource(deps.http, url, full))
    },
  }
}

async function loadVerdict(
  deps: PoliteDeps,
  limiter: HostLimiter,
  politeness: PolitenessConfig & { robotsCache?: RobotsCache },
  origin: string,
): Promise<Verdict> {
  const cache = politeness.robotsCache
  const nowMs = deps.now().getTime()
  const cached = cache?.get(origin)
  const fresh = cached && nowMs - cached.fetchedAt < ROBOTS_TTL_MS ? cached.rules : null
  const verdict = fresh ? { rules: fresh } : await fetchRobots(deps, limiter, origin)
  if ('unreachable' in verdict) {
    deps.log.warn('robots.txt unreachable; not fetching pages from this origin in this run', {
      url: `${origin}/robots.txt`,
      error: verdict.unreachable,
    })
    return verdict
  }
  if (cache && !fresh) storeRobots(cache, origin, verdict.rules, nowMs)
  applyCrawlDelay(deps, limiter, politeness, origin, verdict.rules)
  return verdict
}

/**
 * RFC 9309 2.3.1: 2xx is parsed; 4xx means "unavailable", so everything is allowed; 5xx and
 * network failures mean "unreachable", so nothing is. 429 is the exception: a site that says
 * "too many requests" is not inviting a crawl, so it counts as unreachable (as Google does).
 */
async function fetchRobots(
  deps: PoliteDeps,
  limiter: HostLimiter,
  origin: string,
): Promise<Verdict> {
  const url = `${origin}/robots.txt`
  try {
    const res = await limiter.run(new URL(origin).hostname, () =>
      fetchResource(deps.http, url, { ...pageOptions(deps.config), accept: ROBOTS_ACCEPT }),
    )
    // RFC 9309 2.3: robots.txt is UTF-8; TextDecoder also drops a BOM.
    return { rules: parseRobots(new TextDecoder().decode(res.body)) }
  } catch (err) {
    const status = err instanceof AppError ? err.context.status : undefined
    if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429) {
      deps.log.debug('robots.txt unavailable; all pages allowed', { url, status })
      return { rules: parseRobots('') }
    }
    return { unreachable: describeError(err) }
  }
}

function storeRobots(cache: RobotsCache, origin: string, rules: RobotsRules, nowMs: number) {
  cache.set(origin, { rules, fetchedAt: nowMs })
  if (cache.size <= ROBOTS_CACHE_SWEEP_AT) return
  for (const [key, entry] of cache) {
    if (nowMs - entry.fetchedAt >= ROBOTS_TTL_MS) cache.delete(key)
  }
}

function applyCrawlDelay(
  deps: PoliteDeps,
  limiter: HostLimiter,
  politeness: PolitenessConfig,
  origin: string,
  rules: RobotsRules,
): void {
  const seconds = crawlDelaySeconds(rules, ROBOTS_PRODUCT_TOKEN)
  if (seconds === null) return
  const host = new URL(origin).hostname
  // http:// and https:// of one host are one server: keep the larger of their delays.
  const wanted = Math.max(seconds * 1000, politeness.hostDelayMs, limiter.delayFor(host))
  limiter.setDelay(host, wanted)
  if (limiter.delayFor(host) < wanted) {
    deps.log.info('robots.txt crawl-delay capped', { url: `${origin}/robots.txt`, seconds })
  }
}

function allows(rules: RobotsRules, target: URL): boolean {
  return isAllowed(rules, ROBOTS_PRODUCT_TOKEN, target.pathname + target.search)
}

function pageOptions(config: PoliteDeps['config']): FetchOptions {
  return {
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxBytes,
    allowPrivateNetworks: config.allowPrivateNetworks,
    userAgent: config.userAgent,
    accept: PAGE_ACCEPT,
  }
}

function httpUrl(url: string): URL | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null
  } catch {
    return null
  }
}

/** The limiter key for a URL: its host name, so every port and scheme of a server shares it. */
function hostKey(url: string): string {
  return httpUrl(url)?.hostname ?? url
}
