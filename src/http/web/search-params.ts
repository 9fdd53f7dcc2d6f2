// The search form's query string, checked before it reaches storage: a person who types a bad
// date or an unknown type gets a message next to the form, never an error page.
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import type { EntityType } from '../../core/types.js'
import type { IncidentQuery } from '../../storage/repository.js'

export const SORTS = {
  recent: 'Latest activity',
  first_seen: 'Newest first seen',
  coverage: 'Most sources',
} as const
export type SearchSort = keyof typeof SORTS

/** The form's fields as the reader typed them (echoed back into the form). */
export interface SearchForm {
  q: string
  type: string
  entity: string
  since: string
  until: string
  sort: string
}

export interface SearchRequest {
  form: SearchForm
  /** Messages for the reader; when non-empty nothing is searched. */
  errors: string[]
  /** True when any filter is set (otherwise the page shows the empty form). */
  active: boolean
  query: Omit<IncidentQuery, 'limit' | 'cursor'>
  cursor: string | null
  /** How many results earlier pages showed, for the "N results" line. */
  seen: number
}

const field = (v: string | undefined, max: number) => (v ?? '').trim().slice(0, max)

function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const t = Date.parse(`${s}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s
}

export function parseSearch(params: Record<string, string | undefined>): SearchRequest {
  const form: SearchForm = {
    q: field(params.q, 200),
    type: field(params.type, 40),
    entity: field(params.entity, 200),
    since: field(params.since, 20),
    until: field(params.until, 20),
    sort: field(params.sort, 20),
  }
  const errors: string[] = []
  if (form.type && !(ENTITY_TYPES as readonly string[]).includes(form.type))
    errors.push(`“${form.type}” is not an entity type. Choose one from the list.`)
  for (const [name, label] of [
    ['since', 'From'],
    ['until', 'To'],
  ] as const) {
    if (form[name] && !isDay(form[name]))
      errors.push(
        `${label}: “${form[name]}” is not a date. Use the form YYYY-MM-DD, e.g. 2026-03-20.`,
      )
  }
  if (isDay(form.since) && isDay(form.until) && form.since > form.until)
    errors.push('From is after To: no incident can match. Swap the two dates.')
  if (form.sort && !(form.sort in SORTS)) errors.push(`“${form.sort}” is not a sort order.`)
  const seen = Number.parseInt(params.seen ?? '0', 10)
  return {
    form,
    errors,
    active: Boolean(form.q || form.type || form.entity || form.since || form.until),
    query: {
      q: form.q || null,
      type: (form.type as EntityType) || null,
      entity: form.entity || null,
      since: form.since || null,
      until: form.until || null,
      sort: (form.sort as SearchSort) || 'recent',
    },
    cursor: params.cursor ? params.cursor.slice(0, 512) : null,
    seen: Number.isFinite(seen) && seen > 0 ? Math.min(seen, 1_000_000) : 0,
  }
}

/** The query string of the next page, keeping the reader's filters. */
export function nextPageHref(form: SearchForm, cursor: string, seen: number): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(form)) if (v) params.set(k, v)
  params.set('cursor', cursor)
  params.set('seen', String(seen))
  return `/search?${params}`
}
