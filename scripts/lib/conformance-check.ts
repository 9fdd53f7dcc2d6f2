// Compares one expected value with what sitrep's parser produced. sitrep stores plain text and
// canonical http(s) URLs, so the comparison is defined on those terms:
// - titles and content: equal after collapsing whitespace, where the expected value may be taken
//   either as text or as HTML (tags stripped, entities decoded by sitrep's own htmlToText);
// - links: equal after canonicalizeUrl (tracking parameters, fragments); expected values that are
//   not absolute http(s) URLs (relative with no base, mailto:) cannot be stored and are skipped;
// - guids: equal after trimming;
// - dates: the same instant to the second (Python time tuples are UTC).
import type { FeedDocument, FeedEntry } from '../../src/pipeline/parse/feed.js'
import { htmlToText } from '../../src/pipeline/parse/html-text.js'
import { canonicalizeUrl } from '../../src/pipeline/parse/url.js'
import type { Category, Check } from './conformance-assertions.js'
import type { PyValue } from './conformance-expect.js'

export type Outcome =
  | { status: 'match' }
  | { status: 'mismatch'; expected: string; actual: string }
  | { status: 'skip'; reason: string }

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim()

function show(value: PyValue | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null)
}

function textMatches(expected: string, actual: string | null): boolean {
  const got = collapse(actual ?? '')
  return got === collapse(expected) || got === collapse(htmlToText(expected))
}

/** Milliseconds of an expected date; null when it is neither a time tuple nor a parseable string. */
function expectedInstant(value: PyValue): number | null {
  if (Array.isArray(value) && value.length >= 6 && value.every((v) => typeof v === 'number')) {
    const [y, mo, d, h, mi, s] = value as number[]
    return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s)
  }
  if (typeof value !== 'string') return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

function actualOf(category: Category, doc: FeedDocument, entry: FeedEntry | null): string | null {
  switch (category) {
    case 'feed title':
      return doc.title
    case 'feed link':
      return doc.siteUrl
    case 'item title':
      return entry?.title ?? null
    case 'item link':
      return entry?.url ?? null
    case 'item guid':
      return entry?.guid ?? null
    case 'item date':
      return entry?.published ?? null
    case 'item content':
      return entry?.text ?? null
  }
}

function compare(check: Check, actual: string | null, base: string): Outcome {
  const { category, expected } = check
  const mismatch = (exp: string): Outcome => ({
    status: 'mismatch',
    expected: exp,
    actual: actual ?? '(none)',
  })
  if (category === 'item date') {
    const ms = expectedInstant(expected)
    if (ms === null) return { status: 'skip', reason: 'expected date is not machine-readable' }
    const got = actual === null ? NaN : Date.parse(actual)
    const ok = Math.floor(got / 1000) === Math.floor(ms / 1000)
    return ok ? { status: 'match' } : mismatch(new Date(ms).toISOString())
  }
  if (typeof expected !== 'string') return { status: 'skip', reason: 'expected value is not text' }
  if (category === 'feed link' || category === 'item link') {
    const url = canonicalizeUrl(expected, base)
    if (url === null) return { status: 'skip', reason: 'expected link is not absolute http(s)' }
    return actual === url ? { status: 'match' } : mismatch(url)
  }
  if (category === 'item guid') {
    return (actual ?? '').trim() === expected.trim() ? { status: 'match' } : mismatch(expected)
  }
  return textMatches(expected, actual) ? { status: 'match' } : mismatch(expected)
}

/** The outcome of one check; a missing entry is a mismatch. */
export function runCheck(check: Check, doc: FeedDocument, base: string): Outcome {
  const entry = check.entry === null ? null : (doc.entries[check.entry] ?? null)
  if (check.entry !== null && entry === null) {
    return {
      status: 'mismatch',
      expected: show(check.expected),
      actual: `(no entry ${check.entry}; ${doc.entries.length} parsed)`,
    }
  }
  return compare(check, actualOf(check.category, doc, entry), base)
}

/** All alternatives tried: the first match wins, else the first mismatch, else a skip. */
export function runChecks(checks: Check[], doc: FeedDocument, base: string): Outcome {
  const outcomes = checks.map((c) => runCheck(c, doc, base))
  return (
    outcomes.find((o) => o.status === 'match') ??
    outcomes.find((o) => o.status === 'mismatch') ??
    (outcomes[0] as Outcome)
  )
}
