// Extractive incident summary: the few sentences, taken verbatim from the articles, that best
// cover the incident's key entities without repeating each other.
import type { SummarySentence } from '../../core/types.js'
import { cleanHeadline } from '../cluster/title.js'
import { byPublication, collectCandidates } from './candidates.js'
import type { SummaryArticle } from './candidates.js'
import { rankEntities } from './key-entities.js'
import { scoreCandidates } from './scoring.js'
import type { Scored } from './scoring.js'
import { containment, jaccard } from './tokens.js'

export { keyEntities, rankEntities } from './key-entities.js'
export type { RankedEntity } from './key-entities.js'
export type { SummaryArticle } from './candidates.js'

export interface SummarizeOptions {
  /** Upper bound, clamped to 1..4. Fewer are returned when the rest would be weak or repetitive. */
  maxSentences?: number
}

const DEFAULT_MAX = 4
const MIN_SENTENCES = 2
/** MMR trade-off: salience first, redundancy second. */
const LAMBDA = 0.7
/** Above these overlaps two sentences state the same thing; the second is never shown. */
const DUPLICATE_JACCARD = 0.4
const DUPLICATE_CONTAINMENT = 0.8
/** A second sentence from an already used article must beat other sources by this much. */
const SAME_SOURCE_PENALTY = 0.1
/** Past the minimum, stop once the next pick's MMR value drops below this share of the first's. */
const STOP_RATIO = 0.6

export function summarize(
  articles: readonly SummaryArticle[],
  opts: SummarizeOptions = {},
): SummarySentence[] {
  const max = Math.min(4, Math.max(1, opts.maxSentences ?? DEFAULT_MAX))
  const scored = scoreCandidates(collectCandidates(articles), articles, rankEntities(articles))
  const upTo = (tier: number) => scored.filter((c) => c.tier <= tier)
  let picked = selectMmr(upTo(0), [], max, true)
  // Thin incidents (feed blurbs): reach the minimum with complete but imperfect sentences, and
  // show a cut-off blurb only when nothing else exists.
  const target = Math.min(max, MIN_SENTENCES)
  if (picked.length < target) picked = selectMmr(upTo(1), picked, target, false)
  if (picked.length === 0) picked = selectMmr(upTo(2), [], 1, false)
  if (picked.length === 0) return headlineFallback(articles)
  return picked
    .sort((a, b) => a.articleRank - b.articleRank || a.position - b.position)
    .map((c) => ({ text: c.text, articleId: c.articleId, sourceUrl: c.sourceUrl }))
}

function selectMmr(pool: readonly Scored[], seed: Scored[], max: number, early: boolean): Scored[] {
  const selected = [...seed]
  while (selected.length < max) {
    const next = bestNext(pool, selected)
    if (!next) break
    const lead = LAMBDA * (selected[0]?.score ?? next.candidate.score)
    if (early && selected.length >= MIN_SENTENCES && next.value < STOP_RATIO * lead) break
    selected.push(next.candidate)
  }
  return selected
}

function bestNext(
  pool: readonly Scored[],
  selected: readonly Scored[],
): { candidate: Scored; value: number } | null {
  let best: { candidate: Scored; value: number } | null = null
  const usedArticles = new Set(selected.map((s) => s.articleId))
  for (const c of pool) {
    if (selected.includes(c)) continue
    const similarity = maxSimilarity(c, selected)
    if (similarity === null) continue
    const sourcePenalty = usedArticles.has(c.articleId) ? SAME_SOURCE_PENALTY : 0
    const value = LAMBDA * c.score - (1 - LAMBDA) * similarity - sourcePenalty
    if (!best || value > best.value) best = { candidate: c, value }
  }
  return best
}

/** Highest Jaccard with any selected sentence, or null when the candidate is a duplicate. */
function maxSimilarity(c: Scored, selected: readonly Scored[]): number | null {
  let max = 0
  for (const s of selected) {
    const j = jaccard(c.terms, s.terms)
    if (j >= DUPLICATE_JACCARD || containment(c.terms, s.terms) >= DUPLICATE_CONTAINMENT) {
      return null
    }
    max = Math.max(max, j)
  }
  return max
}

/** No usable sentence at all: the earliest headline is still better than an empty summary. */
function headlineFallback(articles: readonly SummaryArticle[]): SummarySentence[] {
  const first = byPublication(articles).find((a) => a.title.trim())
  return first
    ? [{ text: cleanHeadline(first.title), articleId: first.id, sourceUrl: first.url }]
    : []
}
