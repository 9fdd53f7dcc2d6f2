// Entity extraction throughput: `npx tsx [--expose-gc] scripts/bench-extract.ts`.
// Over every record of ../shared/data/news/articles.jsonl (SITREP_SHARED_DIR overrides): the
// built-in gazetteer's build time, the MISP + ATT&CK import's load time and memory, and
// extractMentions throughput and per-article latency for feed summaries and full articles,
// with and without the import, each timed after an untimed warm-up pass over the same records.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { KbEntry } from '../src/pipeline/extract/types.js'
import {
  buildDefaultGazetteer,
  extractMentions,
  parseKnowledgeFile,
  type Gazetteer,
} from '../src/pipeline/extract/index.js'

const SHARED =
  process.env.SITREP_SHARED_DIR ?? fileURLToPath(new URL('../../shared/', import.meta.url))
const ARTICLES = join(SHARED, 'data/news/articles.jsonl')
const KB_FILES = [
  'data/stix/misp-galaxy/clusters/threat-actor.json',
  'data/stix/misp-galaxy/clusters/ransomware.json',
  'data/stix/mitre-attack/enterprise-groups-software.json',
].map((f) => join(SHARED, f))
/** Feed summaries are what most feeds carry; this is the size the 1,000 articles/s target is for. */
const SUMMARY_MAX_CHARS = 1500

interface Article {
  title: string
  text: string
  text_kind?: string
}

export interface Memory {
  heapMb: number
  rssMb: number
  /** Measured after global.gc() (run with --expose-gc); otherwise includes garbage. */
  afterGc: boolean
}

export interface Throughput {
  label: string
  articles: number
  /** Wall clock. */
  perSecond: number
  /** Per second of this process's CPU time: steadier when other work shares the machine. */
  perCpuSecond: number
  p50Ms: number
  p95Ms: number
  mentions: number
}

export interface Report {
  skipped?: string
  builtinBuildMs?: number
  builtinEntities?: number
  importLoadMs?: number
  importEntries?: number
  importedEntities?: number
  importMemory?: Memory
  runs: Throughput[]
}

const isSummary = (a: Article) =>
  a.text_kind === 'feed-summary' || a.text_kind === 'feed-item' || a.text.length < SUMMARY_MAX_CHARS

function readArticles(): Article[] {
  return readFileSync(ARTICLES, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Article)
}

const gc = (globalThis as { gc?: () => void }).gc
const MB = 2 ** 20

function memoryNow(): { heap: number; rss: number } {
  gc?.()
  const m = process.memoryUsage()
  return { heap: m.heapUsed / MB, rss: m.rss / MB }
}

/** Parses the import files and builds the gazetteer with them: time and memory kept. */
async function timeImport() {
  const before = memoryNow()
  const started = performance.now()
  const imported: KbEntry[] = []
  for (const f of KB_FILES)
    imported.push(...(await parseKnowledgeFile(JSON.parse(readFileSync(f, 'utf8')), f)))
  const gazetteer = await buildDefaultGazetteer(imported)
  const ms = performance.now() - started
  const after = memoryNow()
  const memory: Memory = {
    heapMb: after.heap - before.heap,
    rssMb: after.rss - before.rss,
    afterGc: !!gc,
  }
  return { gazetteer, ms, entries: imported.length, memory }
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0

/** Timed passes per run (BENCH_EXTRACT_PASSES); the fastest counts, as others may share the CPU. */
const PASSES = Math.max(1, Number(process.env.BENCH_EXTRACT_PASSES ?? 1))

async function timedPass(articles: Article[], gazetteer: Gazetteer) {
  const latencies: number[] = []
  let mentions = 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (const a of articles) {
    const t = performance.now()
    mentions += (await extractMentions(a, gazetteer)).length
    latencies.push(performance.now() - t)
  }
  const secs = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  return { secs, cpuSecs: (used.user + used.system) / 1e6, latencies, mentions }
}

async function measure(
  label: string,
  articles: Article[],
  gazetteer: Gazetteer,
): Promise<Throughput> {
  for (const a of articles) await extractMentions(a, gazetteer)
  let best: Awaited<ReturnType<typeof timedPass>> | undefined
  for (let i = 0; i < PASSES; i++) {
    const pass = await timedPass(articles, gazetteer)
    if (!best || pass.secs < best.secs) best = pass
  }
  const latencies = best!.latencies.sort((x, y) => x - y)
  return {
    label,
    articles: articles.length,
    perSecond: articles.length / best!.secs,
    perCpuSecond: articles.length / best!.cpuSecs,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    mentions: best!.mentions,
  }
}

export async function runExtractBench(): Promise<Report> {
  const missing = [ARTICLES, ...KB_FILES].find((f) => !existsSync(f))
  if (missing) return { skipped: `${missing} not found (set SITREP_SHARED_DIR)`, runs: [] }
  const articles = readArticles()
  const summaries = articles.filter(isSummary)
  const full = articles.filter((a) => !isSummary(a))
  const started = performance.now()
  const base = await buildDefaultGazetteer()
  const builtinBuildMs = performance.now() - started
  const withImport = await timeImport()
  const runs: Throughput[] = []
  for (const [name, g] of [
    ['built-in', base],
    ['+import', withImport.gazetteer],
  ] as const) {
    runs.push(await measure(`summary, ${name}`, summaries, g))
    runs.push(await measure(`full, ${name}`, full, g))
  }
  return {
    builtinBuildMs,
    builtinEntities: base.size,
    importLoadMs: withImport.ms,
    importEntries: withImport.entries,
    importedEntities: withImport.gazetteer.size,
    importMemory: withImport.memory,
    runs,
  }
}

const WIDTHS = [20, 8, 8, 9, 8, 8, 9]
const row = (cells: string[]) =>
  `  ${cells.map((c, i) => (i ? c.padStart(WIDTHS[i]!) : c.padEnd(WIDTHS[i]!))).join(' ')}`

export function printReport(r: Report): void {
  if (r.skipped) return void console.log(`bench-extract: skipped: ${r.skipped}`)
  const m = r.importMemory!
  const gcNote = m.afterGc ? 'after gc' : 'without gc: run with --expose-gc for exact figures'
  console.log(`\nentity extraction (one core)`)
  console.log(
    `  built-in gazetteer: ${r.builtinEntities} entities in ${r.builtinBuildMs!.toFixed(0)} ms`,
  )
  console.log(
    `  + MISP/ATT&CK import: ${r.importEntries} entries -> ${r.importedEntities} entities, ` +
      `parsed and built in ${r.importLoadMs!.toFixed(0)} ms, ` +
      `heap +${m.heapMb.toFixed(1)} MB, rss +${m.rssMb.toFixed(1)} MB (${gcNote})\n`,
  )
  console.log(
    row(['texts, gazetteer', 'articles', 'art/s', 'art/cpu-s', 'p50 ms', 'p95 ms', 'mentions']),
  )
  for (const t of r.runs) {
    const fixed = [t.perSecond, t.perCpuSecond].map((n) => n.toFixed(0))
    const ms = [t.p50Ms, t.p95Ms].map((n) => n.toFixed(3))
    console.log(row([t.label, String(t.articles), ...fixed, ...ms, String(t.mentions)]))
  }
  console.log(`  summary: text_kind feed-summary/feed-item or text < ${SUMMARY_MAX_CHARS} chars;`)
  console.log(`  fastest of ${PASSES} timed pass(es) after a warm-up (BENCH_EXTRACT_PASSES)`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printReport(await runExtractBench())
}
