/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Incident cards (home, search, entity pages) and entity chips.
import type { Child } from 'hono/jsx'
import type { EntityRef, IncidentView } from '../../storage/repository.js'
import {
  entityHref,
  incidentHref,
  lead,
  longDay,
  plural,
  relativeTime,
  TYPE_NAME,
} from './format.js'

/**
 * An entity as a link coloured by type. The anchor's text is the name alone (so it reads as the
 * name); the type follows as text for screen readers and as a tooltip, never as colour only.
 */
export function ChipLink({ entity }: { entity: EntityRef }) {
  return (
    <>
      <a
        class={`chip t-${entity.type}`}
        href={entityHref(entity.id)}
        title={TYPE_NAME[entity.type]}
      >
        {entity.name}
      </a>
      <span class="vh"> ({TYPE_NAME[entity.type]})</span>
    </>
  )
}

export function EntityChip({ entity }: { entity: EntityRef }) {
  return (
    <li>
      <ChipLink entity={entity} />
      {NL}
    </li>
  )
}

/** Whitespace between blocks: invisible, but keeps the page's plain text (textContent) readable. */
export const NL = '\n'

export function EntityChips({ entities, max = 6 }: { entities: EntityRef[]; max?: number }) {
  if (entities.length === 0) return null
  return (
    <ul class="chips" aria-label="Entities">
      {entities.slice(0, max).map((e) => (
        <EntityChip entity={e} />
      ))}
    </ul>
  )
}

/**
 * A line of facts ("3 days ago · 2 sources"). The dots are CSS; the spaces between the items are
 * real, so that copied text and screen readers do not run "2026" into "2 sources".
 */
export function Meta({ items }: { items: Child[] }) {
  const shown = items.filter((x) => x !== null && x !== undefined && x !== false && x !== '')
  return (
    <p class="meta">
      {shown.map((x, i) => (
        <>
          {i > 0 ? ' ' : ''}
          {x}
        </>
      ))}
    </p>
  )
}

/** A relative time for reading and the exact date in `datetime` and in the visible text. */
export function When({ iso, now }: { iso: string; now: Date }) {
  return (
    <time datetime={iso} title={iso}>
      {relativeTime(iso, now)} · {longDay(iso)}
    </time>
  )
}

export interface CardProps {
  incident: IncidentView
  now: Date
  /** h2 on lists that are the page's main content, h3 inside a titled section. */
  level?: 2 | 3
  /** Extra text after the source count, e.g. "3 in the last 7 days". */
  note?: string
  maxChips?: number
}

export function IncidentCard({ incident, now, level = 2, note, maxChips = 6 }: CardProps) {
  const link = <a href={incidentHref(incident.id)}>{incident.title}</a>
  const summary = lead(incident.summary)
  return (
    <article class="incident-card">
      {level === 2 ? <h2>{link}</h2> : <h3>{link}</h3>}
      {NL}
      <Meta
        items={[
          incident.pinned && <span class="badge">Pinned</span>,
          <When iso={incident.lastSeen} now={now} />,
          <span>{plural(incident.articleCount, 'source')}</span>,
          note && <span>{note}</span>,
        ]}
      />
      {NL}
      {summary && <p class="summary">{summary}</p>}
      {NL}
      <EntityChips entities={incident.entities} max={maxChips} />
    </article>
  )
}

export function IncidentCards(props: { incidents: IncidentView[]; now: Date; level?: 2 | 3 }) {
  return (
    <ul class="cards">
      {props.incidents.map((i) => (
        <li>
          <IncidentCard incident={i} now={props.now} level={props.level ?? 2} />
        </li>
      ))}
    </ul>
  )
}
