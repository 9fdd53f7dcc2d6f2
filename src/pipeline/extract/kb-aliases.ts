// Shared by the MISP and STIX importers: cleaning third-party names into aliases, marking the
// ones that are ordinary words, and settling aliases that two entries claim.
import type { EntityType } from '../../core/types.js'
import { entityId, normalizeName } from '../../core/ids.js'
import type { KbEntry } from './types.js'
import { isCommonPhrase, isFirstName, isGenericWord, isPlace, isStopWord } from './lexicon.js'
import { hasNameShape } from './names.js'

/** An entry as read from a file, before ids and alias settlement. */
export interface RawEntry {
  type: EntityType
  name: string
  aliases: string[]
  altTypes?: EntityType[]
  description?: string
}

const RANSOM_WORD = /\b(?:ransom[a-z]*ware|ramsomware|ransonware)\b/giu

/** "Netflix Ransomware (Fake)" -> "Netflix"; '' when nothing usable is left. */
export function cleanName(raw: string, stripRansomware = false): string {
  let s = raw.replace(/\([^)]*\)/gu, ' ')
  if (stripRansomware) s = s.replace(RANSOM_WORD, ' ')
  s = s
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}$)]+$/gu, '')
  if (s.length < 3 || !/\p{L}/u.test(s) || s.includes(':') || s.split(' ').length > 5) return ''
  return isPlace(s) ? '' : s
}

/**
 * Keeps each alias on one entry: the one whose canonical name it is, else the first by canonical
 * name (sorted), so the outcome does not depend on file order.
 */
export function settleAliases(entries: RawEntry[]): RawEntry[] {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const owner = new Map<string, RawEntry>()
  for (const e of sorted) {
    for (const a of [e.name, ...e.aliases]) {
      const key = normalizeName(a)
      const prev = owner.get(key)
      if (!prev || (normalizeName(e.name) === key && normalizeName(prev.name) !== key))
        owner.set(key, e)
    }
  }
  return sorted.map((e) => ({
    ...e,
    aliases: [e.name, ...e.aliases].filter((a) => owner.get(normalizeName(a)) === e),
  }))
}

/** People's names and generic words turn up as synonyms in community files; they name nothing. */
function usableAlias(alias: string): boolean {
  const first = alias.split(' ')[0] ?? ''
  return !(alias.includes(' ') && isFirstName(first)) && !isGenericWord(alias) && !isStopWord(alias)
}

/**
 * Third-party aliases match only as written. A one-word alias without a coined shape ("Locky",
 * "Payment", "blog", "WADA") also needs a cue word, because community files are full of names
 * that are ordinary words; "LockBit" or "APT28" does not.
 */
export async function toKbEntry(raw: RawEntry): Promise<KbEntry> {
  // The name is among raw.aliases unless another entry won it in settleAliases.
  const aliases = [...new Set(raw.aliases)].filter(usableAlias)
  const single = (a: string) => !/[\s-]/u.test(a)
  const ambiguous = aliases.filter((a) => single(a) && (isCommonPhrase(a) || !hasNameShape(a)))
  const caseSensitive = aliases.filter((a) => !ambiguous.includes(a))
  const entry: KbEntry = {
    id: await entityId(raw.type, raw.name),
    type: raw.type,
    name: raw.name,
    aliases,
  }
  if (ambiguous.length) entry.ambiguous = ambiguous
  if (caseSensitive.length) entry.caseSensitive = caseSensitive
  if (raw.altTypes?.length) entry.altTypes = raw.altTypes
  if (raw.description) entry.description = raw.description
  return entry
}

/** Storage keeps no marks: an entry read back without them gets the import's marks again. */
export function withMarks(entry: KbEntry): KbEntry {
  if (entry.ambiguous || entry.caseSensitive) return entry
  const single = (a: string) => !/[\s-]/u.test(a)
  const aliases = [...new Set([entry.name, ...entry.aliases])]
  const ambiguous = aliases.filter((a) => single(a) && (isCommonPhrase(a) || !hasNameShape(a)))
  const caseSensitive = aliases.filter((a) => !ambiguous.includes(a))
  const gang = entry.type === 'threat_actor' && aliases.some((a) => / ransomware$/iu.test(a))
  return {
    ...entry,
    aliases,
    ...(ambiguous.length ? { ambiguous } : {}),
    ...(caseSensitive.length ? { caseSensitive } : {}),
    ...(gang && !entry.altTypes ? { altTypes: ['malware'] as EntityType[] } : {}),
  }
}

export async function toKbEntries(raws: RawEntry[]): Promise<KbEntry[]> {
  const settled = settleAliases(raws.filter((r) => r.name && usableAlias(r.name)))
  return Promise.all(settled.map(toKbEntry))
}
