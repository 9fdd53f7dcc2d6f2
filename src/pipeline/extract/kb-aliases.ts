// Shared by the MISP and STIX importers: cleaning third-party names into aliases, dropping the
// ones that describe rather than name, and settling aliases that two entries claim.
import type { EntityType } from '../../core/types.js'
import { entityId, normalizeName } from '../../core/ids.js'
import type { KbEntry } from './types.js'
import { isFirstName, isGenericWord, isPlace, isStopWord } from './lexicon.js'
import { aliasMarks } from './kb-marks.js'

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

const JOINERS = new Set(['of', 'and', 'the', 'de', 'el', 'al', 'la', 'du', 'von', 'van'])

/**
 * "CryptoLocker clone", "Petya's little brother", "Ekati demo tool": in a file that capitalises
 * names, a synonym with a lower-case word that is neither a joiner nor generic ("Lazarus group")
 * describes the entry rather than names it. All-lower-case names ("money message") are names.
 */
export function isDescription(alias: string): boolean {
  if (alias === alias.toLowerCase()) return false
  return alias
    .split(' ')
    .some((w, k) => k > 0 && /^\p{Ll}/u.test(w) && !JOINERS.has(w) && !isGenericWord(w))
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

/** "Unknown Lock", "Unnamed Actor": placeholders for what has no name yet. */
const PLACEHOLDER = /^(?:unknown|unnamed|unidentified)(?: |$)/iu

/**
 * People's names, generic words and placeholders turn up as names and synonyms in community
 * files; they name nothing.
 */
function usableAlias(alias: string): boolean {
  const first = alias.split(' ')[0] ?? ''
  if (PLACEHOLDER.test(alias) || (alias.includes(' ') && isFirstName(first))) return false
  return !isGenericWord(alias) && !isStopWord(alias)
}

/** The spelling to show: a file's capitalised form ("Dharma") over its lower-case one ("dharma"). */
const betterName = (a: string, b: string) =>
  a === a.toLowerCase() && b !== b.toLowerCase() ? b : a

/**
 * Entries of one type whose names differ only in case or punctuation ("Dharma" and "dharma")
 * have one id, so they are one entry: stored apart, the later would overwrite the other's aliases.
 */
export function mergeSameName(raws: RawEntry[]): RawEntry[] {
  const byKey = new Map<string, RawEntry>()
  for (const r of raws) {
    const key = `${r.type}:${normalizeName(r.name)}`
    const prev = byKey.get(key)
    if (!prev) {
      byKey.set(key, { ...r, aliases: [...r.aliases] })
      continue
    }
    prev.name = betterName(prev.name, r.name)
    prev.aliases = [...new Set([...prev.aliases, ...r.aliases])]
    const altTypes = [...new Set([...(prev.altTypes ?? []), ...(r.altTypes ?? [])])]
    if (altTypes.length) prev.altTypes = altTypes
    if (!prev.description && r.description) prev.description = r.description
  }
  return [...byKey.values()]
}

/** Third-party aliases match as written, or with a cue word when they need one (kb-marks.ts). */
export async function toKbEntry(raw: RawEntry): Promise<KbEntry> {
  // The name is among raw.aliases unless another entry won it in settleAliases.
  const aliases = [...new Set(raw.aliases)].filter(usableAlias)
  const entry: KbEntry = {
    id: await entityId(raw.type, raw.name),
    type: raw.type,
    name: raw.name,
    aliases,
    ...aliasMarks(aliases),
  }
  if (raw.altTypes?.length) entry.altTypes = raw.altTypes
  if (raw.description) entry.description = raw.description
  return entry
}

export async function toKbEntries(raws: RawEntry[]): Promise<KbEntry[]> {
  const usable = raws.filter((r) => r.name && usableAlias(r.name))
  return Promise.all(settleAliases(mergeSameName(usable)).map(toKbEntry))
}
