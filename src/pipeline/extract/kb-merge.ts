// Folding imported entries into the starter KB: an import that shares an alias with a built-in
// entity of a compatible type is that entity (MISP "Sofacy" is our APT28), so its aliases join
// the built-in entry instead of competing with it.
import type { EntityType } from '../../core/types.js'
import { normalizeName } from '../../core/ids.js'
import type { KbEntry } from './types.js'
import { withMarks } from './kb-aliases.js'

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

export function mergeKb(base: KbEntry[], extra: KbEntry[]): KbEntry[] {
  const out = base.map(copy)
  const owner = new Map<string, KbEntry>()
  for (const e of out) for (const a of [e.name, ...e.aliases]) owner.set(normalizeName(a), e)
  for (const e of extra.map(withMarks)) {
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
      host.aliases.push(a)
      if (e.ambiguous?.includes(a)) host.ambiguous = [...(host.ambiguous ?? []), a]
      owner.set(k, host)
    }
  }
  return out
}
