import type { Deps } from '../core/deps.js'
import { mergeEvents } from '../pipeline/cluster/timeline.js'
import type { IncidentDetail } from '../storage/repository.js'

/**
 * An incident as readers see it: events are stored per article, and restatements of one fact by
 * several outlets are merged here, keeping the earliest source.
 */
export async function incidentDetail(deps: Deps, id: string): Promise<IncidentDetail | null> {
  const incident = await deps.repo.getIncident(id)
  if (!incident) return null
  const order = incident.articles.map((a) => a.id)
  return { ...incident, timeline: mergeEvents(incident.timeline, order) }
}
