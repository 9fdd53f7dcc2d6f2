/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { IncidentView } from '../../storage/repository.js'
import { day } from './layout.js'

export function IncidentCard({ incident }: { incident: IncidentView }) {
  return (
    <article class="card">
      <h2>
        <a href={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.title}</a>
      </h2>
      <p class="muted">
        {day(incident.firstSeen)}
        {incident.lastSeen.slice(0, 10) !== incident.firstSeen.slice(0, 10)
          ? ` – ${day(incident.lastSeen)}`
          : ''}{' '}
        · {incident.articleCount} {incident.articleCount === 1 ? 'source' : 'sources'}
      </p>
      <p>{incident.summary.map((s) => s.text).join(' ')}</p>
      <ul class="chips" aria-label="Entities">
        {incident.entities.slice(0, 8).map((e) => (
          <li class="chip">
            {e.name} <small>{e.type.replace('_', ' ')}</small>
          </li>
        ))}
      </ul>
    </article>
  )
}
