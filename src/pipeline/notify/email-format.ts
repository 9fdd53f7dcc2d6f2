// Turns notification payloads (the JSON a webhook receives) into digest entries: one per
// incident, with every change the digest carries for it. Payload fields are read defensively:
// a field missing from an old payload degrades the text, never the send.
import type { ChangeKind } from '../../../db/schema/vocab.js'

export interface DigestEntry {
  incidentId: string
  title: string
  summary: string
  url: string
  /** "What changed", one line per change, in the order they happened. */
  changes: string[]
}

type Obj = Record<string, unknown>

const CHANGE_LABEL: Record<ChangeKind, string> = {
  incident_created: 'New incident',
  victim_added: 'New victim',
  actor_attributed: 'Attributed to',
  vulnerability_added: 'New vulnerability',
  malware_added: 'New malware',
  software_added: 'Software named',
  link_added: 'Linked to incident',
  tag_added: 'Tagged',
}

const AFFECTED_LABEL: Record<string, string> = {
  affected: 'an affected version',
  not_affected: 'not an affected version',
  unknown: 'affected versions unknown',
}

const SUMMARY_MAX = 600

const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** One line of text: no control characters (they could fold into headers or fake layout). */
export function oneLine(text: string, max = 300): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean
}

/** A new link, read from this incident's side like the incident page does. */
function describeLink(detail: Obj, subject: string, titles: ReadonlyMap<string, string>): string {
  const other = str(detail.incident_id) || subject
  const name = titles.get(other) ?? `incident ${other}`
  const relation = str(detail.relation)
  const label =
    relation === 'caused_by'
      ? str(detail.direction) === 'incoming'
        ? 'Led to'
        : 'Caused by'
      : relation === 'same_actor'
        ? 'Same actor as'
        : 'Linked to'
  return oneLine(`${label}: ${name}`, 200)
}

/** "What changed" for one change; `titles` names incidents the digest also lists. */
export function describeChange(
  change: Obj,
  titles: ReadonlyMap<string, string> = new Map(),
): string {
  const kind = str(change.kind) as ChangeKind
  const label = CHANGE_LABEL[kind] ?? (oneLine(str(change.kind)) || 'Updated')
  if (kind === 'incident_created') return label
  const detail = obj(change.detail)
  if (kind === 'link_added') return describeLink(detail, str(change.subject), titles)
  const name =
    str(obj(detail.entity).name) ||
    str(detail.name) ||
    str(detail.tag) ||
    str(detail.title) ||
    str(change.subject)
  return name ? `${label}: ${oneLine(name, 200)}` : label
}

function describeWatchlist(watchlist: Obj): string[] {
  const matches = Array.isArray(watchlist.matches) ? watchlist.matches.map(obj) : []
  return matches.map((m) => {
    const pkg = oneLine(`${str(m.name)}${m.version ? ` ${str(m.version)}` : ''}`, 120)
    const verdict = AFFECTED_LABEL[str(m.affected)] ?? AFFECTED_LABEL.unknown
    return `Your dependency ${pkg}: ${verdict}`
  })
}

/** http(s) URLs only; anything else becomes the incident's page on this server. */
function incidentUrl(incident: Obj, publicUrl: string): string {
  const url = str(incident.url)
  if (/^https?:\/\/[^\s"'<>]+$/i.test(url)) return url
  return `${publicUrl}/incidents/${encodeURIComponent(str(incident.id))}`
}

/** Payloads grouped by incident, in the order their first change happened. */
export function digestEntries(payloads: Obj[], publicUrl: string): DigestEntry[] {
  const byIncident = new Map<string, DigestEntry>()
  const titles = new Map(
    payloads.map((p) => obj(p.incident)).map((i) => [str(i.id), oneLine(str(i.title), 300)]),
  )
  for (const payload of payloads) {
    const incident = obj(payload.incident)
    const id = str(incident.id) || str(payload.incident_id) || 'unknown'
    let entry = byIncident.get(id)
    if (!entry) {
      entry = {
        incidentId: id,
        title: oneLine(str(incident.title) || 'Untitled incident', 300),
        summary: oneLine(str(incident.summary), SUMMARY_MAX),
        url: incidentUrl(incident, publicUrl),
        changes: [],
      }
      byIncident.set(id, entry)
    }
    const lines = [
      describeChange(obj(payload.change), titles),
      ...describeWatchlist(obj(payload.watchlist)),
    ]
    for (const line of lines) if (!entry.changes.includes(line)) entry.changes.push(line)
  }
  return [...byIncident.values()]
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
