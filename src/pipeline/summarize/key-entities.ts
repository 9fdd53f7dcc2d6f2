// Which entities an incident is "about": the ones most of its articles name, most often, with the
// types a reader follows (actor, CVE, malware, victim) ahead of incidental products and vendors.
import type { Article, EntityType } from '../../core/types.js'
import { containsPhrase } from './tokens.js'

export type EntityArticle = Pick<Article, 'id' | 'title' | 'mentions'>

export interface RankedEntity {
  entityId: string
  name: string
  type: EntityType
  /** Name plus every surface form seen, for matching in sentences and headlines. */
  surfaces: string[]
  score: number
}

const TYPE_WEIGHT: Record<EntityType, number> = {
  threat_actor: 1.5,
  vulnerability: 1.4,
  malware: 1.4,
  organization: 1,
  software: 0.8,
}

/** An organisation named in a headline is most often the victim, so it ranks with actors. */
const HEADLINE_ORG_BOOST = 1.5
const HEADLINE_BOOST = 1.2
/** Pattern-discovered names are noisier than known entities. */
const DISCOVERED_FACTOR = 0.8

interface Tally {
  name: string
  type: EntityType
  surfaces: Set<string>
  articles: Set<string>
  count: number
  inHeadline: boolean
  discovered: boolean
}

export function rankEntities(articles: readonly EntityArticle[]): RankedEntity[] {
  const tallies = tallyMentions(articles)
  const ranked = [...tallies].map(([entityId, t]) => ({
    entityId,
    name: t.name,
    type: t.type,
    surfaces: [...t.surfaces],
    score: scoreTally(t),
  }))
  return ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
}

/** Top `n` entity ids by the weighting above. */
export function keyEntities(articles: readonly EntityArticle[], n: number): string[] {
  return rankEntities(articles)
    .slice(0, Math.max(0, n))
    .map((e) => e.entityId)
}

function tallyMentions(articles: readonly EntityArticle[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>()
  for (const article of articles) {
    for (const m of article.mentions) {
      const t = tallies.get(m.entityId) ?? newTally(m.name, m.type, m.discovered)
      t.articles.add(article.id)
      t.count += Math.max(1, m.count)
      t.surfaces.add(m.name)
      if (m.surface) t.surfaces.add(m.surface)
      t.discovered &&= m.discovered
      tallies.set(m.entityId, t)
    }
  }
  for (const t of tallies.values()) {
    t.inHeadline = articles.some((a) => [...t.surfaces].some((s) => containsPhrase(a.title, s)))
  }
  return tallies
}

function newTally(name: string, type: EntityType, discovered: boolean): Tally {
  const surfaces = new Set<string>()
  return { name, type, surfaces, articles: new Set(), count: 0, inHeadline: false, discovered }
}

function scoreTally(t: Tally): number {
  // Article spread dominates; raw repetition only breaks ties between equally spread entities.
  const base = t.articles.size + 0.25 * Math.log2(1 + t.count)
  const headline = t.inHeadline
    ? t.type === 'organization'
      ? HEADLINE_ORG_BOOST
      : HEADLINE_BOOST
    : 1
  return base * TYPE_WEIGHT[t.type] * headline * (t.discovered ? DISCOVERED_FACTOR : 1)
}
