// Feed dates. The common shapes (ISO-8601 / W3C-DTF, RFC 822/1123, epoch seconds) are parsed by
// hand so the result never depends on the host's time zone or JS engine; chrono-node is only a
// fallback for the odd formats feeds invent (English locale only: the full entry bundles ~15).
import { strict as chronoStrict } from 'chrono-node/en'
import { monthIndex } from './date-months.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** Offsets in hours. Ambiguous abbreviations (IST, CST-as-China) are left to the UTC default. */
const ZONES: Readonly<Record<string, number>> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  akst: -9,
  akdt: -8,
  hst: -10,
  ast: -4,
  adt: -3,
  bst: 1,
  west: 1,
  cet: 1,
  cest: 2,
  met: 1,
  mest: 2,
  eet: 2,
  eest: 3,
  msk: 3,
  sgt: 8,
  hkt: 8,
  awst: 8,
  jst: 9,
  kst: 9,
  acst: 9.5,
  aest: 10,
  aedt: 11,
  nzst: 12,
  nzdt: 13,
}

const ISO_RE =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i

// Day and month names are any letters (\p{L}): localised feeds write "Sáb" or "févr".
const RFC822_RE =
  /^(?:\p{L}+\.?,?\s*)?(\d{1,2})[\s-]+(\p{L}+)\.?,?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):?(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(.*)$/iu

interface Parts {
  year: number
  month: number
  day: number
  hour?: number
  minute?: number
  second?: number
  ms?: number
  offsetMinutes: number
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function build(p: Parts): Date | null {
  const { year, month, day, hour = 0, minute = 0, ms = 0 } = p
  const second = Math.min(p.second ?? 0, 59) // a leap second is not worth rejecting the date
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && minute + second > 0)) return null
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const date = new Date(utc - p.offsetMinutes * 60_000)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Minutes east of UTC for a zone token, undefined when unknown. Empty means UTC. */
function zoneOffset(raw: string | undefined): number | undefined {
  const zone = (raw ?? '')
    .replace(/\(.*\)/, '')
    .trim()
    .toLowerCase()
  if (zone === '') return 0
  if (zone in ZONES) return (ZONES[zone] as number) * 60
  const m = /^(?:gmt|utc|ut)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone)
  if (m === null) return undefined
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
  return m[1] === '-' ? -minutes : minutes
}

function parseIso(s: string): Date | null {
  const m = ISO_RE.exec(s)
  if (m === null) return null
  const offsetMinutes = zoneOffset(m[8])
  if (offsetMinutes === undefined) return null
  return build({
    year: Number(m[1]),
    month: Number(m[2] ?? 1),
    day: Number(m[3] ?? 1),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: Math.round(Number(`0.${m[7] ?? 0}`) * 1000),
    offsetMinutes,
  })
}

/** RFC 822/1123 with the usual sins: no or wrong day name, 2-digit year, no seconds, named zones. */
function parseRfc822(s: string): Date | null {
  const m = RFC822_RE.exec(s)
  if (m === null) return null
  const month = monthIndex(m[2] as string)
  const offsetMinutes = zoneOffset(m[7])
  if (month === 0 || offsetMinutes === undefined) return null
  let year = Number(m[3])
  // RFC 5322 4.3: two-digit years below 50 are 20xx, three-digit years are 1900 + n.
  if ((m[3] as string).length === 2) year += year < 50 ? 2000 : 1900
  else if ((m[3] as string).length === 3) year += 1900
  return build({
    year,
    month,
    day: Number(m[1]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    offsetMinutes,
  })
}

function parseEpoch(s: string): Date | null {
  if (!/^\d{9,13}$/.test(s)) return null
  const n = Number(s)
  return new Date(s.length >= 12 ? n : n * 1000)
}

function parseWithChrono(s: string, ref: Date | undefined): Date | null {
  const text = s.replace(/\(.*?\)/g, ' ').trim()
  const [result] = chronoStrict.parse(text, { instant: ref ?? new Date(0), timezone: 0 })
  // chrono finds dates inside any prose; only trust it when the date is most of the value.
  if (result === undefined || result.text.length < text.length * 0.6) return null
  if (!result.start.isCertain('day') || !result.start.isCertain('month')) return null
  return result.start.date()
}

/**
 * Parses a date as feeds and pages write them, without any clamping. Dates before 1970 and the
 * Unix epoch itself are rejected: they come from unset fields, not from real publications.
 */
export function parseDateValue(value: string | undefined | null, ref?: Date): Date | null {
  const s = (value ?? '').trim()
  if (s === '' || s.length > 200) return null
  const date = parseEpoch(s) ?? parseIso(s) ?? parseRfc822(s) ?? parseWithChrono(s, ref)
  if (date === null || Number.isNaN(date.getTime())) return null
  if (date.getTime() <= 0) return null
  return date
}

/**
 * A feed date as an ISO string, or null. A date more than a day after `now` is clamped to `now`:
 * feeds with wrong clocks or scheduled posts would otherwise sort ahead of everything for days.
 * One day of slack tolerates time-zone mistakes (a local time labelled as UTC).
 */
export function parseFeedDate(value: string | undefined | null, now: Date): string | null {
  const date = parseDateValue(value, now)
  if (date === null) return null
  if (date.getTime() > now.getTime() + DAY_MS) return now.toISOString()
  return date.toISOString()
}
