/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// "Incidents over time" for an entity: an inline SVG bar chart (per week for short histories, per
// month for longer ones) with a <title> per bar, plus the same figures as a visually hidden
// table for screen readers.
import { longDay, monthLabel, plural } from './format.js'

export interface Bucket {
  /** First day of the bucket, YYYY-MM-DD. */
  start: string
  label: string
  count: number
}

const DAY = 86_400_000
const MAX_BUCKETS = 36

const iso = (t: number) => new Date(t).toISOString().slice(0, 10)

function mondayOf(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`)
  return t - ((new Date(t).getUTCDay() + 6) % 7) * DAY
}

/** Buckets from daily counts, gaps filled with zeros, at least a few so one bar is not alone. */
export function bucketize(days: { date: string; count: number }[]): {
  unit: 'week' | 'month'
  buckets: Bucket[]
} {
  if (days.length === 0) return { unit: 'month', buckets: [] }
  const first = days[0]!.date
  const last = days[days.length - 1]!.date
  const spanDays = (Date.parse(last) - Date.parse(first)) / DAY
  if (spanDays <= 120) {
    const end = mondayOf(last)
    const start = Math.min(mondayOf(first), end - 7 * 7 * DAY)
    const buckets: Bucket[] = []
    for (let t = start; t <= end; t += 7 * DAY)
      buckets.push({ start: iso(t), label: `${longDay(iso(t)).replace(/ \d{4}$/, '')}`, count: 0 })
    for (const d of days) {
      const b = buckets.find((x) => x.start === iso(mondayOf(d.date)))
      if (b) b.count += d.count
    }
    return { unit: 'week', buckets }
  }
  const months: Bucket[] = []
  let [y, m] = first.slice(0, 7).split('-').map(Number) as [number, number]
  const lastMonth = last.slice(0, 7)
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    months.push({ start: `${key}-01`, label: monthLabel(key), count: 0 })
    if (key >= lastMonth) break
    ;[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1]
  }
  for (const d of days) {
    const b = months.find((x) => x.start.slice(0, 7) === d.date.slice(0, 7))
    if (b) b.count += d.count
  }
  return { unit: 'month', buckets: months.slice(-MAX_BUCKETS) }
}

const W = 600
const H = 190
const LEFT = 34
const BOTTOM = 30
const TOP = 12

export function ActivityChart({ days }: { days: { date: string; count: number }[] }) {
  const { unit, buckets } = bucketize(days)
  if (buckets.length === 0) return <p class="muted">No incidents yet.</p>
  const max = Math.max(1, ...buckets.map((b) => b.count))
  const plotW = W - LEFT - 8
  const plotH = H - TOP - BOTTOM
  const slot = plotW / buckets.length
  const barW = Math.max(2, Math.min(40, slot * 0.7))
  const every = Math.ceil(buckets.length / 8)
  const yOf = (n: number) => TOP + plotH - (n / max) * plotH
  const ticks = [...new Set([0, Math.round(max / 2), max])]
  const per = unit === 'week' ? 'Week of' : ''
  return (
    <figure>
      <svg
        class="activity"
        role="img"
        aria-label="Incidents over time"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
      >
        {ticks.map((t) => (
          <g>
            <line x1={LEFT} x2={W - 8} y1={yOf(t)} y2={yOf(t)} class="axis" />
            <text x={LEFT - 6} y={yOf(t) + 4} text-anchor="end" class="tick">
              {t}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const x = LEFT + i * slot + (slot - barW) / 2
          const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * plotH)
          return (
            <g>
              <rect x={x} y={TOP + plotH - h} width={barW} height={h} class="bar">
                <title>{`${per} ${b.label}: ${plural(b.count, 'incident')}`.trim()}</title>
              </rect>
              {i % every === 0 && (
                <text x={x + barW / 2} y={H - 10} text-anchor="middle" class="tick">
                  {b.label}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <figcaption>
        Incidents per {unit} by the date they were first reported (tallest bar:{' '}
        {plural(max, 'incident')}).
      </figcaption>
      <table class="vh">
        <caption>Incidents over time, per {unit}</caption>
        <thead>
          <tr>
            <th scope="col">{unit === 'week' ? 'Week of' : 'Month'}</th>
            <th scope="col">Incidents</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b) => (
            <tr>
              <td>{b.label}</td>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
