// Which keys to look candidates up by. Only the most specific ones: a common term ("attack") or
// entity ("Microsoft") matches thousands of incidents and would make each lookup a scan, while the
// incidents it would add are found anyway through the rarer keys that really identify the event.
import type { Mention } from '../../core/types.js'
import { TYPE_WEIGHT, type CorpusStats } from './score.js'

const MAX_TERMS = 10
/** Terms an article adds to its incident's retrieval index (incident_terms). */
const INDEX_TERMS = 20
const MAX_ENTITIES = 8

export function retrievalKeys(
  terms: Map<string, number>,
  mentions: Mention[],
  s: CorpusStats,
): { terms: string[]; entityIds: string[] } {
  const topTerms = topByTfIdf(terms, s, MAX_TERMS)
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

/**
 * The terms an article is found by later: its most specific ones. Without corpus statistics (a
 * near-duplicate joins without scoring) the raw weights decide.
 */
export function indexTerms(terms: Map<string, number>, s: CorpusStats | null): string[] {
  return topByTfIdf(terms, s, INDEX_TERMS)
}

function topByTfIdf(
  terms: Map<string, number>,
  s: Pick<CorpusStats, 'docs' | 'termDf'> | null,
  n: number,
): string[] {
  return [...terms.entries()]
    .map(([t, w]) => [t, s ? w * idf(s.termDf.get(t) ?? 0, s.docs) : w] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([t]) => t)
}

function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1))
}
