// What a discovered name may look like. Pattern extractors capture a few capitalised words
// next to a cue; these helpers trim the capture to the name and reject what is not one.
import {
  isCommonWord,
  isFirstName,
  isGenericWord,
  isLocality,
  isPlace,
  isStopWord,
} from './lexicon.js'

/** One name word: capitalised, digit-led (8Base, 3AM) or inner-capital (iPhone, vCenter). */
export const NAME_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\p{N}$&_]*|\p{Ll}+[\p{Lu}\d][\p{L}\p{N}$_]*)(?:[-.][\p{L}\p{N}$]+)*(?:\(\d+\))?`
/** Up to four name words, "of", "for" or "&" allowed inside ("Bank of America"). */
export const NAME = String.raw`${NAME_WORD}(?:[ \u00A0](?:(?:of|&|for|de)[ \u00A0])?${NAME_WORD}){0,3}`
/** Optional quote around a name. */
export const Q = `["'“”‘’«»]?`

/**
 * Shaped like a coined name whatever the capitalisation around it: an inner capital next to
 * lower case (HDInsight, iPhone, LockBit) or letters mixed with digits (3AM, S7, Cl0p).
 */
export function hasNameShape(word: string): boolean {
  // Capitals after a hyphen are Title Case compounds ("Third-Party"), not coined names.
  const innerCap = word
    .split('-')
    .some((part) => /\p{Ll}/u.test(part) && /\p{Lu}/u.test(part.slice(1)))
  return innerCap || /\p{L}[-_.]?\d|\d\p{L}/u.test(word)
}

/** Inflections of English words: "Encrypted", "Compromised", "Malicious" are not names. */
const ENGLISH_SUFFIX =
  /(?:[^e]ed|ing|(?<!f)ly|ous|ive|ful|less|able|ible|ment|ness|tion|sion|ity|ism|ize|ise)$/iu

/** Distinctive on its own: mixed case inside, digits, or not an English word. */
export function isDistinctive(word: string): boolean {
  if (word.length < 2 || isGenericWord(word)) return false
  if (/^\p{Lu}?\p{Ll}+$/u.test(word) && ENGLISH_SUFFIX.test(word)) return false
  if (word.includes('-')) return word.split('-').some((part) => part && isDistinctive(part))
  if (/\d/.test(word) && /\p{L}/u.test(word)) return true
  if (/^\p{Lu}?\p{Ll}+\p{Lu}/u.test(word)) return true
  if (word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word)) {
    return !isStopWord(word) && !isGenericWord(word)
  }
  return !isCommonWord(word) && !isGenericWord(word) && !isPlace(word)
}

const isNameWord = (w: string) => /^[\p{Lu}\d]/u.test(w) || /^\p{Ll}+[\p{Lu}\d]/u.test(w)
/** Lower-case words inside names: "Bank of America", "Ministry of the Interior". */
const isJoiner = (w: string) => ['of', 'and', '&', 'for', 'de', 'the'].includes(w)
/** "Russia-based", "Python-written": descriptions, not names. */
const DESCRIPTOR = new RegExp(
  `-(?:${`based linked backed sponsored aligned nexus themed written related focused speaking
  affiliated owned mimicking like style powered enabled driven compatible infected targeting
  hosted borne specific only`
    .split(/\s+/)
    .join('|')})$`,
  'iu',
)
/** Platform words that qualify a name rather than belong to it: "SprySOCKS Linux backdoor". */
const PLATFORMS = new Set(
  'linux windows android macos ios mac python go golang rust java javascript powershell php'.split(
    ' ',
  ),
)
/** "800k", "2023", "27": counts and years run into names in headlines. */
const NUMBER = /^\d+(?:[.,]\d+)?(?:k|m|bn|b|th|st|nd|rd|s|%)?$/iu
/** "Pro-Russia", "anti-Western": stances, not names. */
const STANCE = /^(?:pro|anti|non|ex)-/iu
const isFiller = (w: string) =>
  isStopWord(w) ||
  isPlace(w) ||
  DESCRIPTOR.test(w) ||
  STANCE.test(w) ||
  NUMBER.test(w) ||
  /^[\p{P}]+$/u.test(w)

/**
 * Trims a captured phrase to its name: leading and trailing fillers (articles, nationalities,
 * "The", "New") and possessives go. Returns '' when nothing name-like is left.
 */
export function trimName(raw: string, keepPlaces = false, dropGenericTail = false): string {
  let words = raw
    .replace(/['’]s$/u, '')
    .split(/\s+/)
    .map((w) => w.replace(/^["'“”‘’«»(_*]+|["'“”‘’«»,.:;!?_*]+$/gu, ''))
    .map((w) => (w.endsWith(')') && !w.includes('(') ? w.slice(0, -1) : w))
    .filter(Boolean)
  const all = words
  // Institutions carry their place ("Colorado Department of Transportation") unless the rest
  // is specific on its own ("UK Greater Manchester Police").
  const specificRest = (rest: string[]) => rest.some((w) => isDistinctive(w) && !isPlace(w))
  const leadFiller = (w: string, rest: string[]) => {
    if (!keepPlaces || !isPlace(w) || isStopWord(w)) return isFiller(w)
    return !isLocality(w) && specificRest(rest)
  }
  while (words.length && (leadFiller(words[0]!, words.slice(1)) || isJoiner(words[0]!))) {
    words = words.slice(1)
  }
  const lastIsFiller = (w: string) =>
    isFiller(w) ||
    isJoiner(w) ||
    PLATFORMS.has(w.toLowerCase()) ||
    (dropGenericTail && isGenericWord(w))
  // "Central Bank of Russia", "City of Atlanta": a place after "of" is the institution's own.
  const ownPlace = (ws: string[]) =>
    keepPlaces && ws.length > 2 && isPlace(ws.at(-1)!) && /^(?:of|for)$/u.test(ws.at(-2)!)
  while (words.length > 1 && !ownPlace(words) && lastIsFiller(words.at(-1)!)) {
    words = words.slice(0, -1)
  }
  if (words.length === 1 && isFiller(words[0]!)) words = []
  // "Turkish Crime Family": a nationality is part of a name made of ordinary words.
  if (words.length && words.every((w) => isCommonWord(w) || isJoiner(w))) {
    const lead = all.slice(0, all.indexOf(words[0]!)).filter((w) => isPlace(w) && !isStopWord(w))
    if (lead.length === 1) words = [lead[0]!, ...words]
  }
  if (!words.every((w) => isNameWord(w) || isJoiner(w))) return ''
  return words.join(' ')
}

/** Institutions named after a person: "Henry Ford Hospital", "John Hopkins University". */
const NAMED_AFTER = new Set(
  `hospital university college school foundation institute center centre museum library clinic
  academy trust`.split(/\s+/),
)

/** A trimmed name worth keeping: not a year, not only ordinary words unless `strong`. */
export function acceptName(name: string, strong: boolean): boolean {
  if (!name || name.length < 2 || name.length > 60) return false
  if (/^\d+$/.test(name) || isPlace(name)) return false
  const words = name.split(' ').filter((w) => !isJoiner(w))
  // "Alex Ionescu": people are never entities in the GUIDE's sense; "Henry Ford Hospital" is.
  const person = words.length >= 2 && words.length <= 3 && isFirstName(words[0]!)
  if (person && !NAMED_AFTER.has(words.at(-1)!.toLowerCase())) return false
  // Even a strong cue needs one word that is not a place or generic ("Italian ISP" is not a name).
  const named = (w: string) => !isPlace(w) && !isGenericWord(w) && !isStopWord(w)
  if (strong) return words.some(named)
  return words.some(isDistinctive)
}
