// Date expressions in news prose, normalised against the article's publication day. chrono-node
// finds the expressions; the rules below fix what it gets wrong for news (it resolves bare
// weekdays and yearless dates to the *closest* occurrence, which is often after publication,
// and it resolves "two days later" against publication instead of the previous date).
import { casual } from 'chrono-node/en'
import type { ParsedResult } from 'chrono-node/en'

export type DatePrecision = 'day' | 'week' | 'month'

export interface DateHit {
  /** YYYY-MM-DD; week and month precision use the week's Monday or the month's first day. */
  date: string
  precision: DatePrecision
  index: number
}

const DAY_MS = 86_400_000
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
}
/** Steps counted from the previous date in the text: "two days later", "the next day". */
const OFFSET =
  /\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?)\s+(later|earlier)|(?:the\s+)?(next|following|previous)\s+(day)|the\s+(following|previous)\s+(week)|the\s+day\s+(before|after))\b/gi
/** A date after publication survives only in a sentence about something scheduled. */
const FUTURE_CUE =
  /\b(?:deadline|due|until|no later than|scheduled|will|shall|expected|expects?|plans?|planned|set to|must|expires?|expiry|end[- ]of[- ](?:life|support)|effective|upcoming)\b/i
/** How far before a yearless date a cue must be to make it this year's rather than last year's. */
const LOCAL_CUE_CHARS = 60
const MONTH_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i
const RANGE_JOIN = /^\s*(?:and|to|through|until|till|[-–—])\s*$/i

export function publicationDay(publishedAt: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(publishedAt)) return publishedAt.slice(0, 10)
  const t = Date.parse(publishedAt)
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10)
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay()
}

/** Most recent `target` weekday on or before `day` (strictly before when `strict`). */
function previousWeekday(day: string, target: number, strict: boolean): string {
  const back = (weekday(day) - target + 7) % 7
  return addDays(day, back === 0 && strict ? -7 : -back)
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * Dates of one sentence in reading order. `anchor` is the last day-precise date stated before the
 * sentence; "two days later" counts from it and is skipped when there is none.
 */
export function datesInSentence(
  sentence: string,
  pubDay: string,
  anchor: string | null,
): DateHit[] {
  const sentenceCue = FUTURE_CUE.test(sentence)
  const offsets = [...sentence.matchAll(OFFSET)]
  const covered = (i: number) => offsets.some((m) => i >= m.index && i < m.index + m[0].length)
  const results = casual
    .parse(sentence, { instant: new Date(`${pubDay}T12:00:00Z`), timezone: 0 })
    .filter((r) => !covered(r.index))
  const items = [
    ...offsets.map((m) => ({ index: m.index, offset: m })),
    ...results.map((r, i) => ({ index: r.index, chrono: r, next: results[i + 1] })),
  ].sort((a, b) => a.index - b.index)
  const hits: DateHit[] = []
  const skip = new Set<ParsedResult>()
  let last = anchor
  for (const item of items) {
    let hit: Omit<DateHit, 'index'> | null = null
    let cue = sentenceCue
    if ('offset' in item) {
      hit = last ? { date: addDays(last, offsetDays(item.offset)), precision: 'day' } : null
    } else if (!skip.has(item.chrono)) {
      const range = rangePartner(sentence, item.chrono, item.next)
      if (range.isRangeStart && item.next) skip.add(item.next)
      const local = localCue(sentence, item.chrono)
      cue ||= local
      const yearHint =
        range.year ?? statedYear(sentence, item.chrono, pubDay) ?? sameYear(item.chrono, hits)
      hit = resolve(item.chrono, sentence, pubDay, local, yearHint)
    }
    if (!hit || (hit.date > pubDay && !cue) || hit.date < '1990-01-01') continue
    hits.push({ ...hit, index: item.index })
    if (hit.precision === 'day') last = hit.date
  }
  return hits
}

/** "throughout June and into July": a later yearless month continues the previous date's year. */
function sameYear(r: ParsedResult, previous: readonly DateHit[]): number | null {
  const prev = previous.at(-1)
  if (!prev || r.start.isCertain('year')) return null
  const month = r.start.get('month')
  return month !== null && month >= Number(prev.date.slice(5, 7))
    ? Number(prev.date.slice(0, 4))
    : null
}

/** "July last year", "March of this year": the year chrono leaves as a separate result. */
function statedYear(sentence: string, r: ParsedResult, pubDay: string): number | null {
  if (r.start.isCertain('year')) return null
  const m = /^,?\s+(?:of\s+)?(last|this)\s+year\b/i.exec(sentence.slice(r.index + r.text.length))
  if (!m) return null
  return Number(pubDay.slice(0, 4)) - (m[1]!.toLowerCase() === 'last' ? 1 : 0)
}

/**
 * A cue right before the date ("patch due April 15", "must comply by May 1", "next Monday"). A
 * cue elsewhere in a long sentence is too weak to read a yearless date as a future one.
 */
function localCue(sentence: string, r: ParsedResult): boolean {
  const before = sentence.slice(Math.max(0, r.index - LOCAL_CUE_CHARS), r.index)
  return FUTURE_CUE.test(before) || /\bby\s+(?:the\s+)?$/i.test(before) || /^next\b/i.test(r.text)
}

function offsetDays(m: RegExpMatchArray): number {
  const [, count, unit, dir, dayStep, , weekStep, , beforeAfter] = m
  const step = dayStep ?? weekStep
  if (step) return (step.toLowerCase() === 'previous' ? -1 : 1) * (weekStep ? 7 : 1)
  if (beforeAfter) return beforeAfter.toLowerCase() === 'before' ? -1 : 1
  const n = NUMBER_WORDS[count!.toLowerCase()] ?? Number(count)
  return n * (unit!.startsWith('week') ? 7 : 1) * (dir!.toLowerCase() === 'earlier' ? -1 : 1)
}

/** "between May 27 and May 31, 2023": the start borrows the end's year; the end is not an event. */
function rangePartner(
  sentence: string,
  r: ParsedResult,
  next: ParsedResult | undefined,
): { year: number | null; isRangeStart: boolean } {
  if (!next || !RANGE_JOIN.test(sentence.slice(r.index + r.text.length, next.index))) {
    return { year: null, isRangeStart: false }
  }
  const isRangeStart = /\b(?:between|from)\s+$/i.test(sentence.slice(0, r.index))
  const endYear = next.start.isCertain('year') ? next.start.get('year') : null
  if (endYear === null || r.start.isCertain('year')) return { year: null, isRangeStart }
  const wraps = (r.start.get('month') ?? 0) > (next.start.get('month') ?? 0)
  return { year: wraps ? endYear - 1 : endYear, isRangeStart }
}

function resolve(
  r: ParsedResult,
  sentence: string,
  pubDay: string,
  aheadCue: boolean,
  yearHint: number | null,
): Omit<DateHit, 'index'> | null {
  if (isNoise(r, sentence)) return null
  const text = r.text.toLowerCase()
  const s = r.start
  if (/\bweek\b/.test(text)) {
    // "this week" comes back without any certain component: use the publication week's Monday.
    if (!s.isCertain('day')) return { date: previousWeekday(pubDay, 1, false), precision: 'week' }
    return { date: ymd(s.get('year')!, s.get('month')!, s.get('day')!), precision: 'week' }
  }
  if (/\bweekend\b/.test(text)) return { date: previousWeekday(pubDay, 6, false), precision: 'day' }
  if (s.isCertain('day')) return yearFixed(s, pubDay, aheadCue, yearHint, s.get('day')!, 'day')
  if (s.isCertain('weekday')) return { date: weekdayDate(text, r, pubDay), precision: 'day' }
  if (s.isCertain('month')) return yearFixed(s, pubDay, aheadCue, yearHint, 1, 'month')
  if (/\b(?:this (?:morning|afternoon|evening)|tonight)\b/.test(text)) {
    return { date: pubDay, precision: 'day' }
  }
  return null
}

/** A yearless date after publication means last year's, unless the sentence looks ahead. */
function yearFixed(
  s: ParsedResult['start'],
  pubDay: string,
  aheadCue: boolean,
  yearHint: number | null,
  day: number,
  precision: DatePrecision,
): Omit<DateHit, 'index'> {
  const month = s.get('month')!
  let year = yearHint ?? s.get('year')!
  if (!s.isCertain('year') && yearHint === null && !aheadCue) {
    if (ymd(year, month, day) > pubDay) year -= 1
  }
  return { date: ymd(year, month, day), precision }
}

/** Bare weekdays are the most recent one on or before publication; "last" excludes that day. */
function weekdayDate(text: string, r: ParsedResult, pubDay: string): string {
  if (/^(?:next|this)\b/.test(text)) {
    const d = r.start
    return ymd(d.get('year')!, d.get('month')!, d.get('day')!)
  }
  return previousWeekday(pubDay, r.start.get('weekday')!, /^last\b/.test(text))
}

/** chrono matches that are not dates in news prose. */
function isNoise(r: ParsedResult, sentence: string): boolean {
  const text = r.text.trim()
  if (
    r.tags().has('casualReference/now') ||
    /\b(?:now|past|few|several|coming|hours?|minutes?)\b|\bnext\s+(?:\d|two|three)/i.test(text)
  ) {
    return true
  }
  // "six months earlier" counts from an unknown event, not from publication.
  if (r.tags().has('result/relativeDate') && /\b(?:earlier|later|after|before)\b/i.test(text)) {
    return true
  }
  // Opening hours ("Monday through Friday") and durations ("within a week") are not events.
  if (r.end && !r.start.isCertain('day') && r.start.isCertain('weekday')) return true
  const lead = sentence.slice(0, r.index)
  if (/\b(?:within|for|every|per)\s+$/i.test(lead) || /^(?:within|for|over)\b/i.test(text)) {
    return true
  }
  // Slash and dotted numbers are versions and scores ("9.8/10", "17.12.04") unless they carry a
  // four-digit year.
  const slash = r.tags().has('parser/SlashDateFormatParser')
  if (slash && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text)) return true
  const before = sentence[r.index - 1] ?? ' '
  if (/[\p{L}\p{N}_.]/u.test(before) || (before === '-' && /^\d/.test(text))) return true
  const month = MONTH_WORD.exec(text)
  if (month && /^\p{Ll}/u.test(month[0]) && !/^\d/.test(text)) return true // "may", "march"
  if (/^(?:on\s+)?(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/i.test(text)) return true
  // "Patch Tuesday" names a release cycle, not the day something happened.
  return /\bpatch\s+$/i.test(lead) && /^tuesday$/i.test(text)
}
