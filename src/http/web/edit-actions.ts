// What each editor form post does: the form's `action` field picks one curation action, and the
// answer is where to send the browser next (the surviving or new incident for merge and split).
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import type { EntityType } from '../../core/types.js'
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import { mergeEntity, setEntityType } from '../../pipeline/curate/entity-actions.js'
import {
  editIncident,
  mergeIncidents,
  type IncidentEditInput,
} from '../../pipeline/curate/incident-actions.js'
import type { ActOptions } from '../../pipeline/curate/log.js'
import { splitIncident } from '../../pipeline/curate/split.js'

type Form = Record<string, string | File | (string | File)[]>

const TOGGLES: Record<string, IncidentEditInput> = {
  pin: { pinned: true },
  unpin: { pinned: false },
  hide: { hidden: true },
  unhide: { hidden: false },
  not_incident: { kind: 'not_incident' },
  incident: { kind: 'incident' },
}

const text = (form: Form, name: string): string => {
  const v = form[name]
  return typeof v === 'string' ? v.trim() : ''
}

function required(value: string, what: string, max: number): string {
  if (!value) throw new AppError('bad_request', `The ${what} is empty.`)
  if (value.length > max)
    throw new AppError('bad_request', `The ${what} is longer than ${max} characters.`)
  return value
}

/** An id, or any URL or path that contains `/incidents/ID` (or `/entities/ID`). */
export function targetRef(input: string, kind: 'incidents' | 'entities'): string | null {
  const value = input.trim()
  if (!value) return null
  const m = new RegExp(`/${kind}/([^/?#\\s]+)`).exec(value)
  const id = m ? m[1]! : value
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}

/** Runs the posted incident action; returns the incident to show next. */
export async function postIncidentAction(deps: Deps, id: string, form: Form, opts: ActOptions) {
  const action = text(form, 'action')
  const toggle = TOGGLES[action]
  if (toggle) return editIncident(deps, id, toggle, opts)
  switch (action) {
    case 'title':
      return editIncident(deps, id, { title: required(text(form, 'title'), 'title', 300) }, opts)
    case 'summary': {
      const summary = required(text(form, 'summary'), 'summary', 5000)
      return editIncident(deps, id, { summary }, opts)
    }
    case 'merge': {
      const into = targetRef(text(form, 'into'), 'incidents')
      if (!into)
        throw new AppError('bad_request', 'Give the id or address of the incident to merge into.')
      return mergeIncidents(deps, id, into, opts)
    }
    case 'split': {
      const raw = form.article
      const ids = (Array.isArray(raw) ? raw : [raw]).filter(
        (v): v is string => typeof v === 'string',
      )
      if (ids.length === 0) throw new AppError('bad_request', 'Tick the articles to move first.')
      return splitIncident(deps, id, ids, opts)
    }
    default:
      throw new AppError('bad_request', 'Unknown action.')
  }
}

/** Runs the posted entity action; returns the entity to show next. */
export async function postEntityAction(
  deps: Deps,
  id: string,
  form: Form,
  opts: ActOptions & { admin: boolean },
) {
  switch (text(form, 'action')) {
    case 'type': {
      const type = text(form, 'type')
      if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
        throw new AppError('bad_request', 'Choose one of the entity types.')
      }
      return setEntityType(deps, id, type as EntityType, opts)
    }
    case 'merge': {
      if (!opts.admin) throw new AppError('forbidden', 'Merging entities needs an admin key.')
      const into = targetRef(text(form, 'into'), 'entities')
      if (!into)
        throw new AppError('bad_request', 'Give the id or address of the entity to merge into.')
      return mergeEntity(deps, id, into, opts)
    }
    default:
      throw new AppError('bad_request', 'Unknown action.')
  }
}
