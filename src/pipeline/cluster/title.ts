// Incident title: the headline that best stands for all of the incident's headlines, cleaned of
// outlet suffixes and attention-grabbing prefixes.
import type { Article } from '../../core/types.js'
import { rankEntities } from '../summarize/key-entities.js'
import { containsPhrase, jaccard, termSet } from '../summarize/tokens.js'

export type TitleArticle = Pick<Article, 'id' | 'title' | 'mentions'>

const MAX_LENGTH = 120
/** Scores this close to the best count as a tie, and the shortest tied headline wins. */
const TIE_RATIO = 0.97
const PREFIX =
  /^\s*(?:\[?(?:breaking(?: news)?|exclusive|updated?|urgent|alert|just in|watch|video|podcast|opinion|analysis|live)\]?\s*[:|–—-]\s*)+/i
const BRACKET_TAG = /\s*\[(?:updated?|update \d+|video|podcast|sponsored)\]\s*/gi
const SUFFIX_SEPARATOR = /\s+[|–—-]\s+|\s+::\s+/g

/** Headline without " - BleepingComputer" / " | SecurityWeek" tails or "Breaking:" heads. */
export function cleanHeadline(title: string): string {
  let out = title.replace(/\s+/g, ' ').replace(BRACKET_TAG, ' ').replace(PREFIX, '').trim()
  for (let i = 0; i < 2; i++) {
    const stripped = stripSuffix(out)
    if (stripped === out) break
    out = stripped
  }
  return truncate(out)
}

/** Drops the last " - X" segment when X looks like an outlet or section name. */
function stripSuffix(title: string): string {
  const separators = [...title.matchAll(SUFFIX_SEPARATOR)]
  const last = separators.at(-1)
  if (!last) return title
  const head = title.slice(0, last.index).trim()
  const tail = title.slice(last.index + last[0].length).trim()
  const tailWords = tail.split(' ')
  const looksLikeOutlet =
    tail.length <= 32 &&
    tailWords.length <= 4 &&
    tailWords.every((w) => /^[\p{Lu}\p{N}]|^\S+\.\p{L}{2,}$/u.test(w))
  return looksLikeOutlet && head.split(' ').length >= 3 ? head : title
}

function truncate(title: string): string {
  if (title.length <= MAX_LENGTH) return title
  const cut = title.slice(0, MAX_LENGTH - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`
}

/**
 * `keyEntities` are entity ids (as `keyEntities()` returns) or plain names; when omitted they are
 * ranked from the articles' mentions.
 */
export function incidentTitle(
  articles: readonly TitleArticle[],
  keyEntities?: readonly string[],
): string {
  const all = articles.map((a) => cleanHeadline(a.title)).filter(Boolean)
  const headlines = [...new Set(all)]
  if (headlines.length === 0) return 'Untitled incident'
  const names = entitySurfaces(articles, keyEntities)
  const allTerms = all.map((h) => termSet(h))
  const scores = headlines.map((h) => {
    const own = termSet(h)
    // Agreement with every other article's headline; a repeated headline agrees with itself.
    const shared = allTerms.reduce((s, t) => s + jaccard(own, t), 0) - jaccard(own, own)
    const entityHits = names.reduce((s, n, rank) => s + (hits(h, n) ? 1 / (rank + 2) : 0), 0)
    const question = h.endsWith('?') ? 0.8 : 1
    return (shared + entityHits) * question
  })
  const best = Math.max(...scores)
  const tied = headlines.filter((_, i) => (scores[i] ?? 0) >= best * TIE_RATIO)
  return tied.reduce((a, b) => (b.length < a.length ? b : a))
}

function hits(headline: string, surfaces: readonly string[]): boolean {
  return surfaces.some((s) => containsPhrase(headline, s))
}

/** Surface forms per key entity, in rank order. */
function entitySurfaces(
  articles: readonly TitleArticle[],
  keyEntities: readonly string[] | undefined,
): string[][] {
  const ranked = rankEntities(articles)
  if (!keyEntities) return ranked.slice(0, 5).map((e) => e.surfaces)
  const byId = new Map(ranked.map((e) => [e.entityId, e.surfaces]))
  return keyEntities.map((k) => byId.get(k) ?? [k])
}
