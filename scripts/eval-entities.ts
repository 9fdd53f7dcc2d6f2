// Entity extraction against the gold sets: npx tsx scripts/eval-entities.ts [--kb] [--errors] [--rules]
//   --kb      also import the MISP galaxy and MITRE ATT&CK files through parseKnowledgeFile
//   --errors  list false positives and misses per article (for rule work)
//   --rules   what each pattern rule finds before merging, and how much of it is gold
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EntityType } from '../src/core/types.js'
import { normalizeName } from '../src/core/ids.js'
import type { Candidate, KbEntry } from '../src/pipeline/extract/types.js'
import {
  articleText,
  buildDefaultGazetteer,
  extractMentions,
} from '../src/pipeline/extract/index.js'
import { parseKnowledgeFile } from '../src/pipeline/extract/kb-import.js'
import { makeDoc } from '../src/pipeline/extract/doc.js'
import { discoverNames } from '../src/pipeline/extract/discover.js'
import { findOrganizations } from '../src/pipeline/extract/organizations.js'
import { findSoftware } from '../src/pipeline/extract/software.js'
import { findProperNames } from '../src/pipeline/extract/proper-names.js'
import {
  scoreEntities,
  type EntityScore,
  type GoldEntity,
  type PredictedEntity,
} from '../src/pipeline/extract/score.js'

const DATA = process.env.SITREP_SHARED_DATA ?? '/work/shared/data'
const SETS = ['dev-2023-09', 'casie-dev']
const TYPES: EntityType[] = ['threat_actor', 'malware', 'vulnerability', 'software', 'organization']
const args = new Set(process.argv.slice(2))

interface Article {
  id: string
  title: string
  text: string
}
interface Label {
  id: string
  entities: GoldEntity[]
}

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)

async function importedKb(): Promise<KbEntry[]> {
  const misp = join(DATA, 'stix/misp-galaxy/clusters')
  const files = [
    ...readdirSync(misp).map((f) => join(misp, f)),
    join(DATA, 'stix/mitre-attack/enterprise-groups-software.json'),
  ]
  const out: KbEntry[] = []
  for (const f of files) {
    const entries = await parseKnowledgeFile(JSON.parse(readFileSync(f, 'utf8')), f)
    console.log(`imported ${entries.length} entries from ${f}`)
    out.push(...entries)
  }
  return out
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5)
const num = (n: number) => String(n).padStart(4)

function report(set: string, s: EntityScore): void {
  console.log(`\n== ${set}`)
  for (const mode of ['typed', 'untyped'] as const) {
    const p = s[mode]
    const counts = `(tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`
    console.log(
      `${mode.padEnd(8)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   ${counts}`,
    )
  }
  for (const t of TYPES) {
    const ty = s.byType.typed[t]
    const un = s.byType.untyped[t]
    const r = (n: number) => (ty.gold ? pct(n / ty.gold) : '    -')
    const prec = ty.predicted ? pct(ty.correct / ty.predicted) : '    -'
    const recall = `recall typed ${r(ty.found)} untyped ${r(un.found)}`
    console.log(
      `  ${t.padEnd(13)} gold ${num(ty.gold)}  ${recall}   predicted ${num(ty.predicted)} precision ${prec}`,
    )
  }
}

const keysOf = (names: string[]) => new Set(names.map(normalizeName))

function printErrors(id: string, gold: GoldEntity[], pred: PredictedEntity[]): void {
  const goldKeys = keysOf(gold.flatMap((g) => [g.name, ...(g.surface ?? [])]))
  const predKeys = keysOf(pred.flatMap((p) => [p.name, p.surface ?? p.name]))
  const fp = pred.filter(
    (p) => ![p.name, p.surface ?? ''].some((k) => goldKeys.has(normalizeName(k))),
  )
  const fn = gold.filter(
    (g) => ![g.name, ...(g.surface ?? [])].some((n) => predKeys.has(normalizeName(n))),
  )
  if (!fp.length && !fn.length) return
  console.log(id)
  for (const p of fp) console.log(`   FP ${p.type.padEnd(13)} ${p.name} <${p.surface}>`)
  for (const g of fn)
    console.log(`   FN ${g.type.padEnd(13)} ${g.name} ${JSON.stringify(g.surface)}`)
}

/** Per rule: distinct names found, how many are some gold entity, how many with its type. */
function ruleStats(stats: Map<string, number[]>, gold: GoldEntity[], text: string): void {
  const doc = makeDoc(text)
  const finds: Candidate[] = [
    ...discoverNames(doc),
    ...findOrganizations(doc),
    ...findSoftware(doc),
    ...findProperNames(doc),
  ]
  const seen = new Set<string>()
  for (const c of finds) {
    const key = `${c.source}:${normalizeName(c.name)}`
    if (seen.has(key)) continue
    seen.add(key)
    const g = gold.find((e) => keysOf([e.name, ...(e.surface ?? [])]).has(normalizeName(c.name)))
    const typed = g && (g.type === c.type || g.alt_types?.includes(c.type))
    const s = stats.get(c.source ?? '?') ?? [0, 0, 0]
    stats.set(c.source ?? '?', [s[0]! + 1, s[1]! + (g ? 1 : 0), s[2]! + (typed ? 1 : 0)])
  }
}

function printRuleStats(stats: Map<string, number[]>): void {
  console.log('rule      found  gold  typed')
  for (const [rule, [n, ok, typed]] of [...stats].sort()) {
    console.log(`  ${rule.padEnd(8)} ${num(n!)}  ${num(ok!)}  ${num(typed!)}`)
  }
}

async function main(): Promise<void> {
  const gazetteer = await buildDefaultGazetteer(args.has('--kb') ? await importedKb() : [])
  console.log(`gazetteer: ${gazetteer.size} entities`)
  const articles = new Map(
    readJsonl<Article>(join(DATA, 'news/articles.jsonl')).map((a) => [a.id, a]),
  )
  for (const set of SETS) {
    const labels = readJsonl<Label>(join(DATA, `gold/${set}.labels.jsonl`))
    const gold: GoldEntity[][] = []
    const predicted: PredictedEntity[][] = []
    const rules = new Map<string, number[]>()
    const started = performance.now()
    for (const l of labels) {
      const a = articles.get(l.id)
      if (!a) continue
      const mentions = await extractMentions(a, gazetteer)
      const pred = mentions.map((m) => ({ name: m.name, type: m.type, surface: m.surface }))
      gold.push(l.entities)
      predicted.push(pred)
      if (args.has('--errors')) printErrors(l.id, l.entities, pred)
      if (args.has('--rules')) ruleStats(rules, l.entities, articleText(a))
    }
    const ms = performance.now() - started
    report(`${set} (${gold.length} articles, ${ms.toFixed(0)} ms)`, scoreEntities(gold, predicted))
    if (args.has('--rules')) printRuleStats(rules)
  }
}

await main()
