// Pure formatting helpers shared by the pages. Nothing here builds markup: hono/jsx escapes every
// string these return when it is interpolated.
import type { EntityType, IncidentRelation, SummarySentence } from '../../core/types.js'

/** Only http(s) links are rendered as links; anything else (javascript:, data:) is dropped. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

/** The host of a URL for display, or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export const incidentHref = (id: string) => `/incidents/${encodeURIComponent(id)}`
export const entityHref = (id: string) => `/entities/${encodeURIComponent(id)}`

export const TYPE_LABEL: Record<EntityType, string> = {
  threat_actor: 'Threat actors',
  organization: 'Organizations',
  software: 'Software',
  malware: 'Malware',
  vulnerability: 'Vulnerabilities',
}

/** Singular, lower-case type names for running text and screen readers. */
export const TYPE_NAME: Record<EntityType, string> = {
  threat_actor: 'threat actor',
  organization: 'organization',
  software: 'software',
  malware: 'malware',
  vulnerability: 'vulnerability',
}

export const RELATION_LABEL: Record<IncidentRelation, string> = {
  caused_by: 'caused by',
  same_actor: 'same actor',
  related: 'related',
}

export const day = (iso: string) => iso.slice(0, 10)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "20 Mar 2026", from the date part of an ISO string (no time zone conversion surprises). */
export function longDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-')
  const month = MONTHS[Number(m) - 1]
  return month && d ? `${Number(d)} ${month} ${y}` : iso
}

/** "Mar 2026" from "2026-03" or a full date. */
export function monthLabel(iso: string): string {
  const [y, m] = iso.split('-')
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`
}

/** "3 hours ago", "yesterday", "in 2 days": coarse on purpose, the absolute date sits next to it. */
export function relativeTime(iso: string, now: Date): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const diff = now.getTime() - t
  const future = diff < 0
  const min = Math.abs(diff) / 60_000
  const steps: [number, string][] = [
    [60, 'minute'],
    [24 * 60, 'hour'],
    [30 * 24 * 60, 'day'],
    [365 * 24 * 60, 'month'],
    [Infinity, 'year'],
  ]
  const sizes = [1, 60, 24 * 60, 30 * 24 * 60, 365 * 24 * 60]
  if (min < 1) return 'just now'
  for (const [i, [limit, unit]] of steps.entries()) {
    if (min >= limit) continue
    const n = Math.floor(min / sizes[i]!)
    if (unit === 'day' && n === 1) return future ? 'tomorrow' : 'yesterday'
    const text = `${n} ${unit}${n === 1 ? '' : 's'}`
    return future ? `in ${text}` : `${text} ago`
  }
  return iso
}

/** The first one or two sentences, capped so that a card never turns into a wall of text. */
export function lead(summary: SummarySentence[], max = 2, chars = 320): string {
  let out = ''
  for (const s of summary.slice(0, max)) {
    const next = out ? `${out} ${s.text}` : s.text
    if (out && next.length > chars) break
    out = next
  }
  return out.length > chars ? `${out.slice(0, chars - 1).replace(/\s+\S*$/, '')}…` : out
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** Splits a title into at most `lines` lines of about `width` characters, with an ellipsis. */
export function wrapText(text: string, width: number, lines: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (next.length <= width || !line) {
      line = next
      continue
    }
    out.push(line)
    line = word
    if (out.length === lines) break
  }
  if (out.length < lines && line) out.push(line)
  else if (line) out[lines - 1] = `${out[lines - 1]}…`
  return out.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l))
}
