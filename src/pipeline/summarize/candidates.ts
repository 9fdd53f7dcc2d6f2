// Turns articles into candidate summary sentences and decides which are fit to show at all.
import type { Article } from '../../core/types.js'
import { isBoilerplate, isTruncated, markTruncation, stripFeedFurniture } from './boilerplate.js'
import { splitSentences } from './sentences.js'
import { termSet } from './tokens.js'

export type SummaryArticle = Pick<
  Article,
  'id' | 'url' | 'title' | 'text' | 'publishedAt' | 'mentions'
>

export interface Candidate {
  text: string
  articleId: string
  sourceUrl: string
  /** Rank of the article by publication time, then sentence index: the reading order. */
  articleRank: number
  position: number
  terms: Set<string>
  /**
   * 0: a good summary sentence; 1: complete but too short, long or list-like; 2: cut off by the
   * feed. Lower tiers only fill in when the better ones run out.
   */
  tier: 0 | 1 | 2
}

/** Only the opening of an article competes: leads carry the facts, tails carry background. */
const MAX_SENTENCES_PER_ARTICLE = 40

export function byPublication<T extends Pick<Article, 'publishedAt'>>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
}

export function collectCandidates(articles: readonly SummaryArticle[]): Candidate[] {
  const out: Candidate[] = []
  byPublication(articles).forEach((article, articleRank) => {
    const sentences = splitSentences(stripFeedFurniture(article.text)).slice(
      0,
      MAX_SENTENCES_PER_ARTICLE,
    )
    sentences.forEach((text, position) => {
      if (!isAcceptable(text)) return
      const tier = isStrict(text) ? 0 : isComplete(text) ? 1 : 2
      const shown = tier === 2 ? withEllipsis(text) : text
      const base = { articleId: article.id, sourceUrl: article.url, articleRank, position }
      out.push({ ...base, text: shown, terms: termSet(text), tier })
    })
  })
  return out
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}

/** The floor every shown sentence must clear, even when the incident has almost no text. */
function isAcceptable(s: string): boolean {
  const words = wordCount(s)
  return words >= 4 && words <= 80 && !s.endsWith('?') && !isBoilerplate(s)
}

/** What a good summary sentence looks like: complete, mid-length, prose rather than a list. */
function isStrict(s: string): boolean {
  const words = wordCount(s)
  if (words < 6 || words > 60 || s.length > 400) return false
  if (!isComplete(s)) return false
  if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(s)) return false
  return !isMostlyList(s, words)
}

function isComplete(s: string): boolean {
  return !isTruncated(s) && /[.!]["'”’)\]]*$/u.test(s)
}

/** Feeds cut blurbs mid-sentence, sometimes without saying so. */
function withEllipsis(s: string): string {
  const marked = markTruncation(s)
  return marked.endsWith('…') ? marked : `${marked.replace(/[\s,;:]+$/u, '')}…`
}

/** "Affected: A, B, C, D, E and F." reads badly as a summary line. */
function isMostlyList(s: string, words: number): boolean {
  const separators = (s.match(/[,;]/g) ?? []).length
  return separators >= 4 && words / (separators + 1) < 4
}
