// Links between incidents: `caused_by` (this one happened through that one), `related` (a
// non-causal follow-on such as a lawsuit) and `same_actor` (separate operations of one named
// actor). Pure: the caller loads the incidents that share entities and stores what comes back.
// Every link carries the sentence that justifies it, and precision matters more than recall: a
// wrong link on an incident page misleads, a missing one only leaves the reader to search.
import type { EntityType, IncidentLink, IncidentRelation } from '../../core/types.js'
import { actorBehindEvidence, sharedActorEvidence } from './link-actor.js'
import { causeTargets } from './link-cause.js'
import { relatedEvidence } from './link-related.js'
import { matchContext } from './link-match.js'

export interface LinkEntity {
  id: string
  name: string
  type: EntityType
  /** Other names it goes by in text (KB aliases, surfaces seen in articles). */
  aliases?: string[]
}

export interface LinkSentence {
  text: string
  articleId: string
}

export interface LinkIncident {
  id: string
  title: string
  firstSeen: string
  lastSeen: string
  entities: LinkEntity[]
  /** Titles and sentences of its recent articles; empty when not loaded. */
  sentences: LinkSentence[]
}

/** What storage returns for link candidates: everything but the sentences. */
export type LinkCandidate = Omit<LinkIncident, 'sentences'>

export interface LinkCandidateQuery {
  incidentId: string
  /** Incidents sharing at least one of these entities are candidates. */
  entityIds: string[]
  /** Only incidents seen since then (ISO-8601). */
  since: string
  limit: number
}

const ORDER: Record<IncidentRelation, number> = { caused_by: 0, related: 1, same_actor: 2 }
const MAX_EVIDENCE = 400
/** `same_actor` links added per call (see `detectLinks`). */
const MAX_SAME_ACTOR = 3

/**
 * Links between `current` and each of `others`, at most one per pair: `caused_by` wins over
 * `related`, which wins over `same_actor`. `caused_by` and `related` point from the downstream
 * incident to the upstream one, whichever of the two is `current`; `same_actor` points from the
 * later incident to the earlier one, so that seeing the pair again from the other side adds no row.
 */
export function detectLinks(current: LinkIncident, others: LinkIncident[]): IncidentLink[] {
  const ctx = matchContext()
  const pool = uniqueById(others.filter((o) => o.id !== current.id))
  const links = new Map<string, IncidentLink>()
  const add = (from: LinkIncident, to: LinkIncident, relation: IncidentRelation, ev: string) => {
    const key = [from.id, to.id].sort().join('\u0000')
    if (!links.has(key))
      links.set(key, { fromId: from.id, toId: to.id, relation, evidence: clip(ev) })
  }
  for (const [toId, ev] of causeTargets(ctx, current, pool)) {
    add(
      current,
      pool.find((o) => o.id === toId)!,
      'caused_by',
      ev,
    )
  }
  for (const other of pool) {
    // The other incident's sentences may name `current` as its cause; every other incident is
    // in the running too, so that the nearest-named cause still wins.
    const rivals = [current, ...pool.filter((o) => o.id !== other.id)]
    const ev = causeTargets(ctx, other, rivals).get(current.id)
    if (ev) add(other, current, 'caused_by', ev)
  }
  for (const other of pool) {
    const forward = relatedEvidence(ctx, current, other)
    if (forward) add(current, other, 'related', forward)
    const backward = forward ? null : relatedEvidence(ctx, other, current)
    if (backward) add(other, current, 'related', backward)
  }
  const causal = pool.filter((o) => linked(links, current, o)?.relation === 'caused_by')
  // A prolific gang shares its name with dozens of incidents; the most recent few are the ones
  // worth a reader's click, and a page listing every Clop victim helps no one.
  let sameActor = 0
  for (const other of [...pool].sort(byRecency)) {
    if (sameActor >= MAX_SAME_ACTOR) break
    if (linked(links, current, other)) continue
    const ev =
      sharedActorEvidence(ctx, current, other, causal) ??
      actorBehindEvidence(ctx, current, other) ??
      actorBehindEvidence(ctx, other, current)
    if (!ev) continue
    const later = laterFirst(current, other)
    add(later[0], later[1], 'same_actor', ev)
    sameActor++
  }
  return [...links.values()].sort(
    (a, b) =>
      ORDER[a.relation] - ORDER[b.relation] ||
      a.fromId.localeCompare(b.fromId) ||
      a.toId.localeCompare(b.toId),
  )
}

/** A run-on "sentence" (a block without punctuation) is cut to a readable length. */
function clip(text: string): string {
  return text.length <= MAX_EVIDENCE ? text : `${text.slice(0, MAX_EVIDENCE - 1).trimEnd()}…`
}

function linked(links: Map<string, IncidentLink>, a: LinkIncident, b: LinkIncident) {
  return links.get([a.id, b.id].sort().join('\u0000'))
}

function byRecency(a: LinkIncident, b: LinkIncident): number {
  return b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id)
}

function laterFirst(a: LinkIncident, b: LinkIncident): [LinkIncident, LinkIncident] {
  const aLater = a.firstSeen > b.firstSeen || (a.firstSeen === b.firstSeen && a.id > b.id)
  return aLater ? [a, b] : [b, a]
}

function uniqueById(list: LinkIncident[]): LinkIncident[] {
  const byId = new Map<string, LinkIncident>()
  for (const i of list) if (!byId.has(i.id)) byId.set(i.id, i)
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id))
}
