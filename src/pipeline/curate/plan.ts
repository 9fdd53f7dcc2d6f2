// Replay planning, pure: editor decisions in the order they were made, against where the
// articles they name are now, become the actions that bring the rebuilt incidents back to what
// the editors decided. Structure first (merges and splits, in order, tracking where each named
// article ends up), then fields on whatever incident holds each decision's anchor.
import type { EntityType } from '../../core/types.js'
import type { CurationRecord, IncidentFieldPatch } from '../../storage/repository.js'

export interface ReplayState {
  /** Current incident of every article a decision names; absent or null: not in any incident. */
  incidentOf: ReadonlyMap<string, string | null>
  /** The id each split decision creates, by curation id (see splitIncidentId). */
  splitIds: ReadonlyMap<string, string>
  /** Entities that exist now. */
  entities: ReadonlySet<string>
}

export type ReplayAction =
  | { type: 'merge'; from: string; into: string; at: string }
  | { type: 'split'; articleIds: string[]; newId: string; at: string }
  | { type: 'fields'; incidentId: string; patch: IncidentFieldPatch; at: string }
  | { type: 'entity_type'; entityId: string; entityType: EntityType; at: string }
  | { type: 'entity_merge'; from: string; into: string; at: string }

export interface ReplayPlan {
  actions: ReplayAction[]
  /** Decisions that name articles or entities that are gone: reported, never fatal. */
  skipped: { curation: CurationRecord; reason: string }[]
}

const FIELDS = new Set(['title', 'summary', 'kind', 'pinned', 'hidden'])

export function planReplay(decisions: readonly CurationRecord[], state: ReplayState): ReplayPlan {
  const where = new Map(state.incidentOf)
  const entities = new Set(state.entities)
  const survivor = entitySurvivors(decisions)
  const plan: ReplayPlan = { actions: [], skipped: [] }
  const skip = (curation: CurationRecord, reason: string) => plan.skipped.push({ curation, reason })
  const fields: CurationRecord[] = []
  for (const c of decisions) {
    const at = c.createdAt
    if (c.kind === 'incident_field') fields.push(c)
    else if (c.kind === 'incident_merge') {
      const into = (c.value as { into?: string } | null)?.into ?? ''
      const [a, b] = [where.get(c.anchorArticleId ?? ''), where.get(into)]
      if (!a || !b) skip(c, `article ${!a ? c.anchorArticleId : into} is no longer stored`)
      else if (a !== b) {
        plan.actions.push({ type: 'merge', from: a, into: b, at })
        for (const [article, incident] of where) if (incident === a) where.set(article, b)
      }
    } else if (c.kind === 'incident_split') {
      const listed = (c.value as { articleIds?: string[] } | null)?.articleIds ?? []
      const articleIds = listed.filter((id) => where.get(id))
      const newId = state.splitIds.get(c.id)
      if (articleIds.length === 0 || !newId) skip(c, 'none of its articles is stored any more')
      else {
        plan.actions.push({ type: 'split', articleIds, newId, at })
        for (const id of articleIds) where.set(id, newId)
      }
    } else entityAction(c, survivor, entities, plan, skip)
  }
  plan.actions.push(...fieldActions(fields, where, skip))
  return plan
}

/**
 * Where each merged entity ends up after all merges: A into B and, later, B into C send A to C
 * even when replaying the first merge, as B no longer exists by then.
 */
function entitySurvivors(decisions: readonly CurationRecord[]): (id: string) => string | null {
  const into = new Map<string, string>()
  for (const c of decisions) {
    const to = (c.value as { into?: unknown } | null)?.into
    if (c.kind === 'entity_merge' && typeof to === 'string') into.set(c.targetId, to)
  }
  return (id) => {
    if (!into.has(id)) return null
    const seen = new Set([id])
    let at = into.get(id)!
    while (into.has(at) && !seen.has(at)) {
      seen.add(at)
      at = into.get(at)!
    }
    return at
  }
}

function entityAction(
  c: CurationRecord,
  survivor: (id: string) => string | null,
  entities: Set<string>,
  plan: ReplayPlan,
  skip: (c: CurationRecord, reason: string) => void,
) {
  const at = c.createdAt
  if (c.kind === 'entity_type') {
    const entityType = c.value as EntityType
    if (entities.has(c.targetId)) {
      plan.actions.push({ type: 'entity_type', entityId: c.targetId, entityType, at })
    } else if (!survivor(c.targetId)) skip(c, `entity ${c.targetId} no longer exists`)
  } else if (c.kind === 'entity_merge') {
    const into = survivor(c.targetId)
    if (!into || into === c.targetId || !entities.has(c.targetId)) return
    if (!entities.has(into)) skip(c, `entity ${into} no longer exists`)
    else {
      plan.actions.push({ type: 'entity_merge', from: c.targetId, into, at })
      entities.delete(c.targetId)
    }
  }
}

/** One action per incident with the latest value of each field its anchors carry. */
function fieldActions(
  fields: CurationRecord[],
  where: ReadonlyMap<string, string | null>,
  skip: (c: CurationRecord, reason: string) => void,
): ReplayAction[] {
  const byIncident = new Map<string, { patch: Record<string, unknown>; at: string }>()
  for (const c of fields) {
    const incidentId = where.get(c.anchorArticleId ?? '')
    if (!incidentId) {
      skip(c, `article ${c.anchorArticleId} is no longer stored`)
      continue
    }
    if (!c.field || !FIELDS.has(c.field)) continue
    const entry = byIncident.get(incidentId) ?? { patch: {}, at: c.createdAt }
    entry.patch[c.field] = c.value
    if (c.createdAt > entry.at) entry.at = c.createdAt
    byIncident.set(incidentId, entry)
  }
  return [...byIncident].map(([incidentId, { patch, at }]) => ({
    type: 'fields' as const,
    incidentId,
    patch: patch as IncidentFieldPatch,
    at,
  }))
}

/** Every article id a decision names, to look up where each one is now. */
export function namedArticles(decisions: readonly CurationRecord[]): string[] {
  const out = new Set<string>()
  for (const c of decisions) {
    if (c.anchorArticleId) out.add(c.anchorArticleId)
    const v = (c.value ?? {}) as { into?: unknown; articleIds?: unknown }
    if (c.kind === 'incident_merge' && typeof v.into === 'string') out.add(v.into)
    if (c.kind === 'incident_split' && Array.isArray(v.articleIds)) {
      for (const id of v.articleIds) if (typeof id === 'string') out.add(id)
    }
  }
  return [...out]
}
