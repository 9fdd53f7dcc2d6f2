// Incidents evolve: when an article matches two open incidents and, with it, the two look like
// one story (e.g. a victim's disclosure and the gang's leak-site claim that arrived first), the
// weaker one is folded into the stronger. Its id keeps resolving (merged_into).
import type { Mention } from '../../core/types.js'
import type { ClusterParams } from './assign.js'
import { addToProfile, mergeProfiles, type IncidentProfile } from './profile.js'
import { scoreArticle, type CorpusStats } from './score.js'

/** Incident-to-incident similarity must clear more than an article join: merges are sticky. */
export const MERGE_MARGIN = 0.15

export interface MergeCandidate {
  id: string
  lastSeen: string
  profile: IncidentProfile
}

/** Scores an incident profile as if it were one article against another incident. */
export function incidentSimilarity(
  a: { profile: IncidentProfile; lastSeen: string },
  b: { profile: IncidentProfile; lastSeen: string },
  stats: CorpusStats,
  params: ClusterParams,
): number {
  const mentions: Mention[] = Object.entries(a.profile.entities)
    .filter(([, [, n]]) => n * 2 >= a.profile.n)
    .map(([entityId, [type]]) => ({
      entityId,
      type,
      name: entityId,
      surface: '',
      count: 1,
      discovered: false,
    }))
  const terms = new Map(Object.entries(a.profile.terms))
  return scoreArticle({ terms, mentions, publishedAt: a.lastSeen }, b, stats, params).total
}

/** The incidents to fold into `target` after the article joined it. */
export function planMerges(
  target: MergeCandidate,
  article: { mentions: Mention[]; terms: Map<string, number>; source: string },
  others: MergeCandidate[],
  stats: CorpusStats,
  params: ClusterParams,
): MergeCandidate[] {
  const grown = {
    ...target,
    profile: addToProfile(target.profile, article.mentions, article.terms, article.source),
  }
  const threshold = params.joinThreshold + MERGE_MARGIN
  return others.filter(
    (o) =>
      o.id !== target.id &&
      Math.min(
        incidentSimilarity(grown, o, stats, params),
        incidentSimilarity(o, grown, stats, params),
      ) >= threshold,
  )
}

/** `target` with `absorbed` folded in: one incident spanning all of them, keeping target's id. */
export function absorbIncidents<
  T extends MergeCandidate & { firstSeen: string; articleCount: number },
>(target: T, absorbed: T[]): T {
  return absorbed.reduce(
    (acc, o) => ({
      ...acc,
      firstSeen: o.firstSeen < acc.firstSeen ? o.firstSeen : acc.firstSeen,
      lastSeen: o.lastSeen > acc.lastSeen ? o.lastSeen : acc.lastSeen,
      articleCount: acc.articleCount + o.articleCount,
      profile: mergeProfiles(acc.profile, o.profile),
    }),
    target,
  )
}
