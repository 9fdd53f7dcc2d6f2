// Entity scoring against gold labels (GUIDE.md): micro precision/recall/F1 over articles, typed
// (type must match, `alt_types` count) and untyped. A prediction matches a gold entity when its
// name or surface equals the gold name or one of its surfaces after normalizeName.
import type { EntityType } from '../../core/types.js'
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import { normalizeName } from '../../core/ids.js'

export interface GoldEntity {
  name: string
  type: EntityType
  surface?: string[]
  alt_types?: EntityType[]
}

export interface PredictedEntity {
  name: string
  type: EntityType
  surface?: string
}

export interface Prf {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
}

export interface TypeCounts {
  gold: number
  predicted: number
  /** Gold entities of this type found (typed: with an accepted type). */
  found: number
  /** Predictions of this type that matched some gold entity. */
  correct: number
}

export interface EntityScore {
  typed: Prf
  untyped: Prf
  byType: { typed: Record<EntityType, TypeCounts>; untyped: Record<EntityType, TypeCounts> }
}

const goldKeys = (g: GoldEntity) => new Set([g.name, ...(g.surface ?? [])].map(normalizeName))
const predKeys = (p: PredictedEntity) => [p.name, p.surface ?? p.name].map(normalizeName)
const typeOk = (g: GoldEntity, p: PredictedEntity) =>
  g.type === p.type || !!g.alt_types?.includes(p.type)

const emptyCounts = () =>
  Object.fromEntries(
    ENTITY_TYPES.map((t) => [t, { gold: 0, predicted: 0, found: 0, correct: 0 }]),
  ) as Record<EntityType, TypeCounts>

function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted ? tp / predicted : 0
  const recall = gold ? tp / gold : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { tp, fp: predicted - tp, fn: gold - tp, precision, recall, f1 }
}

/** Greedy one-to-one matching in prediction order; returns matched [gold, prediction] pairs. */
function matchArticle(gold: GoldEntity[], pred: PredictedEntity[], typed: boolean) {
  const keys = gold.map(goldKeys)
  const used = new Set<number>()
  const pairs: [GoldEntity, PredictedEntity][] = []
  for (const p of pred) {
    const pk = predKeys(p)
    const gi = gold.findIndex(
      (g, i) => !used.has(i) && pk.some((k) => keys[i]!.has(k)) && (!typed || typeOk(g, p)),
    )
    if (gi < 0) continue
    used.add(gi)
    pairs.push([gold[gi]!, p])
  }
  return pairs
}

function run(gold: GoldEntity[][], predicted: PredictedEntity[][], typed: boolean) {
  const counts = emptyCounts()
  let tp = 0
  let nPred = 0
  let nGold = 0
  gold.forEach((g, i) => {
    const p = predicted[i] ?? []
    const pairs = matchArticle(g, p, typed)
    tp += pairs.length
    nPred += p.length
    nGold += g.length
    for (const e of g) counts[e.type].gold++
    for (const e of p) counts[e.type].predicted++
    for (const [ge, pe] of pairs) {
      counts[ge.type].found++
      counts[pe.type].correct++
    }
  })
  return { prf: prf(tp, nPred, nGold), counts }
}

/** `gold[i]` and `predicted[i]` are the entities of one article. */
export function scoreEntities(gold: GoldEntity[][], predicted: PredictedEntity[][]): EntityScore {
  const typed = run(gold, predicted, true)
  const untyped = run(gold, predicted, false)
  return {
    typed: typed.prf,
    untyped: untyped.prf,
    byType: { typed: typed.counts, untyped: untyped.counts },
  }
}
