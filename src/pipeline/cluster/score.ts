// Similarity of an article to an incident: TF-IDF cosine over terms, IDF-weighted entity
// overlap (a shared CVE or victim says more than a shared "Microsoft"), and time decay.
import type { EntityType, Mention } from '../../core/types.js'
import type { IncidentProfile } from './profile.js'

export const TYPE_WEIGHT: Record<EntityType, number> = {
  vulnerability: 3,
  threat_actor: 2,
  malware: 2,
  organization: 1.5,
  software: 1,
}

export interface CorpusStats {
  /** Number of documents the term statistics were counted over. */
  docs: number
  termDf: Map<string, number>
  /** Number of incidents the entity statistics were counted over. */
  incidents: number
  entityDf: Map<string, number>
}

export interface ScoreParts {
  terms: number
  entities: number
  decay: number
  total: number
}

const idf = (df: number, n: number) => Math.log((n + 1) / (df + 1)) + 1

export function termCosine(
  a: Map<string, number>,
  b: Record<string, number>,
  s: CorpusStats,
): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [t, w] of a) {
    const x = w * idf(s.termDf.get(t) ?? 0, s.docs)
    na += x * x
    const bw = b[t]
    if (bw !== undefined) dot += x * bw * idf(s.termDf.get(t) ?? 0, s.docs)
  }
  for (const [t, w] of Object.entries(b)) {
    const y = w * idf(s.termDf.get(t) ?? 0, s.docs)
    nb += y * y
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}

/**
 * Weighted overlap, normalised by both sides (like a cosine): a long article naming ten entities
 * is not diluted away from an incident that has its four key ones, and a one-entity incident
 * ("Microsoft") does not swallow every article that names that entity among many.
 */
export function entityOverlap(mentions: Mention[], p: IncidentProfile, s: CorpusStats): number {
  const weight = (id: string, type: EntityType) =>
    TYPE_WEIGHT[type] * idf(s.entityDf.get(id) ?? 0, s.incidents)
  let shared = 0
  let articleTotal = 0
  for (const m of mentions) {
    const w = weight(m.entityId, m.type)
    articleTotal += w
    const inc = p.entities[m.entityId]
    if (inc) shared += w * Math.min(1, 0.5 + inc[1] / Math.max(1, p.n))
  }
  let incidentTotal = 0
  for (const [id, [type, n]] of Object.entries(p.entities)) {
    incidentTotal += weight(id, type) * Math.min(1, 0.5 + n / Math.max(1, p.n))
  }
  return articleTotal && incidentTotal ? shared / Math.sqrt(articleTotal * incidentTotal) : 0
}

/**
 * Coverage of one event clusters within days; a gap of a few days costs nothing, longer gaps
 * halve the score every `halfLifeDays`, so a story that resurfaces weeks later needs more evidence.
 */
export function timeDecay(
  articleAt: string,
  incidentLastSeen: string,
  halfLifeDays: number,
): number {
  const days = (Date.parse(articleAt) - Date.parse(incidentLastSeen)) / 86_400_000 - GRACE_DAYS
  return days <= 0 ? 1 : Math.pow(0.5, days / halfLifeDays)
}

const GRACE_DAYS = 3

export interface ScoreWeights {
  terms: number
  entities: number
  halfLifeDays: number
}

/** Entity types that name what a headline is about (the victim, product or flaw). */
const SUBJECT_TYPES: ReadonlySet<EntityType> = new Set([
  'organization',
  'software',
  'vulnerability',
])
/** Score kept when none of the headline's subjects is part of the incident. */
const SUBJECT_MISS = 0.8

export interface ScoredArticle {
  terms: Map<string, number>
  mentions: Mention[]
  publishedAt: string
  /** Entities named in the headline; absent when unknown. */
  titleEntityIds?: readonly string[]
}

export function scoreArticle(
  article: ScoredArticle,
  incident: { profile: IncidentProfile; lastSeen: string },
  stats: CorpusStats,
  w: ScoreWeights,
): ScoreParts {
  const terms = termCosine(article.terms, incident.profile.terms, stats)
  const entities = entityOverlap(article.mentions, incident.profile, stats)
  const decay = timeDecay(article.publishedAt, incident.lastSeen, w.halfLifeDays)
  const subject = subjectMiss(article, incident.profile, stats) ? SUBJECT_MISS : 1
  const total = (w.terms * terms + w.entities * entities) * decay * subject
  return { terms, entities, decay, total }
}

/**
 * A headline mostly about a victim, product or CVE the incident has never mentioned is usually a
 * different event, however many entities the body shares: "Backdoored LiteLLM releases on PyPI"
 * names the actor and the Trivy compromise it came from, but it is the next incident in the
 * chain, not more Trivy coverage. "Mostly" by IDF: a common name the incident shares (PyPI)
 * does not outweigh a specific one it lacks (LiteLLM), and the reverse holds for "Meta pauses
 * work with Mercor" joining the Mercor breach.
 */
function subjectMiss(article: ScoredArticle, p: IncidentProfile, s: CorpusStats): boolean {
  const ids = article.titleEntityIds
  if (!ids || ids.length === 0) return false
  let present = 0
  let absent = 0
  for (const m of article.mentions) {
    if (!ids.includes(m.entityId) || !SUBJECT_TYPES.has(m.type)) continue
    const w = idf(s.entityDf.get(m.entityId) ?? 0, s.incidents)
    if (p.entities[m.entityId]) present += w
    else absent += w
  }
  return absent > present
}
