import { ENTITY_TYPES } from '../../db/schema/vocab.js'
import type { EntityType } from '../../src/core/types.js'
import {
  scoreEntities,
  type GoldEntity,
  type PredictedEntity,
} from '../../src/pipeline/extract/score.js'
import type { GoldArticle } from './gold.js'

const fmt = (x: number) => x.toFixed(3)

/** Prints micro P/R/F1 (typed and untyped) and recall by type, from entities read via the API. */
export function printEntityReport(
  articles: GoldArticle[],
  entitiesOf: Map<string, { name: string; type: string }[]>,
): void {
  const gold = articles.map((a) => a.entities as GoldEntity[])
  const pred = articles.map((a) => (entitiesOf.get(a.id) ?? []) as PredictedEntity[])
  const s = scoreEntities(gold, pred)
  for (const mode of ['typed', 'untyped'] as const) {
    const p = s[mode]
    console.log(
      `entities   ${mode.padEnd(8)}  P ${fmt(p.precision)}  R ${fmt(p.recall)}  F1 ${fmt(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`,
    )
  }
  const row = (t: EntityType) => {
    const typed = s.byType.typed[t]
    const untyped = s.byType.untyped[t]
    const r = (c: { found: number; gold: number }) => (c.gold ? fmt(c.found / c.gold) : '  -  ')
    const p = (c: { correct: number; predicted: number }) =>
      c.predicted ? fmt(c.correct / c.predicted) : '  -  '
    return `  ${t.padEnd(14)} gold ${String(typed.gold).padStart(4)}  recall typed ${r(typed)} untyped ${r(untyped)}  precision typed ${p(typed)}`
  }
  console.log('by type:')
  for (const t of ENTITY_TYPES) console.log(row(t))
}
