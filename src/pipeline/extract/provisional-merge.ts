// Provisional entities (discovered by a pattern, `origin: 'discovered', provisional: true`) are
// folded into an imported entity once an import names them: a gang discovered as "Cuba" before
// the MISP file that lists it is the MISP entry. This is the pure part: which id goes into which.
import type { EntityType } from '../../core/types.js'
import { normalizeName } from '../../core/ids.js'
import type { KbEntry } from './types.js'

export interface ProvisionalEntity {
  id: string
  type: EntityType
  name: string
}

export interface PlannedMerge {
  /** The provisional entity's id. */
  from: string
  /** The imported entity it becomes. */
  to: string
}

/** A gang and its strain share names ("Play"), so actor and malware names meet; others do not. */
const ACTORISH: ReadonlySet<EntityType> = new Set(['threat_actor', 'malware'])
const compatible = (a: EntityType, b: EntityType) => a === b || (ACTORISH.has(a) && ACTORISH.has(b))

interface Claim {
  entry: KbEntry
  /** Lower is better: the name is the entry's own name, and the types are the same. */
  rank: number
}

function claimsByName(imported: KbEntry[]): Map<string, Claim[]> {
  const out = new Map<string, Claim[]>()
  for (const entry of imported) {
    const own = normalizeName(entry.name)
    for (const key of new Set([entry.name, ...entry.aliases].map(normalizeName))) {
      if (!key) continue
      const list = out.get(key) ?? []
      list.push({ entry, rank: key === own ? 0 : 2 })
      out.set(key, list)
    }
  }
  return out
}

/**
 * The imported entity a provisional one is, or undefined. Several claimants: one whose own
 * name it is beats one that lists it as an alias, the same type beats the gang/strain pairing,
 * and two entities left equal mean the name is ambiguous, so nothing is merged.
 */
function bestClaim(p: ProvisionalEntity, claims: Claim[]): KbEntry | undefined {
  const ranked = claims
    .filter((c) => compatible(c.entry.type, p.type))
    .map((c) => ({ entry: c.entry, rank: c.rank + (c.entry.type === p.type ? 0 : 1) }))
    .sort((a, b) => a.rank - b.rank || a.entry.id.localeCompare(b.entry.id))
  const [first, second] = ranked
  if (!first) return undefined
  if (second && second.rank === first.rank && second.entry.id !== first.entry.id) return undefined
  return first.entry
}

/**
 * Which provisional entities an import names, matched on normalizeName of the provisional
 * name against every name and alias of the imported entries of a compatible type. Sorted by
 * `from`; an entity already stored under the imported id is left alone.
 */
export function planProvisionalMerges(
  imported: KbEntry[],
  provisional: ProvisionalEntity[],
): PlannedMerge[] {
  const claims = claimsByName(imported)
  const plan = new Map<string, string>()
  for (const p of provisional) {
    const target = bestClaim(p, claims.get(normalizeName(p.name)) ?? [])
    if (target && target.id !== p.id && !plan.has(p.id)) plan.set(p.id, target.id)
  }
  return [...plan].map(([from, to]) => ({ from, to })).sort((a, b) => a.from.localeCompare(b.from))
}
