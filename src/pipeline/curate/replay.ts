// Applies the replay plan after `sitrep recluster` through the same actions editors use, with
// `record: false`: no new decisions, no new audit lines. A decision that cannot be applied any
// more is reported and the rest carry on.
import type { Deps } from '../../core/deps.js'
import { describeError } from '../../core/errors.js'
import type { CurationRecord } from '../../storage/repository.js'
import { mergeEntity, setEntityType } from './entity-actions.js'
import { applyIncidentPatch, mergeIncidents, requireIncident } from './incident-actions.js'
import type { ActOptions } from './log.js'
import { namedArticles, planReplay, type ReplayAction } from './plan.js'
import { replaySplit, splitIncidentId } from './split.js'

export const REPLAY_ACTOR = 'sitrep recluster'

export interface ReplayReport {
  decisions: number
  applied: number
  /** One line per decision that could not be applied, for the user to read. */
  problems: string[]
}

export async function replayCurations(deps: Deps): Promise<ReplayReport> {
  const decisions = await deps.repo.listCurations()
  if (decisions.length === 0) return { decisions: 0, applied: 0, problems: [] }
  const plan = planReplay(decisions, {
    incidentOf: await deps.repo.incidentsOfArticles(namedArticles(decisions)),
    splitIds: await splitIds(decisions),
    entities: new Set((await deps.repo.knownEntities()).map((e) => e.id)),
  })
  const problems = plan.skipped.map((s) => `${describe(s.curation)}: ${s.reason}`)
  let applied = 0
  for (const action of plan.actions) {
    try {
      await apply(deps, action, { actor: REPLAY_ACTOR, at: action.at, record: false })
      applied++
    } catch (err) {
      problems.push(`${action.type}: ${describeError(err)}`)
    }
  }
  return { decisions: decisions.length, applied, problems }
}

async function apply(deps: Deps, a: ReplayAction, opts: ActOptions): Promise<void> {
  switch (a.type) {
    case 'merge':
      await mergeIncidents(deps, a.from, a.into, opts)
      return
    case 'split':
      await replaySplit(deps, a.articleIds, a.newId, opts)
      return
    case 'fields':
      await applyIncidentPatch(deps, await requireIncident(deps, a.incidentId), a.patch, opts)
      return
    case 'entity_type':
      await setEntityType(deps, a.entityId, a.entityType, opts)
      return
    case 'entity_merge':
      await mergeEntity(deps, a.from, a.into, opts)
      return
  }
}

async function splitIds(decisions: readonly CurationRecord[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const c of decisions) {
    const ids = (c.value as { articleIds?: string[] } | null)?.articleIds
    if (c.kind === 'incident_split' && Array.isArray(ids)) out.set(c.id, await splitIncidentId(ids))
  }
  return out
}

const describe = (c: CurationRecord) =>
  `${c.kind.replace('_', ' ')}${c.field ? ` (${c.field})` : ''} by ${c.actor} at ${c.createdAt}`
