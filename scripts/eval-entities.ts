// Entity extraction against the gold sets: npx tsx scripts/eval-entities.ts [--kb] [--errors]
//   --kb      also import the MISP galaxy and MITRE ATT&CK files through parseKnowledgeFile
//   --errors  list false positives and misses per article (for rule work)
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EntityType } from '../src/core/types.js'
import type { KbEntry } from '../src/pipeline/extract/types.js'
import { buildDefaultGazetteer, extractMentions } from '../src/pipeline/extract/index.js'
import { parseKnowledgeFile } from '../src/pipeline/extract/kb-import.js'
import {
  scoreEntities,
  type EntityScore,
  type GoldEntity,
  type PredictedEntity,
} from '../src/pipeline/extract/score.js'

const DATA = process.env.SITREP_SHARED_DATA ?? '/work/shared/data'
const SETS = ['dev-2023-09', 'casie-dev']
const args = new Set(process.argv.slice(2))

interface Article {
  id: string
  title: string
  text: string
}

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)

async function importedKb(): Promise<KbEntry[]> {
  const files = [
    ...readdirSync(join(DATA, 'stix/misp-galaxy/clusters')).map((f) =>
      join(DATA, 'stix/misp-galaxy/clusters', f),
    ),
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
const TYPES: EntityType[] = ['threat_actor', 'malware', 'vulnerability', 'software', 'organization']

function report(set: string, s: EntityScore): void {
  console.log(`\n== ${set}`)
  for (const mode of ['typed', 'untyped'] as const) {
    const p = s[mode]
    console.log(
      `${mode.padEnd(8)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`,
    )
  }
  for (const t of TYPES) {
    const ty = s.byType.typed[t]
    const un = s.byType.untyped[t]
    const r = (n: number) => (ty.gold ? pct(n / ty.gold) : '    -')
    const prec = ty.predicted ? pct(ty.correct / ty.predicted) : '    -'
    console.log(
      `  ${t.padEnd(13)} gold ${String(ty.gold).padStart(4)}  recall typed ${r(ty.found)} untyped ${r(un.found)}   predicted ${String(ty.predicted).padStart(4)} precision ${prec}`,
    )
  }
}

function printErrors(id: string, gold: GoldEntity[], pred: PredictedEntity[]): void {
  const key = (s: string) => s.toLowerCase()
  const goldKeys = new Set(gold.flatMap((g) => [g.name, ...(g.surface ?? [])].map(key)))
  const predKeys = new Set(pred.flatMap((p) => [p.name, p.surface ?? ''].map(key)))
  const fp = pred.filter((p) => !goldKeys.has(key(p.name)) && !goldKeys.has(key(p.surface ?? '')))
  const fn = gold.filter((g) => ![g.name, ...(g.surface ?? [])].some((n) => predKeys.has(key(n))))
  if (!fp.length && !fn.length) return
  console.log(`${id}`)
  for (const p of fp)
    console.log(
      `   FP ${p.type.padEnd(13)} ${p.name}${p.surface !== p.name ? ` <${p.surface}>` : ''}`,
    )
  for (const g of fn)
    console.log(`   FN ${g.type.padEnd(13)} ${g.name} ${JSON.stringify(g.surface)}`)
}

async function main(): Promise<void> {
  const gazetteer = await buildDefaultGazetteer(args.has('--kb') ? await importedKb() : [])
  console.log(`gazetteer: ${gazetteer.size} entities`)
  const articles = new Map(
    readJsonl<Article>(join(DATA, 'news/articles.jsonl')).map((a) => [a.id, a]),
  )
  for (const set of SETS) {
    const labels = readJsonl<{ id: string; entities: GoldEntity[] }>(
      join(DATA, `gold/${set}.labels.jsonl`),
    ).filter((l) => articles.has(l.id))
    const gold: GoldEntity[][] = []
    const predicted: PredictedEntity[][] = []
    const started = performance.now()
    for (const l of labels) {
      const a = articles.get(l.id)!
      const mentions = await extractMentions({ title: a.title, text: a.text }, gazetteer)
      const pred = mentions.map((m) => ({ name: m.name, type: m.type, surface: m.surface }))
      gold.push(l.entities)
      predicted.push(pred)
      if (args.has('--errors')) printErrors(l.id, l.entities, pred)
    }
    const ms = performance.now() - started
    report(
      `${set} (${labels.length} articles, ${ms.toFixed(0)} ms)`,
      scoreEntities(gold, predicted),
    )
  }
}

await main()
