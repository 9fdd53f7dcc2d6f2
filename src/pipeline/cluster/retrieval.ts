// Which keys to look candidates up by. Only the most specific ones: a common term ("attack") or
// entity ("Microsoft") matches thousands of incidents and would make each lookup a scan, while the
// incidents it would add are found anyway through the rarer keys that really identify the event.
import type { Mention } from '../../core/types.js'
import { TYPE_WEIGHT, type CorpusStats } from './score.js'

const MAX_TERMS = 10
const MAX_ENTITIES = 8

export function retrievalKeys(
  terms: Map<string, number>,
  mentions: Mention[],
  s: CorpusStats,
): { terms: string[]; entityIds: string[] } {
  const idf = (df: number, n: number) => Math.log((n + 1) / (df + 1))
  const topTerms = [...terms.entries()]
    .map(([t, w]) => [t, w * idf(s.termDf.get(t) ?? 0, s.docs)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_TERMS)
    .map(([t]) => t)
  const topEntities = mentions
    .map(
      (m) =>
        [
          m.entityId,
          TYPE_WEIGHT[m.type] * (1 + idf(s.entityDf.get(m.entityId) ?? 0, s.incidents)),
        ] as const,
    )
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_ENTITIES)
    .map(([id]) => id)
  return { terms: topTerms, entityIds: topEntities }
}
