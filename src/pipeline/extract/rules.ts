// Regex rules that capture a name next to a cue. Each rule says what type the cue implies and
// whether the cue is strong enough ("dubbed X") to accept an ordinary-word name.
import type { EntityType } from '../../core/types.js'
import type { Candidate } from './types.js'
import { acceptName, hasNameShape, trimName } from './names.js'
import { isCommonWord } from './lexicon.js'
import { asDoc, type Doc } from './doc.js'

export interface RuleOptions {
  /** Strong cues accept any proper-cased name; weak ones need a distinctive word. */
  strong?: boolean
  /** Where the name sits relative to its cue: in headlines only the adjacent word is kept. */
  side?: 'before' | 'after' | 'exact'
  /** Optional veto on the trimmed name. */
  keep?: (name: string) => boolean
  /** Lower-case package names ("litellm", "@scope/pkg") are names here. */
  pkg?: boolean
  /** A short label naming the rule in evaluation output. */
  id?: string
  /** Keep a leading place name: it belongs to institutions ("Kansas Heart Hospital"). */
  keepPlaces?: boolean
  /** Drop trailing generic words ("X APT", "X Ransomware"); off for orgs ("Orca Security"). */
  dropGenericTail?: boolean
}

export interface Rule extends Required<Omit<RuleOptions, 'keep'>> {
  type: EntityType
  re: RegExp
  keep?: (name: string) => boolean
}

export const rule = (type: EntityType, source: string, opts: RuleOptions = {}): Rule => ({
  type,
  re: new RegExp(source, 'gdu'),
  strong: opts.strong ?? false,
  side: opts.side ?? 'exact',
  pkg: opts.pkg ?? false,
  id: opts.id ?? type,
  keepPlaces: opts.keepPlaces ?? false,
  dropGenericTail: opts.dropGenericTail ?? (type === 'threat_actor' || type === 'malware'),
  ...(opts.keep ? { keep: opts.keep } : {}),
})

/**
 * A regex alternation from a readable word list: words separated by spaces, `_` standing for
 * the spaces inside a phrase ("referred_to"), regex syntax allowed inside a word ("actors?").
 */
export const alt = (words: string): string =>
  `(?:${words
    .trim()
    .split(/\s+/)
    .map((w) => w.replaceAll('_', String.raw`\s+`))
    .join('|')})`

/** Like alt(), with each word in either initial case: headlines capitalise cue words too. */
export const ci = (words: string): string =>
  alt(
    words
      .trim()
      .split(/\s+/)
      .map((w) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`)
      .join(' '),
  )

/** Strong cues outrank weak ones when two finds overlap; KB hits outrank both (see merge.ts). */
const RANK = { strong: 3, weak: 2 }
const PACKAGE_NAME = /^@?[a-z0-9][a-z0-9._/-]*[a-z0-9]$/
/** English inflections: "withdrawn 1.2.3" and "installations 2.0.1" are prose, not packages. */
const ENGLISH_ENDING = /(?:ed|ing|ions?|ly|ments?|ers?|wn|ware|ity|ness|ies)$/

/**
 * In a headline the capture may run into neighbouring words. Keep the longest part next to the
 * cue that the body also writes ("Symmetry Systems Raises $17.7M"), else the adjacent word.
 */
function headlineName(doc: Doc, raw: string, side: Rule['side']): string {
  if (side === 'exact') return raw
  const words = raw.trim().split(/\s+/)
  for (let n = words.length; n > 1; n--) {
    const part = (side === 'before' ? words.slice(-n) : words.slice(0, n)).join(' ')
    if (inBody(doc, part)) return part
  }
  return (side === 'before' ? words.at(-1) : words[0]) ?? ''
}

function inBody(doc: Doc, phrase: string): boolean {
  for (let i = doc.text.indexOf(phrase); i >= 0; i = doc.text.indexOf(phrase, i + 1)) {
    if (!doc.inTitle(i)) return true
  }
  return false
}

/**
 * Headlines and sentence starts capitalise any word: a name found there must be shaped like a
 * name (HijackLoader, 3AM) or appear capitalised somewhere capitalisation means something.
 */
export function confirmedName(doc: Doc, name: string, offset: number): boolean {
  if (!doc.capsByPosition(offset) || name.split(' ').some(hasNameShape)) return true
  for (let i = doc.text.indexOf(name); i >= 0; i = doc.text.indexOf(name, i + 1)) {
    if (!doc.capsByPosition(i)) return true
  }
  return false
}

function nameFrom(doc: Doc, raw: string, r: Rule, inTitle: boolean): string {
  if (r.pkg && PACKAGE_NAME.test(raw)) {
    // A package name needs a letter and must not be an English word ("the", "version").
    const plainWord = /^[a-z]+$/.test(raw)
    const english = isCommonWord(raw) || (plainWord && ENGLISH_ENDING.test(raw))
    return /[a-z]/.test(raw) && !english && raw.length > 2 ? raw : ''
  }
  const name = trimName(
    inTitle ? headlineName(doc, raw, r.side) : raw,
    r.keepPlaces,
    r.dropGenericTail,
  )
  return acceptName(name, r.strong) && (!r.keep || r.keep(name)) ? name : ''
}

export function applyRules(input: string | Doc, rules: readonly Rule[]): Candidate[] {
  const doc = asDoc(input)
  const text = doc.text
  const out: Candidate[] = []
  for (const r of rules) {
    for (const m of text.matchAll(r.re)) {
      const span = m.indices?.[1]
      const raw = m[1]
      if (!span || raw === undefined) continue
      const name = nameFrom(doc, raw, r, doc.inTitle(span[0]))
      const offset = name ? text.indexOf(name, span[0]) : -1
      const lowerPackage = r.pkg && PACKAGE_NAME.test(name)
      const doubtful = !lowerPackage && (!r.strong || doc.inTitle(offset))
      if (offset < 0 || (doubtful && !confirmedName(doc, name, offset))) continue
      const rank = r.strong ? RANK.strong : RANK.weak
      out.push({ type: r.type, name, surface: name, offset, rank, source: r.id })
    }
  }
  return out
}
