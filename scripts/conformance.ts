// `npm run conformance`: every file of the rss-parser, feedparser and Miniflux test suites in
// ../shared/data/feeds-peer through the parser `sitrep ingest` uses (lib/conformance-run.ts);
// counts parsed / rejected / crashed and checks the values those suites expect.
//
// An assertion is one expected value: one comparison in a feedparser `Expect:` header (`and`
// chains are split; an `or` is one assertion that holds if any branch does), or one field of an
// item in rss-parser's test/output/*.json. It is *checkable* when it compares a literal with a
// field sitrep's parser produces: feed title, feed link (siteUrl), and per entry title, link
// (url), guid/id, date (published/issued/created/updated/modified, as strings or time tuples)
// and body (content[0].value, summary, description; rss-parser: the fullest of content:encoded,
// content, summary). Entries are compared in document order, including entries without an
// http(s) URL that ingest later skips (counted separately). Comparison rules are in
// lib/conformance-check.ts; everything else (bozo, encoding, authors, tags, enclosures,
// *_detail metadata, language, ...) is "not checkable" and counted by label, as are checkable
// assertions whose expected value sitrep cannot hold (a relative link, an unparseable date).
// Exits 0 when nothing crashed and at least 95% of the checkable assertions match.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assertionsFor, judge, type Judged } from './lib/conformance-expectations.js'
import {
  describeMismatch,
  reportLines,
  summaryLine,
  totals,
  uncheckedLines,
} from './lib/conformance-report.js'
import { listFiles, runFile, type FileResult } from './lib/conformance-run.js'
import { SHARED } from './lib/gold.js'

const MIN_MATCH = 0.95
const SHOWN_MISMATCHES = 20
const REPO = fileURLToPath(new URL('../', import.meta.url))

async function main(): Promise<number> {
  const root = join(SHARED, 'data/feeds-peer')
  if (!existsSync(root)) {
    console.log(`conformance: skipped, ${root} not found (set SITREP_SHARED_DIR to the shared dir)`)
    return 0
  }
  const started = performance.now()
  const now = new Date()
  const results: FileResult[] = []
  const judged: Judged[] = []
  for (const file of listFiles(root)) {
    const result = await runFile(root, file, now)
    results.push(result)
    judged.push(...judge(result, assertionsFor(file, result.meta)))
  }
  const t = totals(results, judged)
  const mismatches = judged.map(describeMismatch).filter((m) => m !== '')
  const artifact = join(REPO, 'test-artifacts/conformance-mismatches.txt')
  mkdirSync(join(REPO, 'test-artifacts'), { recursive: true })
  const notCheckable = ['Not checkable, by label:', ...uncheckedLines(t)].join('\n')
  writeFileSync(artifact, `${mismatches.join('\n\n')}\n\n${notCheckable}\n`)

  for (const line of reportLines(t, results)) console.log(line)
  for (const r of results.filter((r) => r.status === 'crashed')) {
    console.log(`CRASH ${r.path}: ${r.reason}`)
  }
  console.log(
    `first ${Math.min(SHOWN_MISMATCHES, mismatches.length)} of ${mismatches.length} mismatches (all in ${artifact}):`,
  )
  for (const m of mismatches.slice(0, SHOWN_MISMATCHES)) console.log(m)
  const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a), results[0] as FileResult)
  console.log(
    `took ${((performance.now() - started) / 1000).toFixed(1)} s; slowest file ${slowest.path} ${Math.round(slowest.ms)} ms`,
  )
  console.log(summaryLine(t))
  const ok = t.crashed === 0 && t.checkable > 0 && t.matched / t.checkable >= MIN_MATCH
  return ok ? 0 : 1
}

process.exitCode = await main()
