// Totals and the printed report for `npm run conformance`.
import { CATEGORIES, type Category } from './conformance-assertions.js'
import type { Judged } from './conformance-expectations.js'
import type { FileResult } from './conformance-run.js'

export interface Totals {
  files: number
  parsed: number
  rejected: number
  crashed: number
  seen: number
  checkable: number
  matched: number
  /** Checkable assertions about entries ingest drops for want of an http(s) URL. */
  onDropped: number
  byCategory: Map<Category, { checkable: number; matched: number }>
  /** Why assertions were not checkable, with counts. */
  unchecked: Map<string, number>
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)

export function totals(results: FileResult[], judged: Judged[]): Totals {
  const t: Totals = {
    files: results.length,
    parsed: results.filter((r) => r.status === 'parsed').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
    crashed: results.filter((r) => r.status === 'crashed').length,
    seen: judged.length,
    checkable: 0,
    matched: 0,
    onDropped: 0,
    byCategory: new Map(CATEGORIES.map((c) => [c, { checkable: 0, matched: 0 }])),
    unchecked: new Map(),
  }
  for (const j of judged) {
    const { assertion, outcome } = j
    if (assertion.kind === 'unchecked') bump(t.unchecked, assertion.label)
    else if (outcome?.status === 'skip') bump(t.unchecked, `(skipped) ${outcome.reason}`)
    else {
      const category = assertion.alternatives[0]?.category as Category
      const row = t.byCategory.get(category) as { checkable: number; matched: number }
      const matched = outcome?.status === 'match' ? 1 : 0
      row.checkable++
      row.matched += matched
      t.checkable++
      t.matched += matched
      if (j.droppedEntry) t.onDropped++
    }
  }
  return t
}

export const percent = (n: number, d: number): string =>
  d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`

export function summaryLine(t: Totals): string {
  return (
    `conformance: ${t.files} files, ${t.parsed} parsed, ${t.rejected} rejected, ${t.crashed} crashed; ` +
    `expectations ${t.matched}/${t.checkable} matched (${percent(t.matched, t.checkable)})`
  )
}

/** One mismatch as a few readable lines. */
export function describeMismatch(j: Judged): string {
  const o = j.outcome
  if (o?.status !== 'mismatch' || j.assertion.kind !== 'checkable') return ''
  const category = j.assertion.alternatives[0]?.category ?? ''
  const clip = (s: string) => JSON.stringify(s.length > 300 ? `${s.slice(0, 300)}…` : s)
  return [
    `${j.path} [${category}]${j.droppedEntry ? ' (entry has no URL)' : ''}`,
    `  assert:   ${j.assertion.source.slice(0, 300)}`,
    `  expected: ${clip(o.expected)}`,
    `  actual:   ${clip(o.actual)}`,
  ].join('\n')
}

const SHOWN_UNCHECKED = 25

/** Every not-checkable label with its count, most frequent first. */
export function uncheckedLines(t: Totals): string[] {
  return [...t.unchecked]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, n]) => `  ${String(n).padStart(5)}  ${label}`)
}

/** The report body printed before the summary line. */
export function reportLines(t: Totals, results: FileResult[]): string[] {
  const lines = [
    `assertions: ${t.seen} seen, ${t.checkable} checkable, ${t.matched} matched (${percent(t.matched, t.checkable)})`,
    `  of the checkable, ${t.onDropped} are about entries without an http(s) URL (ingest skips those)`,
    'per category (matched/checkable):',
  ]
  for (const [category, row] of t.byCategory) {
    lines.push(
      `  ${category.padEnd(13)} ${`${row.matched}/${row.checkable}`.padStart(11)}  ${percent(row.matched, row.checkable)}`,
    )
  }
  const unchecked = uncheckedLines(t)
  const rest = unchecked.slice(SHOWN_UNCHECKED)
  const restCount = [...t.unchecked.values()].sort((a, b) => b - a).slice(SHOWN_UNCHECKED)
  lines.push(
    `not checkable: ${t.seen - t.checkable} (sitrep does not model the field, or the value cannot be compared):`,
    ...unchecked.slice(0, SHOWN_UNCHECKED),
  )
  if (rest.length > 0) {
    const n = restCount.reduce((a, b) => a + b, 0)
    lines.push(
      `  ${String(n).padStart(5)}  in ${rest.length} more labels (all in the mismatches file)`,
    )
  }
  const reasons = new Map<string, number>()
  for (const r of results) {
    if (r.status !== 'parsed')
      bump(reasons, `${r.status}: ${(r.reason ?? '').replace(/\d+/g, 'N')}`)
  }
  lines.push('rejections and crashes by reason:')
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${String(n).padStart(5)}  ${reason}`)
  }
  return lines
}
