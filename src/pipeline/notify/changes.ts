// What changed about an incident when an article was folded in: the events subscriptions are
// notified about (issue 7 delivers them). A new article alone is not a change worth a message;
// a new incident, a newly named actor or victim, or a new CVE is.
import type { EntityType } from '../../core/types.js'
import type { IncidentProfile } from '../cluster/profile.js'

export const CHANGE_KINDS = ['incident_created', 'entity_added'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export interface IncidentChange {
  kind: ChangeKind
  incidentId: string
  entityId: string | null
  entityType: EntityType | null
}

/** Entity types whose first appearance in an incident is significant news. */
const SIGNIFICANT: ReadonlySet<EntityType> = new Set([
  'threat_actor',
  'organization',
  'vulnerability',
  'malware',
])

export function incidentChanges(
  incidentId: string,
  before: IncidentProfile | null,
  after: IncidentProfile,
): IncidentChange[] {
  if (!before) return [{ kind: 'incident_created', incidentId, entityId: null, entityType: null }]
  const out: IncidentChange[] = []
  for (const [entityId, [type]] of Object.entries(after.entities)) {
    if (!before.entities[entityId] && SIGNIFICANT.has(type)) {
      out.push({ kind: 'entity_added', incidentId, entityId, entityType: type })
    }
  }
  return out.sort((a, b) => (a.entityId ?? '').localeCompare(b.entityId ?? ''))
}
