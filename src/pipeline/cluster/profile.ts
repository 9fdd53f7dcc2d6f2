// An incident's clustering state, kept on the incident row so that scoring a new article needs
// one indexed read of the candidates and no scan of their articles.
import type { EntityType, Mention } from '../../core/types.js'

export interface IncidentProfile {
  /** Number of articles folded into the profile. */
  n: number
  /** entity id -> [type, number of articles mentioning it]. */
  entities: Record<string, [EntityType, number]>
  /** term -> summed weighted term frequency over the articles (top terms only). */
  terms: Record<string, number>
  /** Distinct outlets, so that one outlet's repeated posts don't look like wide coverage. */
  sources: string[]
}

const MAX_TERMS = 80

export function emptyProfile(): IncidentProfile {
  return { n: 0, entities: {}, terms: {}, sources: [] }
}

export function addToProfile(
  p: IncidentProfile,
  mentions: Mention[],
  terms: Map<string, number>,
  source: string,
): IncidentProfile {
  const entities = { ...p.entities }
  for (const m of mentions) {
    const prev = entities[m.entityId]
    entities[m.entityId] = [m.type, (prev?.[1] ?? 0) + 1]
  }
  const merged = new Map(Object.entries(p.terms))
  for (const [t, w] of terms) merged.set(t, (merged.get(t) ?? 0) + w)
  const top = [...merged.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  return {
    n: p.n + 1,
    entities,
    terms: Object.fromEntries(top.slice(0, MAX_TERMS)),
    sources: p.sources.includes(source) ? p.sources : [...p.sources, source].slice(-50),
  }
}

export function mergeProfiles(a: IncidentProfile, b: IncidentProfile): IncidentProfile {
  const entities = { ...a.entities }
  for (const [id, [type, n]] of Object.entries(b.entities)) {
    entities[id] = [type, (entities[id]?.[1] ?? 0) + n]
  }
  const terms = new Map(Object.entries(a.terms))
  for (const [t, w] of Object.entries(b.terms)) terms.set(t, (terms.get(t) ?? 0) + w)
  const top = [...terms.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
  return {
    n: a.n + b.n,
    entities,
    terms: Object.fromEntries(top.slice(0, MAX_TERMS)),
    sources: [...new Set([...a.sources, ...b.sources])].slice(-50),
  }
}
