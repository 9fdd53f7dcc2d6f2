// Read-only word sets built once from the data files. They are constants, never mutated.
import type { EntityType } from '../../core/types.js'
import { COMMON_WORDS_1 } from './kb-data/common-words-1.js'
import { COMMON_WORDS_2 } from './kb-data/common-words-2.js'
import { LOCALITIES, PLACES, PLACE_PHRASES } from './kb-data/places.js'
import { FUNCTION_WORDS, GENERIC_TERMS } from './kb-data/stopwords.js'
import { FIRST_NAMES, PERSON_TITLES } from './kb-data/first-names.js'

const toSet = (...lists: string[]): ReadonlySet<string> =>
  new Set(lists.flatMap((l) => l.split(/\s+/).filter(Boolean)))

const COMMON: ReadonlySet<string> = toSet(
  COMMON_WORDS_1,
  COMMON_WORDS_2,
  FUNCTION_WORDS,
  GENERIC_TERMS,
)
const STOP: ReadonlySet<string> = toSet(FUNCTION_WORDS)
const GENERIC: ReadonlySet<string> = toSet(GENERIC_TERMS)
const FIRST: ReadonlySet<string> = toSet(FIRST_NAMES)
const TITLES: ReadonlySet<string> = toSet(PERSON_TITLES)
const LOCALITY: ReadonlySet<string> = toSet(LOCALITIES)
const PLACE: ReadonlySet<string> = new Set([
  ...toSet(PLACES),
  ...LOCALITY,
  ...PLACE_PHRASES.map((p) => p.toLowerCase()),
])

function inSet(set: ReadonlySet<string>, word: string): boolean {
  const w = word.toLowerCase()
  if (set.has(w)) return true
  // Plurals and possessives of listed words are as common as the words.
  if (w.endsWith('ies') && set.has(`${w.slice(0, -3)}y`)) return true
  if (w.endsWith('es') && set.has(w.slice(0, -2))) return true
  return w.endsWith('s') && set.has(w.slice(0, -1))
}

/** An ordinary English word (any case), by itself not a name. */
export const isCommonWord = (word: string): boolean => inSet(COMMON, word)
/** A function word, calendar word, title or generic security term. */
export const isStopWord = (word: string): boolean => inSet(STOP, word)
/** Security vocabulary (ransomware, hackers, CVE, API): generic, yet part of some names. */
export const isGenericWord = (word: string): boolean => inSet(GENERIC, word)
/** A country, region, city or nationality ("Russian", "North Korea"). */
export const isPlace = (phrase: string): boolean => PLACE.has(phrase.toLowerCase())

/** A common given name: "Victor Gevers" is a person. */
export const isFirstName = (word: string): boolean => FIRST.has(word.toLowerCase())
/** A word before a person's name: "researcher", "CEO", "Dr". */
export const isPersonTitle = (word: string): boolean =>
  TITLES.has(word.toLowerCase().replace(/\.$/, ''))

/** A city or state: part of institutions' names. */
export const isLocality = (word: string): boolean => LOCALITY.has(word.toLowerCase())

/** Every word of a (multi-word) alias is ordinary: "Scattered Spider" is not, "Black Basta" is not. */
export function isCommonPhrase(phrase: string): boolean {
  const words = phrase.split(/[^\p{L}\p{N}$]+/u).filter(Boolean)
  return words.length > 0 && words.every((w) => isCommonWord(w) || isPlace(w))
}

/** Words that, next to an ordinary-word alias, say that the alias is a name of this type. */
export const CUES: Readonly<Record<EntityType, ReadonlySet<string>>> = {
  threat_actor: toSet(`ransomware gang gangs group groups operators operator operation affiliate
    affiliates apt hackers hacker actor actors crew cybergang extortion extortionists cartel
    collective hacktivists hacktivist leak claimed claims claim syndicate threat`),
  malware: toSet(`malware ransomware botnet botnets stealer infostealer loader trojan backdoor
    rat variant variants strain payload payloads spyware worm wiper dropper implant family
    infections encryptor locker rootkit banking keylogger miner cryptominer`),
  software: toSet(`app apps application browser software platform service users update updates
    version versions server servers plugin extension client devices device os flaw flaws
    vulnerability vulnerabilities bug bugs zero-day patch patched exploit installations instances
    account accounts package library firmware product products suite tool`),
  organization: toSet(`company firm vendor giant maker inc corp ltd llc said says announced
    confirmed disclosed spokesperson ceo customers employees agency ministry bank university`),
  vulnerability: toSet(`vulnerability vulnerabilities flaw flaws bug bugs exploit exploits attack
    attacks cve patch patches patched fix fixes mitigation mitigations side-channel variant variants`),
}
