// kill -9 in the middle of a crawl loses and duplicates nothing: a `crawl --once` over ~400 items
// is SIGKILLed once some but not all articles are stored, then crawled again to completion. The
// result must equal an uninterrupted crawl of the same feeds into a second database: the same
// articles, the same incident for each article, the same entities on each article.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite, type SqliteHandle } from '../../src/storage/sqlite-node.js'
import { apiSnapshot } from '../helpers/api-pages.js'
import { runCli, type CliResult } from '../helpers/cli.js'
import { respond, startFaultServer, type FaultServer } from '../helpers/fault-server.js'
import { fakeClient, withCrawler } from '../helpers/in-process-crawl.js'
import { countArticles, crawlAndKill } from '../helpers/kill-crawl.js'
import { newsCorpus } from '../helpers/news-corpus.js'
import { opml, rssFeed, type RssItem } from '../helpers/rss.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const TOTAL = 400
const FEEDS = 4
/** Kill once this many articles are stored: well past the start, far from the end. */
const KILL_AT = 40
const RSS = { 'content-type': 'application/rss+xml' }

const baseEnv = {
  SITREP_ALLOW_PRIVATE_NETWORKS: '1',
  SITREP_SEED_FEEDS: '0',
  SITREP_FETCH_PAGES: '0',
  SITREP_HOST_DELAY_MS: '0',
  SITREP_LOG_LEVEL: 'error',
}

/** Per article: url, incident and entity ids; this is what must not depend on the kill. */
function articleView(snapshot: Awaited<ReturnType<typeof apiSnapshot>>) {
  return Object.fromEntries(
    snapshot.articles.map((a) => [
      a.id,
      { url: a.url, incident: a.incident_id, entities: a.entities.map((e) => e.id).sort() },
    ]),
  )
}

describe('crawl --once killed with SIGKILL', () => {
  const killed = tempDbUrl()
  const clean = tempDbUrl()
  let server: FaultServer
  let probe: SqliteHandle
  let afterKill = 0
  let resumed: CliResult
  let uninterrupted: CliResult

  beforeAll(async () => {
    const docs = newsCorpus({ feeds: FEEDS, total: TOTAL })
    server = await startFaultServer(
      Object.fromEntries(docs.map((doc, i) => [`/outlet-${i}.xml`, respond(200, RSS, doc)])),
    )
    const list = join(killed.dir, 'feeds.opml')
    const names = docs.map((_, i) => ({
      url: `${server.base}/outlet-${i}.xml`,
      name: `Outlet ${i}`,
    }))
    writeFileSync(list, opml(names))
    const envs = [killed, clean].map((db) => ({ ...baseEnv, DATABASE_URL: db.url }))
    for (const env of envs) expect((await runCli(['feeds', 'import', list], env)).code).toBe(0)
    probe = await openSqlite(killed.url, { migrate: false })

    // The uninterrupted crawl runs alongside; it touches only its own database.
    const reference = runCli(['crawl', '--once'], envs[1]!)
    await crawlAndKill(envs[0]!, probe, KILL_AT)
    afterKill = await countArticles(probe)
    resumed = await runCli(['crawl', '--once'], envs[0]!)
    uninterrupted = await reference
  }, 240_000)
  afterAll(async () => {
    probe?.close()
    await server?.close()
    killed.cleanup()
    clean.cleanup()
  })

  it('was killed with some but not all articles stored', () => {
    expect(afterKill).toBeGreaterThanOrEqual(KILL_AT)
    expect(afterKill).toBeLessThan(TOTAL)
  })

  it('stores exactly the rest on the next crawl', () => {
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(resumed.stdout).toContain(
      `${TOTAL - afterKill} new article(s), ${afterKill} already known`,
    )
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0)
    expect(uninterrupted.stdout).toContain(`${TOTAL} new article(s)`)
  })

  it('ends with the same articles, incidents and entities as an uninterrupted crawl', async () => {
    const [a, b] = [await apiSnapshot(killed.url), await apiSnapshot(clean.url)]
    expect(a.articles).toHaveLength(TOTAL)
    expect(articleView(a)).toEqual(articleView(b))
    const incidents = (s: typeof a) =>
      s.incidents.map((i) => ({ id: i['id'], article_count: i['article_count'] }))
    expect(incidents(a)).toEqual(incidents(b))
    const entities = (s: typeof a) =>
      s.entities.map((e) => [e['id'], e['name'], e['type']].join(' ')).sort()
    expect(entities(a)).toEqual(entities(b))
  })
})

// Where a crawl is cut (by a kill, or just by when it ran) must not change the result: a name
// discovered earlier in the same run must count exactly as one stored by an earlier run
// (pipeline/context.ts learnEntities). This pins that down without depending on where a kill lands.
describe('one crawl vs the same items split over two crawls', () => {
  const first = {
    title: 'Brightgate Holdings outage: DarkGate infection traced to Cl0p',
    link: 'https://outlet-0.example.test/2026/03/brightgate-holdings',
    published: '2026-03-03T05:07:00Z',
    description:
      'A DarkGate infection preceded the Cl0p attack that took Brightgate Holdings offline ' +
      'for 32 hours. The airline had not patched VMware ESXi against CVE-2026-21057.',
  }
  const second = {
    title: 'VMware ESXi flaw CVE-2026-21057 behind Brightgate Holdings intrusion',
    link: 'https://outlet-3.example.test/2026/03/brightgate-holdings',
    published: '2026-03-03T12:00:00Z',
    description:
      'Attackers used CVE-2026-21057, a bug in VMware ESXi, to break into Brightgate Holdings. ' +
      'The airline is working with incident responders; DarkGate was used to move laterally.',
  }

  /** Crawls one feed once per entry of `runs`, each run adding its items to the feed. */
  async function crawlInRuns(runs: RssItem[][]) {
    let items: RssItem[] = []
    const feed = 'https://outlet.example.com/feed.xml'
    const http = fakeClient({
      dns: { 'outlet.example.com': ['93.184.216.34'] },
      pages: { [feed]: () => new Response(rssFeed('Outlet', items), { headers: RSS }) },
    })
    return withCrawler(http, [feed], async (crawl, _deps, dbUrl) => {
      for (const run of runs) {
        items = [...items, ...run]
        await crawl(true)
      }
      return apiSnapshot(dbUrl)
    })
  }

  it('assigns the same incident either way', async () => {
    const [one, two] = [
      await crawlInRuns([[first, second]]),
      await crawlInRuns([[first], [second]]),
    ]
    expect(two.articles.map((a) => [a.id, a.incident_id])).toEqual(
      one.articles.map((a) => [a.id, a.incident_id]),
    )
  })

  it('gives the incident the same title either way', async () => {
    const [one, two] = [
      await crawlInRuns([[first, second]]),
      await crawlInRuns([[first], [second]]),
    ]
    expect(two.incidents.map((i) => i['title'])).toEqual(one.incidents.map((i) => i['title']))
  })
})
