// Which versions a sentence says are affected, read next to one mention of a package: after it
// ("LiteLLM 1.82.7 and 1.82.8", "litellm==1.82.7", "LiteLLM versions prior to 2.3.1") or
// before it with "of"/"for"/"in" ("versions 1.82.7 and 1.82.8 of the litellm package").
// Versions named as the fix ("upgrade to 1.82.9", "fixed in 2.3.1") are not affected ones.
import { parsePhrase, type AffectedSpec, type VersionRange } from './phrase.js'
import type { Tok } from './tokens.js'
import { cleanVersion, compareVersions } from './versions.js'

export type { AffectedSpec, VersionRange }
export type Affected = 'affected' | 'not_affected' | 'unknown'

/** Tokens between the name and its versions, at most ("LiteLLM packages on PyPI, 1.82.7"). */
const MAX_GAP = 4
const FIX_CUE = /^(upgrad|updat|fix|patch|clean|safe|resolv|remediat|latest|migrat|bump)/
const OF_WORDS = new Set(['of', 'for', 'in'])

const hasFixCue = (toks: Tok[], from: number, to: number) =>
  toks.slice(Math.max(0, from), to).some((t) => FIX_CUE.test(t.text))

/** Tokens that may stand between a name and its versions in a tight mention ("litellm package 1.82.7"). */
const TIGHT_GAP = new Set([
  'package',
  'library',
  'module',
  'sdk',
  'version',
  'versions',
  'release',
  'releases',
  'v',
  '(',
  ':',
  ',',
])

function after(toks: Tok[], first: number, before: number): Stated | null {
  for (let j = first; j <= first + MAX_GAP && j < toks.length; j++) {
    if (toks[j]!.text === ';') return null
    const hit = parsePhrase(toks, j)
    if (!hit) continue
    if (hasFixCue(toks, before - 2, j)) return null
    return { spec: hit.spec, adjacent: toks.slice(first, j).every((t) => TIGHT_GAP.has(t.text)) }
  }
  return null
}

function beforeWithOf(toks: Tok[], last: number): Stated | null {
  const p = [0, 1, 2, 3].map((k) => last - k).find((i) => i >= 0 && OF_WORDS.has(toks[i]!.text))
  if (p === undefined) return null
  // The longest phrase ending within two tokens of "of" ("1.82.7 and 1.82.8 releases of").
  let best: { spec: AffectedSpec; start: number } | null = null
  for (let s = p - 1; s >= Math.max(0, p - 16); s--) {
    const hit = parsePhrase(toks, s)
    if (hit && hit.end >= p - 2 && hit.end <= p) best = { spec: hit.spec, start: s }
  }
  if (!best || hasFixCue(toks, best.start - 2, best.start)) return null
  // "of the litellm" is tight; "of the litellm package contained" is not about "contained".
  return { spec: best.spec, adjacent: last - p <= 2 }
}

/** Versions stated next to a mention; `adjacent` when nothing but fillers stands between. */
export interface Stated {
  spec: AffectedSpec
  adjacent: boolean
}

/**
 * Versions stated around a mention spanning `tokens [first, last]` of the sentence (`first`: the
 * first token after the name, `last`: the last one before it).
 */
export function versionsAround(toks: Tok[], first: number, last: number): Stated | null {
  return after(toks, first, last + 1) ?? (last >= 0 ? beforeWithOf(toks, last) : null)
}

export function mergeSpecs(specs: AffectedSpec[]): AffectedSpec {
  const exact = new Set<string>()
  const ranges = new Map<string, VersionRange>()
  for (const s of specs) {
    s.exact.forEach((v) => exact.add(cleanVersion(v)))
    s.ranges.forEach((r) => ranges.set(rangeLabel(r), r))
  }
  return { exact: [...exact], ranges: [...ranges.values()] }
}

export function rangeLabel(r: VersionRange): string {
  if (r.lo && r.hi && r.loInclusive && r.hiInclusive) return `${r.lo} – ${r.hi}`
  const lo = r.lo ? `${r.loInclusive ? '>=' : '>'} ${r.lo}` : ''
  const hi = r.hi ? `${r.hiInclusive ? '<=' : '<'} ${r.hi}` : ''
  return [lo, hi].filter(Boolean).join(', ')
}

/** What users see: exact versions first, then ranges. */
export const specLabels = (s: AffectedSpec) => [...s.exact, ...s.ranges.map(rangeLabel)]

function inRange(v: string, r: VersionRange): boolean | null {
  const lo = r.lo ? compareVersions(v, r.lo) : 1
  const hi = r.hi ? compareVersions(v, r.hi) : -1
  if (lo === null || hi === null) return null
  const aboveLo = r.loInclusive ? lo >= 0 : lo > 0
  const belowHi = r.hiInclusive ? hi <= 0 : hi < 0
  return aboveLo && belowHi
}

/**
 * `affected` when the pinned version is one named or lies in a named range; `not_affected`
 * when versions are named and it is none of them; `unknown` when no version is named, the file
 * pins none (a requirements.txt range), or a range cannot be compared with it.
 */
export function decideAffected(version: string | null, spec: AffectedSpec): Affected {
  if (!version || (spec.exact.length === 0 && spec.ranges.length === 0)) return 'unknown'
  const v = cleanVersion(version)
  if (spec.exact.some((e) => e === v || compareVersions(e, v) === 0)) return 'affected'
  let undecided = false
  for (const r of spec.ranges) {
    const hit = inRange(v, r)
    if (hit) return 'affected'
    if (hit === null) undecided = true
  }
  return undecided ? 'unknown' : 'not_affected'
}
