// The online clustering decision for one article (pure): join the best-scoring incident when it
// clears the threshold, otherwise open a new one.
import {
  scoreArticle,
  type CorpusStats,
  type ScoredArticle,
  type ScoreParts,
  type ScoreWeights,
} from './score.js'
import type { IncidentProfile } from './profile.js'

export interface ClusterParams extends ScoreWeights {
  /** Minimum combined score to join an existing incident. */
  joinThreshold: number
  /** Days before publication in which candidate incidents must have been active. */
  windowDays: number
}

export const DEFAULT_CLUSTER_PARAMS: ClusterParams = {
  terms: 0.6,
  entities: 0.4,
  halfLifeDays: 10,
  joinThreshold: 0.3,
  windowDays: 30,
}

export interface Candidate {
  id: string
  lastSeen: string
  kind: 'incident' | 'not_incident'
  profile: IncidentProfile
}

export type Assignment =
  | {
      action: 'join'
      incidentId: string
      score: ScoreParts
      /** Other incidents the article also clears the threshold for: merge candidates. */
      alsoMatches: { incidentId: string; score: ScoreParts }[]
    }
  | { action: 'create'; best: { incidentId: string; score: ScoreParts } | null }

export function assignIncident(
  article: ScoredArticle,
  candidates: Candidate[],
  stats: CorpusStats,
  params: ClusterParams = DEFAULT_CLUSTER_PARAMS,
): Assignment {
  let best: { incidentId: string; score: ScoreParts } | null = null
  const above: { incidentId: string; score: ScoreParts }[] = []
  for (const c of candidates) {
    if (c.kind !== 'incident') continue
    const score = scoreArticle(article, c, stats, params)
    if (score.total >= params.joinThreshold) above.push({ incidentId: c.id, score })
    if (
      !best ||
      score.total > best.score.total ||
      (score.total === best.score.total && c.id < best.incidentId)
    ) {
      best = { incidentId: c.id, score }
    }
  }
  if (best && best.score.total >= params.joinThreshold) {
    const bestId = best.incidentId
    const alsoMatches = above
      .filter((a) => a.incidentId !== bestId)
      .sort((a, b) => b.score.total - a.score.total || a.incidentId.localeCompare(b.incidentId))
    return { action: 'join', incidentId: bestId, score: best.score, alsoMatches }
  }
  return { action: 'create', best }
}
