import type { Deps } from '../core/deps.js'
import { mergeEvents } from '../pipeline/cluster/timeline.js'
import type { IncidentDetail } from '../storage/repository.js'

/** Edits listed on an incident page; the audit log has the rest. */
const EDITS_SHOWN = 50

/**
 * An incident as readers see it: events are stored per article, and restatements of one fact by
 * several outlets are merged here, keeping the earliest source. Editor actions (its own, and
 * those of incidents merged into it) come along, newest first.
 */
export async function incidentDetail(deps: Deps, id: string): Promise<IncidentDetail | null> {
  const incident = await deps.repo.getIncident(id)
  if (!incident) return null
  const order = incident.articles.map((a) => a.id)
  const edits = await deps.repo.incidentEdits(incident.id, EDITS_SHOWN)
  return {
    ...incident,
    timeline: mergeEvents(incident.timeline, order),
    edits,
    edited: (incident.edited ?? false) || edits.length > 0,
  }
}
