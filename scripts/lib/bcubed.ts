// Clustering metrics over items: B-cubed (per-item precision/recall, averaged) and pairwise
// precision/recall. Items whose gold cluster is null (no specific event) count as singletons.

export interface PRF {
  precision: number
  recall: number
  f1: number
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r))

function groups(assign: Map<string, string | null>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const [item, cluster] of assign) {
    const key = cluster ?? `\u0000singleton:${item}`
    const set = out.get(key) ?? new Set<string>()
    set.add(item)
    out.set(key, set)
  }
  return out
}

function keyOf(assign: Map<string, string | null>, item: string): string {
  return assign.get(item) ?? `\u0000singleton:${item}`
}

export function bcubed(gold: Map<string, string | null>, pred: Map<string, string | null>): PRF {
  const g = groups(gold)
  const p = groups(pred)
  let ps = 0
  let rs = 0
  for (const item of gold.keys()) {
    const gi = g.get(keyOf(gold, item))!
    const pi = p.get(keyOf(pred, item)) ?? new Set([item])
    let both = 0
    for (const other of pi) if (gi.has(other)) both++
    ps += both / pi.size
    rs += both / gi.size
  }
  const n = gold.size || 1
  return { precision: ps / n, recall: rs / n, f1: f1(ps / n, rs / n) }
}

export function pairwise(gold: Map<string, string | null>, pred: Map<string, string | null>): PRF {
  const items = [...gold.keys()]
  let tp = 0
  let fp = 0
  let fn = 0
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!
      const b = items[j]!
      const sameGold = keyOf(gold, a) === keyOf(gold, b)
      const samePred = keyOf(pred, a) === keyOf(pred, b)
      if (sameGold && samePred) tp++
      else if (samePred) fp++
      else if (sameGold) fn++
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  return { precision, recall, f1: f1(precision, recall) }
}
