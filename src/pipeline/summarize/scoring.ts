// Sentence salience: coverage of the incident's key entities, agreement with what the other
// articles say (centrality), lead position and informativeness.
import type { Candidate, SummaryArticle } from './candidates.js'
import type { RankedEntity } from './key-entities.js'
import { containsPhrase, termSet } from './tokens.js'

export interface Scored extends Candidate {
  score: number
}

/** Sentences opening with a connective or pronoun lean on context the summary will not show. */
const DANGLING_START = /^(?:however|but|also|and|so|it|this|that|these|they|he|she|its|such)\b/i

export function scoreCandidates(
  candidates: readonly Candidate[],
  articles: readonly SummaryArticle[],
  entities: readonly RankedEntity[],
): Scored[] {
  const weights = termWeights(articles)
  const centrality = candidates.map((c) => centralityOf(c.terms, weights))
  const maxCentrality = Math.max(1e-9, ...centrality)
  return candidates.map((c, i) => {
    const central = (centrality[i] ?? 0) / maxCentrality
    const position = 1 / (1 + 0.5 * c.position)
    const info = informativeness(c.text)
    const mixed =
      entities.length > 0
        ? 0.4 * coverage(c.text, entities) + 0.25 * central + 0.2 * position + 0.15 * info
        : 0.55 * central + 0.25 * position + 0.2 * info
    const penalty = (DANGLING_START.test(c.text) ? 0.1 : 0) + (/^["“]/.test(c.text) ? 0.05 : 0)
    return { ...c, score: mixed - penalty }
  })
}

/**
 * Share of articles using a term, with headline terms counted again: what the sources agree on
 * is what the incident is about. Works without entity mentions.
 */
function termWeights(articles: readonly SummaryArticle[]): Map<string, number> {
  const weights = new Map<string, number>()
  const n = Math.max(1, articles.length)
  for (const a of articles) {
    for (const t of termSet(`${a.title} ${a.text.slice(0, 5000)}`)) {
      weights.set(t, (weights.get(t) ?? 0) + 1 / n)
    }
    for (const t of termSet(a.title)) weights.set(t, (weights.get(t) ?? 0) + 1 / n)
  }
  return weights
}

function centralityOf(terms: ReadonlySet<string>, weights: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const t of terms) sum += weights.get(t) ?? 0
  // The +5 keeps short sentences from winning on a single shared word.
  return sum / (terms.size + 5)
}

/** Weighted share of the top key entities named in the sentence. */
function coverage(text: string, entities: readonly RankedEntity[]): number {
  const top = entities.slice(0, 6)
  const total = top.reduce((s, e) => s + e.score, 0)
  if (total <= 0) return 0
  const hit = top
    .filter((e) => e.surfaces.some((s) => containsPhrase(text, s)))
    .reduce((s, e) => s + e.score, 0)
  // Naming the two or three main entities is already a full score.
  return Math.min(1, (2 * hit) / total)
}

/** Specifics (numbers, names, ids) in a sentence of readable length. */
function informativeness(text: string): number {
  const words = text.split(/\s+/).filter(Boolean)
  const length = words.length >= 12 && words.length <= 40 ? 1 : 0.5
  const specifics = words.slice(1).filter((w) => /\d/.test(w) || /^["'“(]?\p{Lu}/u.test(w)).length
  return 0.5 * length + 0.5 * Math.min(1, specifics / 4)
}
