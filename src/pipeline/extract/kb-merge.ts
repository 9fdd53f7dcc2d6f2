// Folding imported entries into the starter KB: an import that shares an alias with a built-in
// entity of a compatible type is that entity (MISP "Sofacy" is our APT28), so its aliases join
// the built-in entry instead of competing with it.
import type { EntityType } from '../../core/types.js'
import { normalizeName } from '../../core/ids.js'
import type { KbEntry } from './types.js'
import { withMarks } from './kb-marks.js'

/** Gang and strain often share a name, so an imported ransomware joins the built-in gang. */
const ACTORISH: readonly EntityType[] = ['threat_actor', 'malware']
const compatible = (a: EntityType, b: EntityType) =>
  a === b || (ACTORISH.includes(a) && ACTORISH.includes(b))

function copy(e: KbEntry): KbEntry {
  return {
    ...e,
    aliases: [...e.aliases],
    ...(e.ambiguous ? { ambiguous: [...e.ambiguous] } : {}),
    ...(e.caseSensitive ? { caseSensitive: [...e.caseSensitive] } : {}),
  }
}

/**
 * A name the starter KB gives to a company, product or vulnerability keeps that meaning: an
 * import that also calls a gang "Netflix", "Python" or "Spectre" loses that alias, and an entry
 * named so is dropped. Returns undefined when nothing is left.
 */
function withoutForeignNames(e: KbEntry, builtin: Map<string, KbEntry>): KbEntry | undefined {
  const foreign = (a: string) => {
    const b = builtin.get(normalizeName(a))
    return b !== undefined && !compatible(b.type, e.type)
  }
  if (foreign(e.name)) return undefined
  if (!e.aliases.some(foreign)) return e
  const keep = (list?: string[]) => list?.filter((a) => !foreign(a))
  const ambiguous = keep(e.ambiguous)
  const caseSensitive = keep(e.caseSensitive)
  return {
    ...e,
    aliases: e.aliases.filter((a) => !foreign(a)),
    ...(ambiguous ? { ambiguous } : {}),
    ...(caseSensitive ? { caseSensitive } : {}),
  }
}

/** An alias joining its host keeps the mark it had. */
function addTo(host: KbEntry, from: KbEntry, alias: string): void {
  host.aliases.push(alias)
  if (from.ambiguous?.includes(alias)) host.ambiguous = [...(host.ambiguous ?? []), alias]
  if (from.caseSensitive?.includes(alias)) {
    host.caseSensitive = [...(host.caseSensitive ?? []), alias]
  }
}

export function mergeKb(base: KbEntry[], extra: KbEntry[]): KbEntry[] {
  const out = base.map(copy)
  const owner = new Map<string, KbEntry>()
  for (const e of out) for (const a of [e.name, ...e.aliases]) owner.set(normalizeName(a), e)
  const builtin = new Map(owner)
  for (const raw of extra) {
    const e = withoutForeignNames(withMarks(raw), builtin)
    if (!e) continue
    const keys = [e.name, ...e.aliases].map(normalizeName)
    const host = keys.map((k) => owner.get(k)).find((h) => h && compatible(h.type, e.type))
    if (!host) {
      const added = copy(e)
      out.push(added)
      for (const k of keys) if (!owner.has(k)) owner.set(k, added)
      continue
    }
    for (const a of e.aliases) {
      const k = normalizeName(a)
      if (owner.has(k)) continue
      addTo(host, e, a)
      owner.set(k, host)
    }
  }
  return out
}
