// Case and context rules for aliases that are also ordinary words: "the Play ransomware gang"
// is a name, "kids play games" is not, and neither is "Royal" in "Royal Mail" nor "moveit" in
// a link.
import type { EntityType } from '../../core/types.js'
import type { Token } from './tokenize.js'
import { CUES, isCommonWord, isGenericWord } from './lexicon.js'

/**
 * fold: any case. cap: capitalised. exact: as written. ambiguous: as written, plus a cue.
 * ambiguous-cap: capitalised, plus a cue (a file wrote it in lower case: "play", "core").
 */
export type AliasMode = 'fold' | 'cap' | 'exact' | 'ambiguous' | 'ambiguous-cap'

export const needsCue = (mode: AliasMode): boolean =>
  mode === 'ambiguous' || mode === 'ambiguous-cap'

const WINDOW = 2
const SENTENCE_END = new Set(['.', '!', '?', ';', '\n'])
/** The first letter is a capital: "Play", "8Base", "3AM"; punctuation has no case. */
const capitalised = (t: Token | undefined) =>
  t !== undefined && (!/\p{L}/u.test(t.text) || /^[^\p{L}]*\p{Lu}/u.test(t.text))

export function caseMatches(mode: AliasMode, words: string[], tokens: Token[], i: number): boolean {
  const end = i + words.length
  if (insideAddress(tokens, i, end)) return false
  if (words.some((w) => /\d/u.test(w)) && insideVersion(tokens, i, end)) return false
  if (needsCue(mode) && partOfLongerName(tokens, i, end)) return false
  if (mode === 'fold') return true
  if (mode === 'cap') return words.every((_, k) => capitalised(tokens[i + k]))
  // "Play ransomware" for "play ransomware": the generic word keeps its lower case.
  if (mode === 'ambiguous-cap') {
    return words.every((w, k) => capitalised(tokens[i + k]) || isGenericWord(w))
  }
  return words.every((w, k) => {
    const t = tokens[i + k]
    if (!t) return false
    // ALL CAPS headlines keep the name but lose its case.
    return (
      t.text === w || (t.titleLine && t.text === t.text.toUpperCase() && t.key === w.toLowerCase())
    )
  })
}

/** The token exists, follows the previous one without a space, and reads `text`. */
const glued = (t: Token | undefined, text?: RegExp) =>
  t !== undefined && !t.spaceBefore && (text === undefined || text.test(t.text))

/** Top-level domains that mark a run of characters as a host name. */
const TLD = String.raw`(?:com|net|org|io|gov|edu|mil|info|biz|xyz|top|onion|co|uk|us|eu|de|fr|ru|cn|jp|kr|in|ir|su|me|app|dev|ly)`
/** Extensions that make a run of characters a file name. */
const FILE = String.raw`(?:zip|rar|7z|exe|dll|bat|ps1|lnk|iso|msi|jar|apk|vbs|hta)`
const ADDRESS = new RegExp(
  String.raw`://|^www\.|[\p{L}\p{N}-]\.(?:${TLD}|${FILE})(?![\p{L}\p{N}])|@\S+\.`,
  'iu',
)

/**
 * "https://example.com/moveit-transfer-guide", "play.google.com", "lockbit@onionmail.org",
 * "POC_CL0P_HUNTERS.zip": the GUIDE does not label addresses and file names, and a name inside
 * one (or joined to an identifier by "_") is not a mention of it.
 */
export function insideAddress(tokens: Token[], start: number, end: number): boolean {
  const joined = glued(tokens[start]) && tokens[start - 1]?.text === '_'
  if (joined || glued(tokens[end], /^_$/u)) return true
  let s = start
  while (s > 0 && !tokens[s]!.spaceBefore) s--
  let e = end
  while (e < tokens.length && !tokens[e]!.spaceBefore) e++
  // A name written on its own ("Node.js", "ALPHV/BlackCat") is no address.
  if (s === start && e === end) return false
  return ADDRESS.test(
    tokens
      .slice(s, e)
      .map((t) => t.text)
      .join(''),
  )
}

/**
 * "v1.APT28.2", "FIN7.1", "TA505-1.2", "build 2.UNC3944": a code with digits inside a version
 * string or file name is part of that string, not a tracked actor.
 */
export function insideVersion(tokens: Token[], start: number, end: number): boolean {
  const [a, b, c] = [tokens[end], tokens[end + 1], tokens[end + 2]]
  const dottedAfter = glued(a, /^\.$/u) && glued(b, /^\d/u)
  const dashedAfter = glued(a, /^-$/u) && glued(b, /^\d+$/u) && glued(c, /^\.$/u)
  const dottedBefore =
    glued(tokens[start]) &&
    glued(tokens[start - 1], /^\.$/u) &&
    /\d$/u.test(tokens[start - 2]?.text ?? '')
  return dottedAfter || dashedAfter || dottedBefore
}

const isAnyCue = (t: Token) => Object.values(CUES).some((set) => set.has(t.key))

/**
 * A capitalised word that is a name or part of one: not security vocabulary ("Group",
 * "Ransomware"), no cue unless an ordinary word ("Royal Family"), and where headlines and
 * sentence starts capitalise anyway ("Yesterday Royal ..."), no ordinary word ("Google Play").
 */
function nameWord(t: Token | undefined): boolean {
  if (!t?.isWord || !capitalised(t) || /^\d/u.test(t.text) || isGenericWord(t.text)) return false
  // "RAT" is an acronym, "Rat" the word.
  const ordinary = isCommonWord(t.text) && !(t.text.length > 1 && t.text === t.text.toUpperCase())
  if (t.titleLine || t.sentStart) return !ordinary
  return ordinary || !isAnyCue(t)
}

/**
 * "Royal Mail", "Motel One", "Google Play", "Kevin Mitnick": an ordinary word next to another
 * capitalised word is part of a longer name, whatever cue follows ("Google Play malware").
 */
export function partOfLongerName(tokens: Token[], start: number, end: number): boolean {
  const prev = tokens[start - 1]
  const next = tokens[end]
  return (nameWord(next) && next!.spaceBefore) || (nameWord(prev) && tokens[start]!.spaceBefore)
}

function cueSet(type: EntityType): ReadonlySet<string>[] {
  // A gang is often named by its strain ("Play ransomware") and a strain by its gang.
  if (type === 'threat_actor' || type === 'malware') return [CUES.threat_actor, CUES.malware]
  return [CUES[type]]
}

/**
 * A cue word within two words before or after tokens [start, end), in the same sentence, or
 * inside a name of several words ("play ransomware"). Never in a headline.
 */
export function hasCue(type: EntityType, tokens: Token[], start: number, end: number): boolean {
  // Headlines capitalise and pile up cue words ("Spyware Hunters"): the body must name it too.
  if (tokens[start]?.titleLine) return false
  const sets = cueSet(type)
  const isCue = (t: Token) => sets.some((s) => s.has(t.key))
  return (
    tokens.slice(start + 1, end).some(isCue) ||
    neighbours(tokens, end, 1).some(isCue) ||
    neighbours(tokens, start - 1, -1).some(isCue)
  )
}

/** Up to WINDOW word tokens from index `from` stepping by `step`, stopping at a sentence end. */
export function neighbours(tokens: Token[], from: number, step: 1 | -1): Token[] {
  const out: Token[] = []
  for (let j = from; j >= 0 && j < tokens.length && out.length < WINDOW; j += step) {
    const t = tokens[j]!
    if (SENTENCE_END.has(t.text)) break
    if (t.isWord) out.push(t)
  }
  return out
}

const GANG_CUES = new Set(
  `gang gangs group groups operators operator affiliates affiliate actor actors crew cybergang
  members claimed claims claim leak extortion hackers`.split(/\s+/),
)

/** "the X gang", "X operators", "X claimed": a ransomware name used for the people behind it. */
export function gangContext(tokens: Token[], start: number, end: number): boolean {
  const around = [...neighbours(tokens, end, 1), ...neighbours(tokens, start - 1, -1)]
  return around.some((t) => GANG_CUES.has(t.key))
}
