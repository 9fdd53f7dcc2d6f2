// Combines KB hits and pattern finds into one list of non-overlapping spans, each resolved to
// an entity: KB hits win overlaps, then stronger and longer pattern finds.
import type { EntityType } from '../../core/types.js'
import { normalizeName } from '../../core/ids.js'
import type { Candidate, Gazetteer, GazetteerHit, KbEntry } from './types.js'

/** A span resolved to an entity: `entry` set for KB entities, absent for discoveries. */
export interface Resolved {
  type: EntityType
  name: string
  surface: string
  offset: number
  entry?: KbEntry
}

const KB_RANK = 10

interface Span extends Candidate {
  entry?: KbEntry
}

function overlaps(a: Span, b: Span): boolean {
  return a.offset < b.offset + b.surface.length && b.offset < a.offset + a.surface.length
}

const byStrength = (a: Span, b: Span) =>
  b.rank - a.rank || b.surface.length - a.surface.length || a.offset - b.offset

/** "the TrickBot gang": the GUIDE types a gang named after its malware as the actor. */
function gangUpgrade(hit: Span, finds: Span[]): Span {
  if (hit.type !== 'malware') return hit
  const gang = finds.find((f) => f.type === 'threat_actor' && overlaps(f, hit))
  return gang ? { ...hit, type: 'threat_actor' } : hit
}

export function resolveSpans(
  hits: GazetteerHit[],
  finds: Candidate[],
  gazetteer: Gazetteer,
): Resolved[] {
  const kb: Span[] = hits.map((h) => ({
    type: h.entity.type,
    name: h.entity.name,
    surface: h.surface,
    offset: h.offset,
    rank: KB_RANK,
    entry: h.entity,
  }))
  const known: Span[] = finds.map((f) => {
    const entry = gazetteer.lookup(f.name)
    return entry ? { ...f, name: entry.name, type: entry.type, entry, rank: KB_RANK - 1 } : f
  })
  const chosen: Span[] = []
  for (const s of [...kb.map((h) => gangUpgrade(h, finds)), ...known.sort(byStrength)]) {
    if (!chosen.some((c) => overlaps(c, s))) chosen.push(s)
  }
  return unifyTypes(chosen).sort((a, b) => a.offset - b.offset)
}

/** One discovered name gets one type per article: an actor beats its namesake malware. */
function unifyTypes(spans: Span[]): Resolved[] {
  const types = new Map<string, Set<EntityType>>()
  for (const s of spans.filter((x) => !x.entry)) {
    const key = normalizeName(s.name)
    types.set(key, (types.get(key) ?? new Set()).add(s.type))
  }
  return spans.map((s) => {
    if (s.entry)
      return { type: s.type, name: s.name, surface: s.surface, offset: s.offset, entry: s.entry }
    const seen = types.get(normalizeName(s.name))
    const type = seen?.has('threat_actor') ? 'threat_actor' : s.type
    return { type, name: s.name, surface: s.surface, offset: s.offset }
  })
}
