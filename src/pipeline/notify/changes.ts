// What changed about an incident when an article was folded in: the events subscribers are
// notified about. One more article alone is not a change worth a message; a new incident, a
// newly named victim or actor, a new CVE, malware or product the article is about, a new linked
// incident or a new tag is. Pure: the caller supplies what the article says (victims, the
// entities it is about) and records the result in the article's write batch.
import type { ChangeKind } from '../../../db/schema/vocab.js'
import { hashId } from '../../core/ids.js'
import type { EntityType, IncidentLink, Mention } from '../../core/types.js'
import type { IncidentChangeRecord } from '../../storage/repository.js'
import type { IncidentProfile } from '../cluster/profile.js'

export { CHANGE_KINDS, type ChangeKind } from '../../../db/schema/vocab.js'

export interface IncidentChange {
  incidentId: string
  kind: ChangeKind
  /** Entity id, linked incident id or tag; '' for incident_created. */
  subject: string
  detail: Record<string, unknown>
}

export interface ChangeInput {
  incidentId: string
  /** The incident's entities before this article (absorbed incidents included); null: new. */
  before: IncidentProfile | null
  after: IncidentProfile
  tagsBefore: readonly string[]
  tagsAfter: readonly string[]
  /** Links found for the incident with this article (either direction). */
  links: readonly IncidentLink[]
  /** Entity ids this article names as victims (organizations hit, breached, ...). */
  victims: ReadonlySet<string>
  /** Entity ids this article is about: in the headline, repeated, or named as the culprit. */
  prominent: ReadonlySet<string>
  /** The article's mentions, for names in `detail`. */
  mentions: readonly Mention[]
  article: { id: string; url: string; title: string }
}

/** Which entity type, newly in the incident, makes which change, and on what evidence. */
const ENTITY_CHANGES: Record<
  EntityType,
  { kind: ChangeKind; needs: 'victim' | 'prominent' | null }
> = {
  organization: { kind: 'victim_added', needs: 'victim' },
  threat_actor: { kind: 'actor_attributed', needs: 'prominent' },
  vulnerability: { kind: 'vulnerability_added', needs: null },
  malware: { kind: 'malware_added', needs: 'prominent' },
  software: { kind: 'software_added', needs: 'prominent' },
}

export function incidentChanges(input: ChangeInput): IncidentChange[] {
  const { incidentId, before, article } = input
  const ref = { id: article.id, url: article.url, title: article.title }
  if (!before) {
    // Everything the first article names is part of "new incident", not a change of its own.
    return [{ incidentId, kind: 'incident_created', subject: '', detail: { article: ref } }]
  }
  const out: IncidentChange[] = []
  const names = new Map(input.mentions.map((m) => [m.entityId, m.name]))
  for (const [entityId, [type]] of Object.entries(input.after.entities)) {
    if (before.entities[entityId]) continue
    const rule = ENTITY_CHANGES[type]
    if (rule.needs === 'victim' && !input.victims.has(entityId)) continue
    if (rule.needs === 'prominent' && !input.prominent.has(entityId)) continue
    const entity = { id: entityId, name: names.get(entityId) ?? entityId, type }
    out.push({ incidentId, kind: rule.kind, subject: entityId, detail: { entity, article: ref } })
  }
  const had = new Set(input.tagsBefore)
  for (const tag of input.tagsAfter.filter((t) => !had.has(t))) {
    out.push({ incidentId, kind: 'tag_added', subject: tag, detail: { tag, article: ref } })
  }
  out.push(...linkChanges(incidentId, input.links))
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject))
}

/**
 * A new link is news on both ends: the incident that caused another learns of its consequence,
 * the other of its cause. Seen again later, the same link gives the same change ids.
 */
function linkChanges(incidentId: string, links: readonly IncidentLink[]): IncidentChange[] {
  return links.flatMap((l) => {
    if (l.fromId !== incidentId && l.toId !== incidentId) return []
    const other = l.fromId === incidentId ? l.toId : l.fromId
    const here = l.fromId === incidentId ? 'outgoing' : 'incoming'
    const there = here === 'outgoing' ? 'incoming' : 'outgoing'
    const detail = (id: string, direction: string) => ({
      incident_id: id,
      relation: l.relation,
      direction,
      evidence: l.evidence,
    })
    return [
      { incidentId, kind: 'link_added', subject: other, detail: detail(other, here) },
      {
        incidentId: other,
        kind: 'link_added',
        subject: incidentId,
        detail: detail(incidentId, there),
      },
    ] satisfies IncidentChange[]
  })
}

/** The stored id: the same (incident, kind, subject) is recorded once, whatever repeats it. */
export const changeId = (incidentId: string, kind: ChangeKind, subject: string) =>
  hashId('chg', `${incidentId}|${kind}|${subject}`)

export async function changeRecords(
  changes: IncidentChange[],
  at: string,
): Promise<IncidentChangeRecord[]> {
  return Promise.all(
    changes.map(async (c) => ({ ...c, id: await changeId(c.incidentId, c.kind, c.subject), at })),
  )
}
