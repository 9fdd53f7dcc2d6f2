// Pure parts of the fan-out: which stored topics an incident answers to, the notification id
// that makes delivery exactly-once, the merge rule, and the payload every channel carries.
import type { ChangeKind } from '../../../db/schema/vocab.js'
import { hashId } from '../../core/ids.js'
import type { IncidentChangeRecord } from '../../storage/repository.js'

/** The exact topics (`entity:<id>`, `tag:<tag>`) an incident matches; `q:` and `watchlist:` need a lookup. */
export function incidentTopics(entityIds: readonly string[], tags: readonly string[]): string[] {
  return [...entityIds.map((id) => `entity:${id}`), ...tags.map((t) => `tag:${t}`)]
}

/**
 * One notification per (subscription, incident, change). The incident is the surviving one at
 * fan-out time, so a change is never sent twice to a subscriber, whatever merges follow.
 */
export const notificationId = (subscriptionId: string, incidentId: string, changeId: string) =>
  hashId('ntf', `${subscriptionId}|${incidentId}|${changeId}`)

/**
 * The merge rule. `earlier` are changes of the same kind and subject recorded on incidents that
 * were since merged into `canonicalId`: a subscriber who was told about one of them (under the
 * absorbed incident's id, or the survivor's if fanned out after the merge) hears nothing new.
 * Answers the notification ids to look up, each with the subscription it would silence.
 */
export async function earlierNotificationIds(
  subscriptionIds: readonly string[],
  earlier: readonly Pick<IncidentChangeRecord, 'id' | 'incidentId'>[],
  canonicalId: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const sub of subscriptionIds) {
    for (const c of earlier) {
      for (const incident of new Set([c.incidentId, canonicalId])) {
        out.set(await notificationId(sub, incident, c.id), sub)
      }
    }
  }
  return out
}

export interface WatchMatchJson {
  ecosystem: string
  name: string
  version: string | null
  affected: 'affected' | 'not_affected' | 'unknown'
  affected_versions: string[]
}

export interface PayloadInput {
  id: string
  createdAt: string
  topic: string
  /** incidentSummaryJson of the surviving incident, plus its web `url`. */
  incident: Record<string, unknown>
  change: Pick<IncidentChangeRecord, 'kind' | 'subject' | 'detail'>
  watchlist?: WatchMatchJson[]
}

/** The JSON body of a webhook and the content of an e-mail item (see the README). */
export function notificationPayload(p: PayloadInput): Record<string, unknown> {
  const kind: ChangeKind = p.change.kind
  return {
    id: p.id,
    type: kind,
    created_at: p.createdAt,
    topic: p.topic,
    incident: p.incident,
    change: { kind, subject: p.change.subject, detail: p.change.detail },
    ...(p.watchlist ? { watchlist: { matches: p.watchlist } } : {}),
  }
}

/** Absolute link to an incident page. */
export const incidentUrl = (publicUrl: string, id: string) =>
  `${publicUrl.replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}`
