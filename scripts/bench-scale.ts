// Clustering at scale: replays the news corpus (repeated with shifted dates and altered wording so
// copies are new stories, not near-duplicates) into one database, and reports the time per
// article in the 1st, 10th and 50th thousand. The cost per article must not grow with the database.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNodeRuntime } from '../src/entry/node-deps.js'
import { createPipelineContext } from '../src/pipeline/context.js'
import { ingestItems } from '../src/pipeline/ingest.js'
import { SHARED } from './lib/gold.js'

const TOTAL = Number(process.env.BENCH_SCALE_TOTAL ?? 50_000)
const BATCH = 1000
const REPORT_AT = new Set([1, 10, 50, 100].map((k) => k * BATCH))

type Rec = { url: string; title: string; published: string | null; text: string; source: string }

/** Copy k of a record: every third word altered, so no 3-word shingle survives from the original. */
function variant(r: Rec, k: number, shiftYears: number): Rec {
  const alter = (s: string) =>
    k === 0
      ? s
      : s
          .split(' ')
          .map((w, i) => (i % 3 === k % 3 && /^\p{L}{4,}$/u.test(w) ? `${w}${'xyzq'[k % 4]}` : w))
          .join(' ')
  const at = r.published ? new Date(r.published) : new Date('2023-01-01T00:00:00Z')
  at.setUTCFullYear(at.getUTCFullYear() + shiftYears)
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
  const base = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Rec)
    .filter((r) => r.url && r.title)
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''))
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-scale-'))
  const rt = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'scale.db')}`,
    SITREP_FETCH_PAGES: '0',
    SITREP_SEED_FEEDS: '0',
    SITREP_LOG_LEVEL: 'error',
  })
  try {
    const ctx = await createPipelineContext(rt.deps)
    console.log(
      `scale bench: ${TOTAL} articles from ${base.length} corpus records, batches of ${BATCH}`,
    )
    let done = 0
    for (let k = 0; done < TOTAL; k++) {
      // Each pass is shifted by 10 years: a copy never lands in an original's time window.
      const pass = base.map((r) => variant(r, k, 10 * k))
      for (let i = 0; i < pass.length && done < TOTAL; i += BATCH) {
        const batch = pass.slice(i, Math.min(i + BATCH, i + TOTAL - done))
        const t0 = performance.now()
        await ingestItems(rt.deps, ctx, batch, { origin: 'ingest', feedId: null, source: null })
        const ms = (performance.now() - t0) / batch.length
        done += batch.length
        if (REPORT_AT.has(done) || done === TOTAL || process.env.BENCH_SCALE_EVERY) {
          const rss = (process.memoryUsage().rss / 1024 / 1024).toFixed(0)
          console.log(
            `  after ${String(done).padStart(6)} articles: ${ms.toFixed(2)} ms/article over the last ${batch.length} (RSS ${rss} MB)`,
          )
        }
      }
    }
  } finally {
    await rt.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
