// Clustering at scale: does the cost per article grow with the database? The bench replays one
// fixed slice of the news corpus (the densest 1,000 consecutive stories, so the 90-day windows
// are as full as the corpus gets) over and over: pass k is shifted by 10·k years and reworded
// (every third word altered with a pass-specific suffix; every pass, the first included, so that
// all passes have the same kind of text), so each copy is a new story, not a near-duplicate, and
// never lands in an earlier pass's time window. The 1st, 10th and 50th thousand are therefore the
// same stories processed against a database of 0, 9k and 49k articles: any difference in time
// per article is the database's size, not the content. Wall time and CPU time are both printed;
// CPU time (this process, SQLite included: libsql runs in-process) is steadier on a shared machine.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNodeRuntime } from '../src/entry/node-deps.js'
import { createPipelineContext } from '../src/pipeline/context.js'
import { ingestItems } from '../src/pipeline/ingest.js'
import { SHARED } from './lib/gold.js'

const TOTAL = Number(process.env.BENCH_SCALE_TOTAL ?? 50_000)
const SLICE = Number(process.env.BENCH_SCALE_SLICE ?? 1000)
const REPORT_AT = new Set([1, 10, 20, 30, 40, 50, 100].map((k) => k * 1000))

type Rec = { url: string; title: string; published: string | null; text: string; source: string }

/** The `size` consecutive records (by publication time) that span the shortest time. */
function densest(sorted: Rec[], size: number): Rec[] {
  const t = (r: Rec) => Date.parse(r.published!)
  let best = 0
  for (let i = 0; i + size <= sorted.length; i++) {
    const span = t(sorted[i + size - 1]!) - t(sorted[i]!)
    if (span < t(sorted[best + size - 1]!) - t(sorted[best]!)) best = i
  }
  return sorted.slice(best, best + size)
}

/** Copy k of a record: every third word altered, the positions and suffix depending on k. */
function variant(r: Rec, k: number): Rec {
  const tag = k.toString(36)
  const alter = (s: string) =>
    s
      .split(' ')
      .map((w, i) => (i % 3 === k % 3 && /^\p{L}{4,}$/u.test(w) ? `${w}q${tag}` : w))
      .join(' ')
  const at = new Date(r.published!)
  at.setUTCFullYear(at.getUTCFullYear() + 10 * k)
  const u = URL.canParse(r.url) ? new URL(r.url) : new URL(`https://${r.url}`)
  u.pathname = `/c${k}${u.pathname}`
  return {
    ...r,
    url: u.href,
    title: alter(r.title),
    text: alter(r.text),
    published: at.toISOString(),
  }
}

async function main() {
  const file = join(SHARED, 'data/news/articles.jsonl')
  if (!existsSync(file)) return console.log(`skipping: ${file} is absent`)
  const sorted = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Rec)
    .filter((r) => r.url && r.title && r.published && !Number.isNaN(Date.parse(r.published)))
    .sort((a, b) => a.published!.localeCompare(b.published!))
  const base = densest(sorted, Math.min(SLICE, sorted.length))
  await warmUp(base)
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-scale-'))
  const rt = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'scale.db')}`,
    SITREP_FETCH_PAGES: '0',
    SITREP_SEED_FEEDS: '0',
    SITREP_LOG_LEVEL: 'error',
  })
  try {
    const ctx = await createPipelineContext(rt.deps)
    const span = `${base[0]!.published!.slice(0, 10)}..${base.at(-1)!.published!.slice(0, 10)}`
    console.log(`scale bench: ${TOTAL} articles = passes over ${base.length} stories (${span})`)
    const perThousand: number[] = []
    let done = 0
    for (let k = 0; done < TOTAL; k++) {
      const pass = base.map((r) => variant(r, k)).slice(0, TOTAL - done)
      for (let i = 0; i < pass.length; i += 1000) {
        const batch = pass.slice(i, i + 1000)
        const t0 = performance.now()
        const c0 = process.cpuUsage()
        await ingestItems(rt.deps, ctx, batch, { origin: 'ingest', feedId: null, source: null })
        const ms = (performance.now() - t0) / batch.length
        const c = process.cpuUsage(c0)
        const cpu = (c.user + c.system) / 1000 / batch.length
        done += batch.length
        perThousand.push(cpu)
        if (REPORT_AT.has(done) || done === TOTAL || process.env.BENCH_SCALE_EVERY) {
          const rss = (process.memoryUsage().rss / 1024 / 1024).toFixed(0)
          console.log(
            `  ${String(done).padStart(6)} articles: ${ms.toFixed(2)} ms/article wall, ${cpu.toFixed(2)} ms CPU, over the last ${batch.length} (RSS ${rss} MB)`,
          )
        }
      }
    }
    const first = perThousand[0]!
    const last = perThousand.at(-1)!
    const ratio = last / first
    console.log(
      `CPU time per article at ${done} vs at 1000: ${last.toFixed(2)} / ${first.toFixed(2)} ms = ${ratio.toFixed(2)}x (target <= 2x): ${ratio <= 2 ? 'PASS' : 'FAIL'}`,
    )
  } finally {
    await rt.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** JIT warm-up on a throwaway database, so the first measured thousand is not also the coldest. */
async function warmUp(base: Rec[]) {
  const rt = await createNodeRuntime({
    DATABASE_URL: ':memory:',
    SITREP_FETCH_PAGES: '0',
    SITREP_SEED_FEEDS: '0',
    SITREP_LOG_LEVEL: 'error',
  })
  try {
    const ctx = await createPipelineContext(rt.deps)
    const items = base.slice(0, 300).map((r) => variant(r, 999))
    await ingestItems(rt.deps, ctx, items, { origin: 'ingest', feedId: null, source: null })
  } finally {
    await rt.close()
  }
}

await main()
