// Incident timeline: the dated events the articles state, plus each article's own publication,
// merged across outlets so that one fact reported five times appears once, by its first source.
import type { Article, TimelineEvent } from '../../core/types.js'
import { markTruncation, isBoilerplate, stripFeedFurniture } from '../summarize/boilerplate.js'
import { splitSentences } from '../summarize/sentences.js'
import { containment, jaccard, termSet } from '../summarize/tokens.js'
import { datesInSentence, publicationDay } from './dates.js'
import { cleanHeadline } from './title.js'

export type DatedArticle = Pick<Article, 'id' | 'url' | 'text' | 'title' | 'publishedAt'>
export type TimelineArticle = DatedArticle & { source?: string | null }

const MAX_EVENT_CHARS = 200
/** Dates deep in long articles are background; the cap also bounds chrono's work. */
const MAX_SENTENCES = 80
/**
 * Two events of one incident on the same date are already likely the same fact, so moderate word
 * overlap is enough to merge them ("LiteLLM 1.82.7 was uploaded to PyPI" / "malicious LiteLLM
 * versions were published on PyPI").
 */
const SIMILAR_JACCARD = 0.35
const SIMILAR_CONTAINMENT = 0.6
/** Containment on a handful of words is chance. */
const MIN_CONTAINMENT_TERMS = 4

/**
 * Dated events stated in one article's text. Dates after publication are kept only when the
 * sentence talks about something scheduled (a deadline, a planned patch: "will", "due", "until",
 * "expected" ...); otherwise a future date is a resolution error (a yearless "December 28" read in
 * January) or a typo, and a yearless one is moved back a year.
 */
export function extractDatedEvents(article: DatedArticle): TimelineEvent[] {
  const pubDay = publicationDay(article.publishedAt)
  if (!pubDay) return []
  const sentences = splitSentences(stripFeedFurniture(article.text)).slice(0, MAX_SENTENCES)
  const events: TimelineEvent[] = []
  const seen = new Set<string>()
  let anchor: string | null = null
  sentences.forEach((sentence, i) => {
    // Captions and datelines ("USA TODAY") are not events.
    if (isBoilerplate(sentence) || sentence.split(/\s+/).length < 5) return
    for (const hit of datesInSentence(sentence, pubDay, anchor)) {
      if (hit.precision === 'day') anchor = hit.date
      // One event per date and sentence, even when the sentence states the date twice.
      const key = `${hit.date}|${i}`
      if (seen.has(key)) continue
      seen.add(key)
      const text = eventText(sentence, hit.index)
      events.push({ date: hit.date, text, sourceUrl: article.url, articleId: article.id })
    }
  })
  return events
}

/** All articles' events plus one publication event each, deduplicated, oldest first. */
export function buildTimeline(articles: readonly TimelineArticle[]): TimelineEvent[] {
  const ordered = [...articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
  const events = ordered.flatMap((article) => {
    const published = publicationEvent(article)
    // The article's own sentence goes first: when it restates the headline it is the richer line.
    return [...extractDatedEvents(article), ...(published ? [published] : [])]
  })
  return mergeEvents(
    events,
    ordered.map((a) => a.id),
  )
}

/**
 * Sorts events oldest first and drops restatements: an event is dropped when an event of the same
 * date from an earlier-published article (per `articleOrder`, earliest first) says the same thing.
 * For callers that store per-article events and merge them at read time.
 */
export function mergeEvents(
  events: readonly TimelineEvent[],
  articleOrder: readonly string[],
): TimelineEvent[] {
  const rankOf = new Map(articleOrder.map((id, i) => [id, i]))
  const candidates = events.map((event, order) => ({
    event,
    order,
    rank: rankOf.get(event.articleId) ?? articleOrder.length,
    terms: termSet(stripLead(event)),
  }))
  candidates.sort(
    (a, b) => a.event.date.localeCompare(b.event.date) || a.rank - b.rank || a.order - b.order,
  )
  const kept: typeof candidates = []
  for (const c of candidates) {
    const duplicate = kept.some((k) => k.event.date === c.event.date && similar(k.terms, c.terms))
    if (!duplicate) kept.push(c)
  }
  return kept.map((k) => k.event)
}

/** "<outlet> reports: <headline>" on the publication day. */
export function publicationEvent(article: TimelineArticle): TimelineEvent | null {
  const date = publicationDay(article.publishedAt)
  const title = cleanHeadline(article.title)
  if (!date || !title) return null
  const text = `${outletName(article)} reports: ${title}`
  return { date, text, sourceUrl: article.url, articleId: article.id }
}

function outletName(article: TimelineArticle): string {
  const source = article.source?.trim()
  if (source) return source.replace(/^www\./, '')
  try {
    return new URL(article.url).hostname.replace(/^www\./, '')
  } catch {
    return 'A source'
  }
}

/** "<outlet> reports: " would make every two publication events look alike or unalike. */
function stripLead(event: TimelineEvent): string {
  return event.text.replace(/^.{1,60}? reports: /, '')
}

function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (jaccard(a, b) >= SIMILAR_JACCARD) return true
  return (
    Math.min(a.size, b.size) >= MIN_CONTAINMENT_TERMS && containment(a, b) >= SIMILAR_CONTAINMENT
  )
}

/** The sentence, cut to ~200 characters around the date when it is longer. */
function eventText(sentence: string, dateIndex: number): string {
  const clean = markTruncation(sentence)
  if (clean.length <= MAX_EVENT_CHARS) return clean
  const from = dateIndex < MAX_EVENT_CHARS - 60 ? 0 : wordStart(clean, dateIndex - 80)
  const to = wordEnd(clean, from + MAX_EVENT_CHARS - 2)
  return `${from > 0 ? '…' : ''}${clean.slice(from, to).trim()}${to < clean.length ? '…' : ''}`
}

function wordStart(s: string, i: number): number {
  const space = s.indexOf(' ', Math.max(0, i))
  return space === -1 ? Math.max(0, i) : space + 1
}

function wordEnd(s: string, i: number): number {
  if (i >= s.length) return s.length
  const space = s.lastIndexOf(' ', i)
  return space > 0 ? space : i
}
