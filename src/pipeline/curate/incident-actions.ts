// Editor actions on incidents: field edits and merges. The API, the web forms and the recluster
// replay all come through here; only the replay passes `record: false`.
import type { IncidentKind } from '../../core/types.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import type { CurationEdit, IncidentFieldPatch, StoredIncident } from '../../storage/repository.js'
import { absorbIncidents } from '../cluster/merge.js'
import { auditLine, decision, logFor, type ActOptions } from './log.js'
import { entityRows } from './rebuild.js'
import { editedSummary, summaryText } from './summary.js'

export interface IncidentEditInput {
  title?: string
  /** Plain text; sentences kept word for word keep their citations. */
  summary?: string
  kind?: IncidentKind
  pinned?: boolean
  hidden?: boolean
}

type Field = keyof IncidentFieldPatch

export async function requireIncident(deps: Deps, id: string): Promise<StoredIncident> {
  const incident = await deps.repo.getStoredIncident(id)
  if (!incident) throw new AppError('not_found', `no incident with id ${id}`)
  return incident
}

/** Applies the fields that differ from the incident's; returns its (current) id. */
export async function editIncident(
  deps: Deps,
  id: string,
  input: IncidentEditInput,
  opts: ActOptions,
): Promise<string> {
  const incident = await requireIncident(deps, id)
  const patch: IncidentFieldPatch = {}
  const title = input.title?.replace(/\s+/g, ' ').trim()
  if (title !== undefined && title !== incident.title) patch.title = title
  if (input.summary !== undefined) {
    const summary = editedSummary(input.summary, incident.summary)
    if (summaryText(summary) !== summaryText(incident.summary)) patch.summary = summary
  }
  if (input.kind !== undefined && input.kind !== incident.kind) patch.kind = input.kind
  if (input.pinned !== undefined && input.pinned !== !!incident.pinned) patch.pinned = input.pinned
  if (input.hidden !== undefined && input.hidden !== !!incident.hidden) patch.hidden = input.hidden
  await applyIncidentPatch(deps, incident, patch, opts)
  return incident.id
}

export async function applyIncidentPatch(
  deps: Deps,
  incident: StoredIncident,
  patch: IncidentFieldPatch,
  opts: ActOptions,
): Promise<void> {
  const fields = Object.keys(patch) as Field[]
  if (fields.length === 0) return
  const anchor = opts.record ? await deps.repo.incidentAnchor(incident.id) : null
  const log = logFor(opts, () => ({
    curations: fields.map((field) =>
      decision(opts, {
        kind: 'incident_field',
        anchorArticleId: anchor,
        targetId: incident.id,
        field,
        value: patch[field],
      }),
    ),
    audit: fields.map((field) => fieldAudit(opts, incident, field, patch)),
  }))
  await deps.repo.setIncidentFields(incident, patch, opts.at, log)
}

function fieldAudit(
  opts: ActOptions,
  incident: StoredIncident,
  field: Field,
  patch: IncidentFieldPatch,
): CurationEdit {
  const shown = (v: unknown) =>
    field === 'summary' ? summaryText(v as StoredIncident['summary']) : v
  const from = field === 'pinned' || field === 'hidden' ? !!incident[field] : incident[field]
  return auditLine(opts, {
    action: actionName(field, patch[field]),
    targetType: 'incident',
    targetId: incident.id,
    detail: { field, from: shown(from), to: shown(patch[field]) },
  })
}

function actionName(field: Field, value: unknown): string {
  switch (field) {
    case 'title':
      return 'rename'
    case 'summary':
      return 'edit_summary'
    case 'kind':
      return value === 'not_incident' ? 'mark_not_incident' : 'mark_incident'
    case 'pinned':
      return value ? 'pin' : 'unpin'
    case 'hidden':
      return value ? 'hide' : 'unhide'
  }
}

/** Folds incident `fromId` into `intoId` (both may be ids of merged incidents); returns the survivor. */
export async function mergeIncidents(
  deps: Deps,
  fromId: string,
  intoId: string,
  opts: ActOptions,
): Promise<string> {
  const from = await requireIncident(deps, fromId)
  const into = await requireIncident(deps, intoId)
  if (from.id === into.id) {
    throw new AppError('bad_request', `cannot merge incident ${from.id} into itself`)
  }
  const merged = absorbIncidents(into, [from])
  const survivor = { ...merged, mergedInto: null, updatedAt: opts.at, editedAt: opts.at }
  const [fromAnchor, intoAnchor] = opts.record
    ? await Promise.all([deps.repo.incidentAnchor(from.id), deps.repo.incidentAnchor(into.id)])
    : [null, null]
  const log = logFor(opts, () => ({
    curations: [
      decision(opts, {
        kind: 'incident_merge',
        anchorArticleId: fromAnchor,
        targetId: from.id,
        value: { into: intoAnchor, intoId: into.id },
      }),
    ],
    audit: [
      auditLine(opts, {
        action: 'merge',
        targetType: 'incident',
        targetId: from.id,
        detail: { merged: from.id, title: from.title, into: into.id },
      }),
    ],
  }))
  const rebuilt = { incident: survivor, entities: entityRows(survivor.profile, survivor.lastSeen) }
  await deps.repo.mergeIncident(from.id, rebuilt, log)
  return into.id
}
