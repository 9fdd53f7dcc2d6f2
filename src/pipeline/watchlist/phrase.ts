// A small grammar for how advisories and news state affected versions, read from tokens:
//   list   "1.82.7 and 1.82.8", "1.82.7, 1.82.8 or v1.82.9", "litellm==1.82.7"
//   range  "1.82.0 through 1.82.8", "between 1.0 and 1.5", "from 2.0 to 2.3"
//   bound  "prior to 2.3.1", "before 2.3.1", "< 2.3.1", "up to 2.3.1", "2.3.1 and earlier",
//          ">= 1.0", "1.0 and later"; a lower and an upper bound joined by "," or "and" intersect.
import type { Tok } from './tokens.js'

export interface VersionRange {
  lo: string | null
  loInclusive: boolean
  hi: string | null
  hiInclusive: boolean
}

export interface AffectedSpec {
  exact: string[]
  ranges: VersionRange[]
}

type Item = { exact: string } | { range: VersionRange }

/** Words that may stand before a version inside a phrase ("versions 1.82.7 and 1.82.8"). */
const FILLER = new Set(['version', 'versions', 'release', 'releases', 'build', 'builds', 'v'])
const RANGE_TO = new Set(['through', 'thru', 'to', 'until', '-', '–', '—'])
const SEPARATORS = new Set([',', 'and', 'or', '&', '/'])

/** Bound keywords (one or two words) -> [side, inclusive]. */
const BOUNDS: [string[], 'hi' | 'lo', boolean][] = [
  [['prior', 'to'], 'hi', false],
  [['earlier', 'than'], 'hi', false],
  [['older', 'than'], 'hi', false],
  [['lower', 'than'], 'hi', false],
  [['before'], 'hi', false],
  [['below'], 'hi', false],
  [['<'], 'hi', false],
  [['up', 'to'], 'hi', true],
  [['<='], 'hi', true],
  [['≤'], 'hi', true],
  [['later', 'than'], 'lo', false],
  [['newer', 'than'], 'lo', false],
  [['higher', 'than'], 'lo', false],
  [['after'], 'lo', false],
  [['above'], 'lo', false],
  [['>'], 'lo', false],
  [['>='], 'lo', true],
  [['≥'], 'lo', true],
  [['since'], 'lo', true],
]
const DOWNWARD = new Set(['earlier', 'older', 'below', 'prior', 'lower', 'before'])
const UPWARD = new Set(['later', 'newer', 'above', 'higher', 'up'])

const bound = (side: 'hi' | 'lo', v: string, inclusive: boolean): Item => ({
  range:
    side === 'hi'
      ? { lo: null, loInclusive: false, hi: v, hiInclusive: inclusive }
      : { lo: v, loInclusive: inclusive, hi: null, hiInclusive: false },
})

/** The version token at i, after skipping fillers; [version, next index] or null. */
function versionAt(toks: Tok[], i: number): [string, number] | null {
  while (toks[i] && FILLER.has(toks[i]!.text)) i++
  const t = toks[i]
  return t?.kind === 'version' ? [t.text, i + 1] : null
}

const wordsAt = (toks: Tok[], i: number, words: string[]) =>
  words.every((w, k) => toks[i + k]?.text === w)

function boundItem(toks: Tok[], i: number): [Item, number] | null {
  for (const [words, side, inclusive] of BOUNDS) {
    if (!wordsAt(toks, i, words)) continue
    let j = i + words.length
    // "up to and including 2.3.1"
    if (words[0] === 'up' && wordsAt(toks, j, ['and', 'including'])) j += 2
    const v = versionAt(toks, j)
    if (v) return [bound(side, v[0], inclusive), v[1]]
  }
  return null
}

/** One item starting at i (fillers first), or null. */
export function parseItem(toks: Tok[], i: number): [Item, number] | null {
  while (toks[i] && FILLER.has(toks[i]!.text)) i++
  const t = toks[i]
  if (!t) return null
  if (t.text === 'between') {
    const a = versionAt(toks, i + 1)
    const b = a && toks[a[1]]?.text === 'and' ? versionAt(toks, a[1] + 1) : null
    if (a && b)
      return [{ range: { lo: a[0], loInclusive: true, hi: b[0], hiInclusive: true } }, b[1]]
    return null
  }
  if (t.text === '==' || t.text === '=' || t.text === 'from') {
    const v = versionAt(toks, i + 1)
    if (!v) return null
    if (t.text !== 'from') return [{ exact: v[0] }, v[1]]
    return versionSuffix(toks, v[0], v[1]) ?? [bound('lo', v[0], true), v[1]]
  }
  const b = boundItem(toks, i)
  if (b) return b
  return t.kind === 'version'
    ? (versionSuffix(toks, t.text, i + 1) ?? [{ exact: t.text }, i + 1])
    : null
}

/** "1.0 through 1.5", "2.3.1 and earlier", "1.0 or later" after a version. */
function versionSuffix(toks: Tok[], v: string, i: number): [Item, number] | null {
  const next = toks[i]?.text ?? ''
  if (RANGE_TO.has(next)) {
    const to = versionAt(toks, i + 1)
    if (to) return [{ range: { lo: v, loInclusive: true, hi: to[0], hiInclusive: true } }, to[1]]
  }
  if (next === 'and' || next === 'or') {
    const dir = toks[i + 1]?.text ?? ''
    if (DOWNWARD.has(dir)) return [bound('hi', v, true), i + 2]
    if (UPWARD.has(dir)) return [bound('lo', v, true), i + 2]
  }
  return null
}

/** Merges "a lower bound, and an upper bound" into one range. */
function intersect(a: Item, b: Item): Item | null {
  if (!('range' in a) || !('range' in b)) return null
  const [x, y] = [a.range, b.range]
  if (x.hi === null && y.lo === null && x.lo !== null && y.hi !== null)
    return { range: { lo: x.lo, loInclusive: x.loInclusive, hi: y.hi, hiInclusive: y.hiInclusive } }
  if (x.lo === null && y.hi === null && x.hi !== null && y.lo !== null) return intersect(b, a)
  return null
}

/** A whole phrase from i: items joined by separators; null when no item starts there. */
export function parsePhrase(toks: Tok[], i: number): { spec: AffectedSpec; end: number } | null {
  const first = parseItem(toks, i)
  if (!first) return null
  const items: Item[] = [first[0]]
  let end = first[1]
  for (;;) {
    let j = end
    const sep = toks[j]?.text ?? ''
    if (!SEPARATORS.has(sep)) break
    j++
    if (sep === ',' && SEPARATORS.has(toks[j]?.text ?? '')) j++
    const next = parseItem(toks, j)
    if (!next) break
    const merged = sep !== 'or' ? intersect(items[items.length - 1]!, next[0]) : null
    if (merged) items[items.length - 1] = merged
    else items.push(next[0])
    end = next[1]
  }
  const spec: AffectedSpec = { exact: [], ranges: [] }
  for (const item of items) {
    if ('exact' in item) spec.exact.push(item.exact)
    else spec.ranges.push(item.range)
  }
  return { spec, end }
}
