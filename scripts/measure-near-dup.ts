// Measures near-duplicate detection on the shared corpus: fingerprint time, LSH candidates, judged
// duplicates with random samples for a human to check precision, and agreement with gold incidents.
// Usage: npx tsx scripts/measure-near-dup.ts [--brute N]   (N: articles for a brute-force recall check)
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  bandKeys,
  contentFingerprint,
  isNearDuplicate,
  type Fingerprint,
  type NearDuplicateDecision,
} from '../src/pipeline/parse/near-duplicate.js'
import { SHARED } from './lib/gold.js'

interface Rec {
  id: string
  source: string
  url: string
  title: string
  text: string
}
interface Pair {
  a: number
  b: number
  d: NearDuplicateDecision
}

const ARTICLES = join(SHARED, 'data/news/articles.jsonl')
const LABELS = join(SHARED, 'data/gold/dev-2023-09.labels.jsonl')
const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)

/** A deterministic sample (seeded LCG order), so that every run prints the same pairs. */
function sample<T>(xs: T[], n: number, seed = 20230901): T[] {
  const keyed = xs.map((x) => ({ x, r: (seed = (Math.imul(seed, 1664525) + 1013904223) | 0) }))
  return keyed
    .sort((p, q) => p.r - q.r)
    .slice(0, n)
    .map((p) => p.x)
}
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? 0
const ms = (x: number) => `${x.toFixed(3)} ms`

function timeFingerprints(recs: Rec[]): Fingerprint[] {
  for (const r of recs.slice(0, 500)) contentFingerprint(r.title, r.text) // JIT warm-up
  const times: number[] = []
  const t0 = performance.now()
  const fps = recs.map((r) => {
    const s = performance.now()
    const fp = contentFingerprint(r.title, r.text)
    times.push(performance.now() - s)
    return fp
  })
  const total = performance.now() - t0
  console.log(`fingerprints: ${recs.length} articles in ${total.toFixed(0)} ms`)
  console.log(
    `  per article: mean ${ms(total / recs.length)}, median ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))}, max ${ms(Math.max(...times))}`,
  )
  return fps
}

/** A 5,000-word article made of the corpus's own words; best and median of 20 batches of 50. */
function time5000(recs: Rec[]): void {
  const words = recs.flatMap((r) => r.text.split(/\s+/)).slice(0, 5000)
  const text = Array.from({ length: 50 }, (_, i) => words.slice(i * 100, i * 100 + 100).join(' '))
  const body = text.join('\n\n')
  for (let i = 0; i < 200; i++) contentFingerprint('Warm-up', body)
  const batches: number[] = []
  for (let b = 0; b < 20; b++) {
    const t0 = performance.now()
    for (let i = 0; i < 50; i++) contentFingerprint('A title', body)
    batches.push((performance.now() - t0) / 50)
  }
  const fp = contentFingerprint('A title', body)
  console.log(
    `5,000-word article (${fp.tokens} tokens): best ${ms(Math.min(...batches))}, median ${ms(quantile(batches, 0.5))}, worst ${ms(Math.max(...batches))} per fingerprint`,
  )
}

function candidatePairs(fps: Fingerprint[]): Array<[number, number]> {
  const index = new Map<string, number[]>()
  let keys = 0
  fps.forEach((fp, i) => {
    for (const k of bandKeys(fp)) {
      keys++
      const ids = index.get(k)
      if (ids) ids.push(i)
      else index.set(k, [i])
    }
  })
  const seen = new Set<number>()
  const pairs: Array<[number, number]> = []
  for (const ids of index.values()) {
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const [a, b] = [ids[x]!, ids[y]!]
        if (seen.has(a * fps.length + b)) continue
        seen.add(a * fps.length + b)
        pairs.push([a, b])
      }
    }
  }
  const biggest = [...index.values()].reduce((m, v) => Math.max(m, v.length), 0)
  console.log(
    `LSH: ${keys} keys (${(keys / fps.length).toFixed(1)} per article), ${index.size} distinct, largest bucket ${biggest}; ${pairs.length} candidate pairs`,
  )
  return pairs
}

function show(recs: Rec[], p: Pair): void {
  const [a, b] = [recs[p.a]!, recs[p.b]!]
  console.log(
    `  ${p.d.rule} ${p.d.method} ${p.d.similarity.toFixed(3)} (threshold ${p.d.threshold.toFixed(3)})${a.url === b.url ? ' [same URL]' : ''}`,
  )
  console.log(`    [${a.source}] ${a.title}  (${a.id})`)
  console.log(`    [${b.source}] ${b.title}  (${b.id})`)
}

/**
 * Judged-duplicate pairs among the LSH candidates that fall in one gold incident or two, and, since
 * the gold window is small, every pair of its labelled articles checked directly, with the
 * closest different-incident pairs (the false positives a lower threshold would make).
 */
function goldAgreement(recs: Rec[], fps: Fingerprint[], dups: Pair[]): void {
  if (!existsSync(LABELS)) return console.log(`gold: skipped, ${LABELS} not found`)
  const incident = new Map(
    readJsonl<{ id: string; incident: string | null }>(LABELS).map((l) => [l.id, l.incident]),
  )
  const tally = (pairs: Pair[]) => {
    const t = { same: 0, different: 0, nullEvent: 0, unlabelled: 0 }
    for (const p of pairs) {
      const [x, y] = [incident.get(recs[p.a]!.id), incident.get(recs[p.b]!.id)]
      if (x === undefined || y === undefined) t.unlabelled++
      else if (x === null || y === null) t.nullEvent++
      else if (x === y) t.same++
      else t.different++
    }
    return `same incident ${t.same}, different incidents (false positives) ${t.different}, with a null-incident item ${t.nullEvent}, not both labelled ${t.unlabelled}`
  }
  console.log(
    `gold (${incident.size} labelled articles), LSH judged-duplicate pairs: ${tally(dups)}`,
  )
  const labelled = recs.flatMap((r, i) => (incident.has(r.id) ? [i] : []))
  const all: Pair[] = []
  for (const [x, a] of labelled.entries()) {
    for (const b of labelled.slice(x + 1)) all.push({ a, b, d: isNearDuplicate(fps[a]!, fps[b]!) })
  }
  console.log(
    `  all ${all.length} labelled pairs checked directly: ${tally(all.filter((p) => p.d.duplicate))}`,
  )
  const score = (p: Pair) => p.d.similarity / p.d.threshold
  for (const same of [false, true]) {
    const pairs = all.filter((p) => {
      const [x, y] = [incident.get(recs[p.a]!.id), incident.get(recs[p.b]!.id)]
      return x && y && (x === y) === same
    })
    console.log(
      `  closest of ${pairs.length} pairs in ${same ? 'one' : 'different'} gold incident(s):`,
    )
    for (const p of pairs.sort((p, q) => score(q) - score(p)).slice(0, 3)) show(recs, p)
  }
}

/** LSH recall: every pair of a random sample checked directly, against the LSH-found pairs. */
function bruteForce(fps: Fingerprint[], lshDups: Pair[], n: number): void {
  const ids = sample(
    fps.map((_, i) => i),
    n,
  ).sort((a, b) => a - b)
  const found = new Set(lshDups.map((p) => `${p.a}:${p.b}`))
  let [all, missed] = [0, 0]
  for (const [x, a] of ids.entries()) {
    for (const b of ids.slice(x + 1)) {
      if (!isNearDuplicate(fps[a]!, fps[b]!).duplicate) continue
      all++
      if (!found.has(`${a}:${b}`)) missed++
    }
  }
  console.log(
    `brute force over ${n} random articles: ${all} duplicate pairs, ${missed} missed by LSH`,
  )
}

function main(): void {
  if (!existsSync(ARTICLES)) return console.log(`skipping: ${ARTICLES} not found`)
  const recs = readJsonl<Rec>(ARTICLES)
  const fps = timeFingerprints(recs)
  time5000(recs)
  const pairs = candidatePairs(fps).map(([a, b]) => ({
    a,
    b,
    d: isNearDuplicate(fps[a]!, fps[b]!),
  }))
  const dups = pairs.filter((p) => p.d.duplicate)
  const near = pairs.filter((p) => !p.d.duplicate && p.d.similarity >= p.d.threshold - 0.15)
  const byRule = new Map<string, number>()
  for (const p of dups) byRule.set(p.d.rule, (byRule.get(p.d.rule) ?? 0) + 1)
  const sameUrl = dups.filter((p) => recs[p.a]!.url === recs[p.b]!.url).length
  const sameSource = dups.filter((p) => recs[p.a]!.source === recs[p.b]!.source).length
  console.log(
    `judged duplicates: ${dups.length} pairs (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}); same canonical URL ${sameUrl}, same source ${sameSource}; near misses ${near.length}`,
  )
  console.log('15 random judged-duplicate pairs:')
  for (const p of sample(dups, 15)) show(recs, p)
  console.log('10 random near misses (similarity within 0.15 under the threshold):')
  for (const p of sample(near, 10)) show(recs, p)
  goldAgreement(recs, fps, dups)
  const n = Number(process.argv[process.argv.indexOf('--brute') + 1])
  if (process.argv.includes('--brute') && n > 1) bruteForce(fps, dups, n)
}

main()
