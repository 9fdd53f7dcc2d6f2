// How an imported alias may match: as written, or only with a cue word nearby. Third-party files
// are full of names that are also ordinary words, codes and lower-case spellings, so the marks
// are derived from the alias's shape alone, the same way at import and when an entry is read
// back from storage (which keeps no marks).
import type { EntityType } from '../../core/types.js'
import type { KbEntry } from './types.js'
import { isCommonPhrase } from './lexicon.js'
import { hasNameShape } from './names.js'

const isLowerCase = (s: string) => /\p{L}/u.test(s) && s === s.toLowerCase()
const singleWord = (a: string) => !/[\s-]/u.test(a)
/** Tracking ids are names whatever the sentence says. */
const TRACKING_ID = /^(?:APT|FIN|ATK|IRN|TA)\d+$/u

/**
 * "24H", "16x", "PS1", "H1N1": codes of four characters or fewer read as times, sizes, file
 * types or diseases far more often than as a strain.
 */
export const isShortCode = (a: string): boolean =>
  /^[\p{L}\p{N}$+]{2,4}$/u.test(a) && /\d/u.test(a) && !TRACKING_ID.test(a)

/**
 * Needs a cue: a name the file writes in lower case ("play", "money message": the text will
 * capitalise it, see context.ts), a one-word alias without a coined shape ("Locky", "Payment",
 * "WADA"), a short code, or a numbered ordinary word. "LockBit", "APT28" and "Scattered Spider"
 * do not.
 */
export function needsCueWord(alias: string): boolean {
  if (isLowerCase(alias)) return true
  if (!singleWord(alias)) return isNumberedWord(alias)
  return isCommonPhrase(alias) || !hasNameShape(alias) || isShortCode(alias)
}

/** "Group 72", "Team 5": an ordinary word and a number read as prose ("Naval Group 72 hours"). */
function isNumberedWord(alias: string): boolean {
  const words = alias.split(' ')
  const letters = words.filter((w) => !/^\d+$/u.test(w))
  return letters.length < words.length && isCommonPhrase(letters.join(' '))
}

/** The marks of KbEntry: every alias either needs a cue or matches as written. */
export function aliasMarks(aliases: string[]): Pick<KbEntry, 'ambiguous' | 'caseSensitive'> {
  const ambiguous = aliases.filter(needsCueWord)
  const caseSensitive = aliases.filter((a) => !needsCueWord(a))
  return {
    ...(ambiguous.length ? { ambiguous } : {}),
    ...(caseSensitive.length ? { caseSensitive } : {}),
  }
}

/**
 * Storage keeps neither marks nor alternative types: an imported entry read back gets them
 * again from its aliases ("X ransomware" is the alias kb-import gives every ransomware entry).
 * Discovered entities are stored without aliases and keep the gazetteer's own rules.
 */
export function withMarks(entry: KbEntry): KbEntry {
  if (entry.ambiguous || entry.caseSensitive || entry.aliases.length === 0) return entry
  const aliases = [...new Set([entry.name, ...entry.aliases])]
  const gang = entry.type === 'threat_actor' && aliases.some((a) => / ransomware$/iu.test(a))
  return {
    ...entry,
    aliases,
    ...aliasMarks(aliases),
    ...(gang && !entry.altTypes ? { altTypes: ['malware'] as EntityType[] } : {}),
  }
}
