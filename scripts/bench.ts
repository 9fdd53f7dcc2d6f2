// `npm run bench`: crawl throughput against a local server (50 feeds x 100 items + article
// pages), with fetching included (a real `crawl --once` path) and excluded (the same items
// ingested from memory), and peak memory. Loopback only; politeness delays are set to zero here
// because every feed shares the host 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNodeRuntime } from '../src/entry/node-deps.js'
import { crawlOnce } from '../src/jobs/crawl.js'
import { createPipelineContext } from '../src/pipeline/context.js'
import { ingestItems } from '../src/pipeline/ingest.js'
import { benchFeeds, pageFor, rssFor } from './lib/bench-corpus.js'

const FEEDS = Number(process.env.BENCH_FEEDS ?? 50)
const PER_FEED = Number(process.env.BENCH_ITEMS ?? 100)

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)

async function main() {
  const corpus = benchFeeds(FEEDS, PER_FEED)
  const pages = new Map(corpus.flat().map((it) => [it.path, it]))
  let base = ''
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    const feed = /^\/f(\d+)\/feed\.xml$/.exec(path)
    if (feed)
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rssFor(base, Number(feed[1]), corpus[Number(feed[1])]!))
    const page = pages.get(path)
    if (page) return void res.writeHead(200, { 'content-type': 'text/html' }).end(pageFor(page))
    res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const total = FEEDS * PER_FEED
  try {
    const crawl = await run(
      'fetch included (crawl --once: feeds + pages + processing)',
      async (env) => {
        const rt = await createNodeRuntime(env)
        await rt.deps.repo.addFeeds(
          corpus.map((_, f) => ({ url: `${base}/f${f}/feed.xml`, name: `Outlet ${f}` })),
          new Date().toISOString(),
        )
        const report = await crawlOnce(rt.deps, { all: true })
        await rt.close()
        return report.added
      },
    )
    const ingest = await run(
      'fetch excluded (same items, full text, ingested from memory)',
      async (env) => {
        const rt = await createNodeRuntime({ ...env, SITREP_FETCH_PAGES: '0' })
        const ctx = await createPipelineContext(rt.deps)
        const items = corpus.flatMap((items, f) =>
          items.map((it) => ({
            url: `${base}${it.path}`,
            title: it.title,
            published: it.published,
            text: it.body,
            source: `Outlet ${f}`,
          })),
        )
        const stats = await ingestItems(rt.deps, ctx, items, {
          origin: 'ingest',
          feedId: null,
          source: null,
        })
        await rt.close()
        return stats.added
      },
    )
    console.log(`\nbench: ${FEEDS} feeds x ${PER_FEED} items = ${total} items`)
    for (const r of [crawl, ingest]) {
      console.log(
        `  ${r.label}: ${r.added} articles in ${r.secs.toFixed(1)} s = ${(r.added / r.secs).toFixed(0)} items/s`,
      )
    }
    console.log(`  peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`)
  } finally {
    clearInterval(sampler)
    server.close()
  }
}

async function run(label: string, fn: (env: Record<string, string>) => Promise<number>) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'))
  const env = {
    DATABASE_URL: `file:${join(dir, 'bench.db')}`,
    SITREP_ALLOW_PRIVATE_NETWORKS: '1',
    SITREP_SEED_FEEDS: '0',
    SITREP_LOG_LEVEL: 'error',
    SITREP_HOST_DELAY_MS: '0',
    SITREP_HOST_CONCURRENCY: '16',
    SITREP_FEED_CONCURRENCY: '8',
  }
  const t0 = performance.now()
  try {
    const added = await fn(env)
    return { label, added, secs: (performance.now() - t0) / 1000 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
