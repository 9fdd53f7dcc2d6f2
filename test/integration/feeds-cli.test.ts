// `sitrep feeds add` autodiscovery, `feeds export` / `feeds import` round trip, and the SSRF
// guard on OPML import.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseOpml } from '../../src/pipeline/parse/opml.js'
import { runCli } from '../helpers/cli.js'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const dir = fileURLToPath(new URL('../fixtures/feeds-cli/', import.meta.url))

describe('sitrep feeds', () => {
  let server: FixtureServer
  const db = tempDbUrl()
  const env = () => ({
    DATABASE_URL: db.url,
    SITREP_ALLOW_PRIVATE_NETWORKS: '1',
    SITREP_SEED_FEEDS: '0',
  })
  beforeAll(async () => {
    server = await startFixtureServer({
      '/blog': { file: join(dir, 'blog.html'), type: 'text/html; charset=utf-8' },
      '/blog/feed.xml': { file: join(dir, 'feed.xml'), type: 'application/rss+xml' },
      '/plain': { file: join(dir, 'nofeed.html'), type: 'text/html' },
    })
  })
  afterAll(async () => {
    await server?.close()
    db.cleanup()
  })

  it('discovers the feed a web page advertises, preferring it over a comments feed', async () => {
    const r = await runCli(['feeds', 'add', `${server.base}/blog`], env())
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`discovered ${server.base}/blog/feed.xml`)
    expect(r.stdout).toContain(`added feed ${server.base}/blog/feed.xml`)
  })

  it('refuses a page that advertises no feed, with one clear line', async () => {
    const r = await runCli(['feeds', 'add', `${server.base}/plain`], env())
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(`error: no feed found on the page ${server.base}/plain`)
  })

  it('exports OPML that imports back into another database', async () => {
    const out = await runCli(['feeds', 'export'], env())
    expect(out.code, out.stderr).toBe(0)
    expect(parseOpml(out.stdout).map((f) => f.url)).toEqual([`${server.base}/blog/feed.xml`])
    const other = tempDbUrl()
    try {
      const file = join(other.dir, 'feeds.opml')
      writeFileSync(file, out.stdout)
      const r = await runCli(['feeds', 'import', file], { ...env(), DATABASE_URL: other.url })
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toMatch(/imported 1 new feed/)
    } finally {
      other.cleanup()
    }
  })

  it('skips private addresses in an OPML import unless they are allowed', async () => {
    const other = tempDbUrl()
    try {
      const file = join(other.dir, 'mixed.opml')
      writeFileSync(
        file,
        `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
        <outline text="meta" xmlUrl="http://169.254.169.254/latest/feed"/>
        <outline text="ok" xmlUrl="https://news.example.com/feed.xml"/></body></opml>`,
      )
      const r = await runCli(['feeds', 'import', file], {
        DATABASE_URL: other.url,
        SITREP_SEED_FEEDS: '0',
      })
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(
        /^error: http:\/\/169\.254\.169\.254\/latest\/feed: .*SITREP_ALLOW_PRIVATE_NETWORKS/m,
      )
      expect(r.stdout).toMatch(/imported 1 new feed/)
    } finally {
      other.cleanup()
    }
  })
})
