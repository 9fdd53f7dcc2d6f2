// Crawler robustness: a first, healthy crawl stores one article per feed; then each feed breaks
// in its own way (stalls, trickles, error statuses, redirect loop, 50 MB body, gzip bomb, broken
// or non-feed documents) while one feed stays healthy and publishes a new article. One real
// `sitrep crawl --once --all` must record every failure on its feed, still store the healthy
// feed's new article, and keep everything stored before. A third crawl checks that a failing feed
// keeps its `failing_since`.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listArticles, listFeeds, type ArticleJson, type FeedJson } from '../helpers/api-pages.js'
import { runCli, type CliResult } from '../helpers/cli.js'
import * as F from '../helpers/fault-server.js'
import {
  FAILURES,
  KEYS,
  MAX_BYTES,
  MB50,
  RSS,
  TIMEOUT_MS,
  fixture,
  host,
  retryAt,
} from '../helpers/fault-scenarios.js'
import { story } from '../helpers/fault-stories.js'
import { opml, rssFeed } from '../helpers/rss.js'
import { tempDbUrl } from '../helpers/temp-db.js'

describe('crawl --once with failing feeds', () => {
  const db = tempDbUrl()
  const env = {
    DATABASE_URL: db.url,
    SITREP_ALLOW_PRIVATE_NETWORKS: '1',
    SITREP_SEED_FEEDS: '0',
    SITREP_FETCH_PAGES: '0',
    SITREP_FETCH_TIMEOUT_MS: String(TIMEOUT_MS),
    SITREP_CONNECT_TIMEOUT_MS: '1000',
    SITREP_MAX_BYTES: String(MAX_BYTES),
    SITREP_FEED_CONCURRENCY: '32',
    SITREP_HOST_CONCURRENCY: '16',
    SITREP_HOST_DELAY_MS: '0',
  }
  let server: F.FaultServer
  const url = (key: string) => `${server.base}/${key}.xml`
  let before: ArticleJson[]
  let crawl: CliResult
  let window: { start: number; end: number }
  let after: ArticleJson[]
  let feeds: Map<string, FeedJson>
  let again: Map<string, FeedJson>

  const feedsByKey = async () => {
    const list = await listFeeds(db.url)
    return new Map(KEYS.map((k) => [k, list.find((f) => f.url === url(k))!]))
  }

  beforeAll(async () => {
    server = await F.startFaultServer()
    KEYS.forEach((key, n) =>
      server.route(`/${key}.xml`, F.respond(200, RSS, rssFeed(key, [story(n, host(key))]))),
    )
    server.route('/guid-gazette.xml', F.respond(200, RSS, fixture('duplicate-guids-before.xml')))
    const list = join(db.dir, 'feeds.opml')
    writeFileSync(list, opml(KEYS.map((k) => ({ url: url(k), name: k }))))
    const imported = await runCli(['feeds', 'import', list], env)
    expect(imported.code, imported.stderr).toBe(0)
    const first = await runCli(['crawl', '--once'], env)
    expect(first.code, first.stderr).toBe(0)
    before = await listArticles(db.url)

    for (const [key, f] of Object.entries(FAILURES)) server.route(`/${key}.xml`, await f.fault())
    server.route('/redirect-loop-b.xml', F.respond(302, { location: '/redirect-loop.xml' }))
    const healthy = [story(0, host('healthy')), story(19, host('healthy'))]
    server.route('/healthy.xml', F.respond(200, RSS, rssFeed('healthy', healthy)))
    server.route(
      '/charset-header.xml',
      F.respond(
        200,
        { 'content-type': 'application/rss+xml; charset=utf-8' },
        fixture('cp1252-body.xml'),
      ),
    )
    server.route(
      '/charset-declared.xml',
      F.respond(200, RSS, fixture('utf8-body-latin1-declared.xml')),
    )
    server.route('/empty.xml', F.respond(200, RSS, fixture('empty.xml')))
    server.route('/guid-gazette.xml', F.respond(200, RSS, fixture('duplicate-guids.xml')))

    const start = Date.now()
    crawl = await runCli(['crawl', '--once', '--all'], env)
    window = { start, end: Date.now() }
    after = await listArticles(db.url)
    feeds = await feedsByKey()
    const third = await runCli(['crawl', '--once', '--all'], env)
    expect(third.code).toBe(1)
    again = await feedsByKey()
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    db.cleanup()
  })

  const urls = () => after.map((a) => a.url)

  it('stored one article per feed in the healthy first crawl', () => {
    expect(before).toHaveLength(KEYS.length)
  })

  it('goes on with the other feeds: the healthy feed gets its new article', () => {
    expect(crawl.code).toBe(1)
    expect(urls()).toContain(story(19, host('healthy')).link)
    expect(feeds.get('healthy')).toMatchObject({ status: 'ok', error_count: 0, last_error: null })
    const failed = Object.keys(FAILURES).length
    expect(crawl.stdout).toContain(`${failed} feed(s) failed`)
    expect(crawl.stderr).not.toMatch(/^\s+at /m)
  })

  it('keeps every article stored before, unchanged', () => {
    const now = new Map(after.map((a) => [a.id, a]))
    for (const a of before) {
      expect(now.get(a.id), a.url).toMatchObject({ url: a.url, title: a.title, source: a.source })
    }
  })

  it.each(Object.entries(FAILURES))('records %s on the feed', (key, f) => {
    const feed = feeds.get(key)!
    const message = f.error(url(key))
    expect(feed).toMatchObject({
      status: f.status,
      error_count: 1,
      last_error: message,
      last_status: f.lastStatus,
      failing_for_a_day: false,
    })
    expect(Date.parse(feed.failing_since!)).toBeGreaterThanOrEqual(window.start - 1000)
    expect(Date.parse(feed.failing_since!)).toBeLessThanOrEqual(window.end)
    expect(Date.parse(feed.next_fetch_at!)).toBeGreaterThan(window.start)
    // One line per failed feed on stderr; the feed's last_error may add what happens next.
    const line = crawl.stderr.split('\n').find((l) => l.startsWith(`error: ${url(key)}: `))
    expect(message.startsWith(line!.slice(`error: ${url(key)}: `.length))).toBe(true)
    // The article of the healthy first crawl is still there.
    expect(urls()).toContain(story(KEYS.indexOf(key), host(key)).link)
  })

  it('keeps failing_since on the next failure and counts it', () => {
    for (const key of Object.keys(FAILURES)) {
      const [first, second] = [feeds.get(key)!, again.get(key)!]
      expect(second.failing_since, key).toBe(first.failing_since)
      expect(second.error_count, key).toBe(2)
      expect(second.last_error, key).toBe(first.last_error)
    }
  })

  it('honours Retry-After in seconds (429) and as an HTTP date (503)', () => {
    expect(Date.parse(feeds.get('http-429')!.next_fetch_at!)).toBeGreaterThanOrEqual(
      window.start + 120_000,
    )
    // HTTP dates have whole seconds.
    expect(Date.parse(feeds.get('http-503')!.next_fetch_at!)).toBeGreaterThanOrEqual(
      retryAt.getTime() - 1000,
    )
  })

  it('retries a 410 Gone feed in a week', () => {
    const next = Date.parse(feeds.get('http-410')!.next_fetch_at!)
    const week = 7 * 24 * 3600_000
    expect(next).toBeGreaterThanOrEqual(window.start + week)
    expect(next).toBeLessThanOrEqual(window.end + week)
  })

  it('stops reading a 50 MB body and a gzip bomb at SITREP_MAX_BYTES', () => {
    const last = (path: string) => server.on(path).at(-1)!
    for (const path of ['/huge-stream.xml', '/huge-declared.xml']) {
      expect(last(path).finished, path).toBe(false)
      expect(last(path).bodyBytes, path).toBeLessThan(MB50)
    }
    // The bomb is small on the wire: the cap applies to the inflated body.
    expect(last('/gzip-bomb.xml')).toMatchObject({ finished: true, status: 200 })
    expect(last('/gzip-bomb.xml').bodyBytes).toBeLessThan(MAX_BYTES)
  })

  it('stores an item whose bytes contradict the header charset, with U+FFFD for bad bytes', () => {
    const a = after.find(
      (x) => x.url === 'https://quote-mangler.example.test/2026/03/cafe-skimming',
    )
    // windows-1252 bytes read as the declared UTF-8: é and the curly quotes become U+FFFD.
    expect(a?.title).toBe('Caf\ufffd chain calls card skimming \ufffdcontained\ufffd')
    expect(feeds.get('charset-header')).toMatchObject({ status: 'ok', last_status: 200 })
  })

  it('follows the XML encoding declaration even when the bytes are UTF-8', () => {
    // The declaration is authoritative for XML (XML 1.0 §4.3.3, and the BOM > header >
    // declaration precedence of decode.ts): UTF-8 bytes read as iso-8859-1 (windows-1252) give
    // mojibake, but every byte maps to a character, so nothing is lost and the item is stored.
    const a = after.find((x) => x.url === 'https://latin-label.example.test/2026/03/cafe-skimming')
    expect(a?.title).toMatch(
      /^Caf\u00c3\u00a9 chain calls card skimming \u00e2\u20ac\u0153contained\u00e2\u20ac/,
    )
    expect(feeds.get('charset-declared')).toMatchObject({ status: 'ok', last_status: 200 })
  })

  it('treats a valid feed with no items as healthy', () => {
    expect(feeds.get('empty')).toMatchObject({ status: 'ok', error_count: 0, last_status: 200 })
  })

  it('stores one article per GUID: the first of two items sharing one, none for a moved link', () => {
    const gazette = after.filter((a) => a.url.includes(host('guid-gazette'))).map((a) => a.url)
    expect(gazette.sort()).toEqual([
      'https://guid-gazette.example.test/2026/03/orchard-bank-phishing',
      'https://guid-gazette.example.test/2026/03/saltmarsh-ransomware',
    ])
    expect(feeds.get('guid-gazette')).toMatchObject({ status: 'ok', error_count: 0 })
  })
})
