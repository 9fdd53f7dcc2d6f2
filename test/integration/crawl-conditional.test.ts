// Conditional GET: a feed served with ETag and Last-Modified is re-fetched with If-None-Match and
// If-Modified-Since, answered 304 without a body, and the second crawl changes nothing. When the
// feed changes, the new 200's validators replace the stored ones.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiSnapshot, listArticles, listFeeds } from '../helpers/api-pages.js'
import { runCli } from '../helpers/cli.js'
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js'
import { story } from '../helpers/fault-stories.js'
import { rssFeed } from '../helpers/rss.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const HOST = 'validators.example.test'
const LAST_MODIFIED = 'Wed, 11 Mar 2026 10:00:00 GMT'

/** What the origin currently serves; a 304 answers requests that carry matching validators. */
interface Version {
  etag: string
  lastModified: string | null
  body: string
}

function conditional(current: () => Version) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const v = current()
    const validators = {
      etag: v.etag,
      ...(v.lastModified ? { 'last-modified': v.lastModified } : {}),
    }
    const inm = req.headers['if-none-match']
    const ims = req.headers['if-modified-since']
    // RFC 9110 §13.2.2: If-None-Match, when present, decides; If-Modified-Since only otherwise.
    const fresh = inm !== undefined ? inm === v.etag : ims !== undefined && ims === v.lastModified
    if (fresh) return void res.writeHead(304, validators).end()
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...validators }).end(v.body)
  }
}

describe('crawl --once with conditional GET', () => {
  const db = tempDbUrl()
  const env = {
    DATABASE_URL: db.url,
    SITREP_ALLOW_PRIVATE_NETWORKS: '1',
    SITREP_SEED_FEEDS: '0',
    SITREP_FETCH_PAGES: '0',
  }
  const items = [0, 3, 6, 9, 12].map((n) => story(n, HOST))
  let version: Version = {
    etag: '"v1"',
    lastModified: LAST_MODIFIED,
    body: rssFeed('Validators', items),
  }
  let server: FaultServer
  const feedUrl = () => `${server.base}/feed.xml`
  const requests = () => server.on('/feed.xml')

  beforeAll(async () => {
    server = await startFaultServer({ '/feed.xml': conditional(() => version) })
    const add = await runCli(['feeds', 'add', '--no-discover', feedUrl()], env)
    expect(add.code, add.stderr).toBe(0)
  })
  afterAll(async () => {
    await server?.close()
    db.cleanup()
  })

  it('stores the items on the first crawl', async () => {
    const r = await runCli(['crawl', '--once'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('5 new article(s)')
    expect(requests()).toHaveLength(1)
    expect(requests()[0]!.headers['if-none-match']).toBeUndefined()
    expect(requests()[0]!.headers['if-modified-since']).toBeUndefined()
    expect(requests()[0]!.status).toBe(200)
  })

  it('sends both validators on the second crawl, gets a bodiless 304 and changes nothing', async () => {
    const before = await apiSnapshot(db.url)
    const r = await runCli(['crawl', '--once', '--all'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('0 new article(s)')
    const second = requests()[1]!
    expect(second.headers['if-none-match']).toBe('"v1"')
    expect(second.headers['if-modified-since']).toBe(LAST_MODIFIED)
    expect(second).toMatchObject({ status: 304, bodyBytes: 0, finished: true })
    expect(await apiSnapshot(db.url)).toEqual(before)
    const [feed] = await listFeeds(db.url)
    expect(feed).toMatchObject({ status: 'ok', error_count: 0, last_status: 304, last_error: null })
  })

  it('replaces the validators when the feed changes', async () => {
    // A new version with a new ETag and no Last-Modified any more.
    version = {
      etag: '"v2"',
      lastModified: null,
      body: rssFeed('Validators', [...items, story(15, HOST)]),
    }
    const changed = await runCli(['crawl', '--once', '--all'], env)
    expect(changed.code, changed.stderr).toBe(0)
    expect(changed.stdout).toContain('1 new article(s)')
    expect(requests()[2]!.status).toBe(200)
    expect(await listArticles(db.url)).toHaveLength(6)

    const again = await runCli(['crawl', '--once', '--all'], env)
    expect(again.code, again.stderr).toBe(0)
    const fourth = requests()[3]!
    expect(fourth.headers['if-none-match']).toBe('"v2"')
    // The old Last-Modified described the old version; it must not be sent with the new ETag.
    expect(fourth.headers['if-modified-since']).toBeUndefined()
    expect(fourth).toMatchObject({ status: 304, bodyBytes: 0 })
  })
})
