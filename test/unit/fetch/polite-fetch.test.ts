// The polite fetcher against loopback servers: robots.txt decides which pages are fetched, it is
// fetched once per origin, and the host delay is visible in the server's arrival times.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/core/config.js'
import { AppError } from '../../../src/core/errors.js'
import { silentLogger } from '../../../src/core/log.js'
import {
  ROBOTS_TTL_MS,
  createPoliteFetcher,
  createRunLimiter,
  type RobotsCache,
} from '../../../src/pipeline/fetch/polite-fetch.js'
import { createNodeHttpClient } from '../../../src/platform/node/http-client.js'
import { closedPort, startServer, type LocalServer } from './local-server.js'

const http = createNodeHttpClient({ allowPrivateNetworks: true, connectTimeoutMs: 2000 })
const config = parseConfig({ SITREP_ALLOW_PRIVATE_NETWORKS: '1', SITREP_FETCH_TIMEOUT_MS: '5000' })
const servers: LocalServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
afterAll(() => http.close())

interface Hit {
  path: string
  at: number
}

/** A site whose robots.txt answers with `robots` (a status, or a 200 body) and pages with 200. */
async function site(robots: number | string) {
  const hits: Hit[] = []
  const server = await startServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/'
    hits.push({ path, at: performance.now() })
    if (path !== '/robots.txt') return void res.end(`<html><body>page ${path}</body></html>`)
    if (typeof robots === 'number') res.writeHead(robots)
    res.end(typeof robots === 'string' ? robots : 'error')
  })
  servers.push(server)
  const count = (path: string) => hits.filter((h) => h.path === path).length
  return { base: server.base, hits, count }
}

function fetcher(opts: { hostDelayMs?: number; robotsCache?: RobotsCache; now?: () => Date } = {}) {
  const politeness = { hostDelayMs: opts.hostDelayMs ?? 0, hostConcurrency: 2 }
  const limiter = createRunLimiter(politeness)
  // Request starts as the client issues them: what the limiter controls. (Arrival times at the
  // server also include connection set-up, which a loaded machine stretches unevenly.)
  const starts: { path: string; at: number }[] = []
  const recording = {
    ...http,
    fetch: (url: string, init: RequestInit) => {
      starts.push({ path: new URL(url).pathname, at: performance.now() })
      return http.fetch(url, init)
    },
  }
  const deps = { http: recording, config, log: silentLogger, now: opts.now ?? (() => new Date()) }
  const polite = createPoliteFetcher(deps, limiter, {
    ...politeness,
    robotsCache: opts.robotsCache,
  })
  return { polite, limiter, starts }
}

const gapsOf = (starts: { at: number }[]) => starts.slice(1).map((h, i) => h.at - starts[i]!.at)

async function forbidden(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe('forbidden')
  return err as AppError
}

const text = (b: Uint8Array) => new TextDecoder().decode(b)

describe('createPoliteFetcher', () => {
  it('refuses pages robots.txt disallows and fetches the rest', async () => {
    const s = await site('User-agent: *\nDisallow: /private/\n')
    const { polite } = fetcher()
    const err = await forbidden(polite.fetchPage(`${s.base}/private/story`))
    expect(err.message).toBe(`robots.txt disallows ${s.base}/private/story`)
    expect(s.count('/private/story')).toBe(0)
    const res = await polite.fetchPage(`${s.base}/news/story?id=1`)
    expect(text(res.body)).toContain('page /news/story?id=1')
  })

  it('follows the group for our product token over the wildcard group', async () => {
    const s = await site('User-agent: *\nAllow: /\n\nUser-agent: SiTrEp\nDisallow: /\n')
    await forbidden(fetcher().polite.fetchPage(`${s.base}/news`))
    expect(s.count('/news')).toBe(0)
  })

  it.each([404, 410, 401, 403])('allows every page when robots.txt answers %i', async (status) => {
    const s = await site(status)
    const res = await fetcher().polite.fetchPage(`${s.base}/news`)
    expect(res.status).toBe(200)
  })

  it.each([500, 503, 429])('refuses every page when robots.txt answers %i', async (status) => {
    const s = await site(status)
    const { polite } = fetcher()
    const err = await forbidden(polite.fetchPage(`${s.base}/news`))
    expect(err.message).toContain(`robots.txt disallows ${s.base}/news (treated as disallow-all`)
    await forbidden(polite.fetchPage(`${s.base}/other`))
    // Unreachable is remembered for the run: robots.txt is not asked again, no page is fetched.
    expect(s.hits.map((h) => h.path)).toEqual(['/robots.txt'])
  })

  it('refuses pages when robots.txt cannot be reached at all', async () => {
    const port = await closedPort()
    await forbidden(fetcher().polite.fetchPage(`http://127.0.0.1:${port}/news`))
  })

  it('fetches robots.txt once per origin for many pages', async () => {
    const a = await site('User-agent: *\nDisallow: /x\n')
    const b = await site('')
    const { polite } = fetcher()
    const pages = [1, 2, 3, 4, 5].flatMap((i) => [`${a.base}/p${i}`, `${b.base}/p${i}`])
    const results = await Promise.all(pages.map((p) => polite.fetchPage(p)))
    expect(results.every((r) => r.status === 200)).toBe(true)
    await forbidden(polite.fetchPage(`${a.base}/x`))
    expect([a.count('/robots.txt'), b.count('/robots.txt')]).toEqual([1, 1])
    expect(a.hits.length + b.hits.length).toBe(12)
  })

  it('keeps the minimum delay between requests to one host', async () => {
    const s = await site('')
    const { polite, starts } = fetcher({ hostDelayMs: 150 })
    await Promise.all([polite.fetchPage(`${s.base}/one`), polite.fetchPage(`${s.base}/two`)])
    expect(s.hits.map((h) => h.path)).toEqual(['/robots.txt', '/one', '/two'])
    expect(starts.map((h) => h.path)).toEqual(['/robots.txt', '/one', '/two'])
    // Timers may fire a millisecond early; never much more.
    for (const gap of gapsOf(starts)) expect(gap).toBeGreaterThanOrEqual(148)
  })

  it('spaces feed fetches too, without consulting robots.txt', async () => {
    const s = await site('User-agent: *\nDisallow: /\n')
    const { polite, starts } = fetcher({ hostDelayMs: 150 })
    const opts = { timeoutMs: 5000, maxBytes: 1 << 20, allowPrivateNetworks: true, userAgent: 'x' }
    await Promise.all([
      polite.fetchFeed(`${s.base}/feed.xml`, opts),
      polite.fetchFeed(`${s.base}/feed.xml`, opts),
    ])
    expect(s.hits.map((h) => h.path)).toEqual(['/feed.xml', '/feed.xml'])
    for (const gap of gapsOf(starts)) expect(gap).toBeGreaterThanOrEqual(148)
  })

  it('applies robots.txt Crawl-delay to the host', async () => {
    const s = await site('User-agent: *\nCrawl-delay: 0.3\n')
    const { polite, limiter } = fetcher({ hostDelayMs: 10 })
    await polite.fetchPage(`${s.base}/news`)
    expect(limiter.delayFor('127.0.0.1')).toBe(300)
  })

  it('reuses robots.txt across runs through a RobotsCache for 24 hours', async () => {
    const s = await site('User-agent: *\nDisallow: /x\n')
    const robotsCache: RobotsCache = new Map()
    let now = new Date('2026-03-20T10:00:00Z')
    const run = () => fetcher({ robotsCache, now: () => now }).polite
    await run().fetchPage(`${s.base}/a`)
    expect(robotsCache.get(s.base)?.fetchedAt).toBe(now.getTime())
    now = new Date(now.getTime() + ROBOTS_TTL_MS - 1000)
    await run().fetchPage(`${s.base}/b`)
    await forbidden(run().fetchPage(`${s.base}/x`))
    expect(s.count('/robots.txt')).toBe(1)
    now = new Date(now.getTime() + 2000)
    await run().fetchPage(`${s.base}/c`)
    expect(s.count('/robots.txt')).toBe(2)
  })

  it('does not cache an unreachable robots.txt beyond the run', async () => {
    const s = await site(503)
    const robotsCache: RobotsCache = new Map()
    await forbidden(fetcher({ robotsCache }).polite.fetchPage(`${s.base}/a`))
    expect(robotsCache.size).toBe(0)
  })

  it('leaves non-http URLs to fetchResource and its error', async () => {
    const err = await fetcher()
      .polite.fetchPage('ftp://example.com/file')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).not.toBe('forbidden')
  })
})
