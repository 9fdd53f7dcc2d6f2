// SSRF guard at the edges a user reaches: `sitrep feeds add` refuses loopback, private,
// link-local (cloud metadata) and obfuscated literal addresses, and names that resolve to them,
// before any connection; a crawl refuses a feed that is (or redirects to) a private address and
// records that on the feed. Nothing here ever sends a packet to 10.x or 169.254.x: the guard
// checks literal addresses before connecting, and the redirect case uses a fake HTTP client.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/storage/sqlite-node.js'
import { listArticles, listFeeds } from '../helpers/api-pages.js'
import { runCli, type CliResult } from '../helpers/cli.js'
import { respond, startFaultServer, type FaultServer } from '../helpers/fault-server.js'
import { story } from '../helpers/fault-stories.js'
import { fakeClient, redirect, withCrawler } from '../helpers/in-process-crawl.js'
import { rssFeed } from '../helpers/rss.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const HINT = 'SITREP_ALLOW_PRIVATE_NETWORKS'
const RSS = { 'content-type': 'application/rss+xml' }

/**
 * A name /etc/hosts maps to a loopback address that the guard does not refuse by name alone, so
 * the refusal must come from resolving it. Reading the file (not DNS) keeps the test offline.
 */
function loopbackHostName(): string | null {
  let hosts: string
  try {
    hosts = readFileSync('/etc/hosts', 'utf8')
  } catch {
    return null
  }
  for (const line of hosts.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/)
    if (!ip || !(ip.startsWith('127.') || ip === '::1')) continue
    const name = names.find((n) => !/(^|\.)(localhost|localdomain|local|internal)$/i.test(n))
    if (name && !name.startsWith('ip6-')) return name
  }
  return null
}

async function pool<T>(jobs: (() => Promise<T>)[], size: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) out[i] = await jobs[i]!()
  }
  await Promise.all(Array.from({ length: size }, worker))
  return out
}

describe('feeds add and crawl with private addresses', () => {
  const db = tempDbUrl()
  const env = {
    DATABASE_URL: db.url,
    SITREP_SEED_FEEDS: '0',
    // If the guard ever let one through, a connection attempt would give up quickly.
    SITREP_CONNECT_TIMEOUT_MS: '300',
    SITREP_FETCH_TIMEOUT_MS: '600',
  }
  const named = loopbackHostName()
  let server: FaultServer
  let cases: [string, string][]
  const results = new Map<string, CliResult>()

  beforeAll(async () => {
    server = await startFaultServer({
      '/feed.xml': respond(200, RSS, rssFeed('x', [story(0, 'x.test')])),
    })
    const p = server.port
    cases = [
      [`http://127.0.0.1:${p}/feed.xml`, `127.0.0.1 is a loopback address`],
      ['http://10.0.0.1/feed', '10.0.0.1 is a private address'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
      [`http://[::1]:${p}/`, '[::1] is a loopback address'],
      ['http://2130706433/', '127.0.0.1 is a loopback address'],
      ['http://0177.0.0.1/', '127.0.0.1 is a loopback address'],
      [`http://localhost:${p}/feed.xml`, 'localhost is a local-only hostname'],
      [`http://feeds.localhost:${p}/feed.xml`, 'feeds.localhost is a local-only hostname'],
      ...(named
        ? [[`http://${named}:${p}/feed.xml`, `${named} resolves to 127.`] as [string, string]]
        : []),
    ]
    // Migrate once, so the concurrent refusals below do not race to create the schema.
    ;(await openSqlite(db.url)).close()
    const runs = await pool(
      cases.map(
        ([url]) =>
          () =>
            runCli(['feeds', 'add', url], env),
      ),
      3,
    )
    cases.forEach(([url], i) => results.set(url, runs[i]!))
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    db.cleanup()
  })

  it('refuses each with exit 1 and one error line naming the address and the setting', () => {
    if (!named) console.log('skipped the /etc/hosts case: no loopback name found in /etc/hosts')
    for (const [url, reason] of cases) {
      const r = results.get(url)!
      expect(r.code, url).toBe(1)
      expect(r.stdout, url).toBe('')
      const lines = r.stderr.trimEnd().split('\n')
      expect(lines, url).toHaveLength(1)
      expect(lines[0], url).toMatch(/^error: refused to (fetch|connect to) /)
      expect(lines[0], url).toContain(reason)
      expect(lines[0], url).toContain(HINT)
    }
  })

  it('adds nothing and never connects', async () => {
    expect(await listFeeds(db.url)).toEqual([])
    expect(server.exchanges).toEqual([])
  })

  it('refuses a private address with --no-discover too', async () => {
    // Its own database, so a regression cannot leak a feed into the other tests.
    const own = tempDbUrl()
    try {
      const args = ['feeds', 'add', '--no-discover', 'http://10.0.0.1/feed']
      const r = await runCli(args, { ...env, DATABASE_URL: own.url })
      expect(r.code).toBe(1)
      expect(r.stderr).toContain(HINT)
      expect(await listFeeds(own.url)).toEqual([])
    } finally {
      own.cleanup()
    }
  })

  it('accepts the loopback feed with SITREP_ALLOW_PRIVATE_NETWORKS=1', async () => {
    const url = `http://127.0.0.1:${server.port}/feed.xml`
    const r = await runCli(['feeds', 'add', url], { ...env, SITREP_ALLOW_PRIVATE_NETWORKS: '1' })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`added feed ${url}`)
    expect((await listFeeds(db.url)).map((f) => f.url)).toEqual([url])
    // The one request is `feeds add` checking that the URL is a feed.
    expect(server.exchanges).toHaveLength(1)
  })

  it('then blocks that feed in a crawl without the setting, and records it', async () => {
    const url = `http://127.0.0.1:${server.port}/feed.xml`
    const crawl = await runCli(['crawl', '--once'], { ...env, SITREP_FETCH_PAGES: '0' })
    expect(crawl.code).toBe(1)
    const message = `refused to fetch ${url}: 127.0.0.1 is a loopback address (set ${HINT}=1 to allow)`
    expect(crawl.stderr).toContain(`error: ${url}: ${message}\n`)
    const [feed] = await listFeeds(db.url)
    expect(feed).toMatchObject({
      status: 'failing',
      error_count: 1,
      last_error: message,
      last_status: null,
    })
    expect(await listArticles(db.url)).toEqual([])
    expect(server.exchanges).toHaveLength(1)
  })
})

describe('crawl refuses redirects into private space', () => {
  it('refuses a public feed that redirects into private space, and crawls the others', async () => {
    const http = fakeClient({
      dns: {
        'news.example.com': ['93.184.216.34'],
        'intranet.example.net': ['10.1.2.3'],
        'ok.example.org': ['93.184.216.35'],
      },
      pages: {
        'https://news.example.com/feed.xml': redirect('http://127.0.0.1:8080/feed.xml'),
        'https://news.example.com/other.xml': redirect('https://intranet.example.net/rss'),
        'https://ok.example.org/feed.xml': () =>
          new Response(rssFeed('ok', [story(2, 'ok.example.org')]), { headers: RSS }),
      },
    })
    const feeds = [
      'https://news.example.com/feed.xml',
      'https://news.example.com/other.xml',
      'https://ok.example.org/feed.xml',
    ]
    await withCrawler(http, feeds, async (crawl, deps) => {
      expect(await crawl()).toMatchObject({ feeds: 3, feedsFailed: 2, added: 1 })
      // Neither private target was ever requested.
      expect(http.requested.sort()).toEqual(feeds)
      const byUrl = new Map((await deps.repo.listFeeds()).map((f) => [f.url, f]))
      expect(byUrl.get(feeds[0]!)?.lastError).toBe(
        `refused to fetch http://127.0.0.1:8080/feed.xml: 127.0.0.1 is a loopback address (set ${HINT}=1 to allow)`,
      )
      expect(byUrl.get(feeds[1]!)?.lastError).toBe(
        `refused to fetch https://intranet.example.net/rss: intranet.example.net resolves to 10.1.2.3, a private address (set ${HINT}=1 to allow)`,
      )
      expect(byUrl.get(feeds[2]!)).toMatchObject({ status: 'ok', errorCount: 0 })
    })
  })
})
