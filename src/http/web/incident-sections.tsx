/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The incident page's sections other than the summary and the chain.
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import type { ArticleView, CurationEdit, IncidentDetail } from '../../storage/repository.js'
import { incidentHref, longDay, RELATION_LABEL, safeHref, TYPE_LABEL } from './format.js'
import { ChainGraph } from './chain-graph.js'
import { EntityChip } from './incident-list.js'

/** Outbound links to publishers: no referrer, no opener, no endorsement. */
export const OUT_REL = 'noopener noreferrer nofollow'

export function Timeline({ incident }: { incident: IncidentDetail }) {
  const outlet = new Map(incident.articles.map((a) => [a.id, a.source]))
  return (
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">Timeline</h2>
      {incident.timeline.length === 0 ? (
        <p class="muted">No dated events found in the sources yet.</p>
      ) : (
        <ol class="timeline">
          {incident.timeline.map((e) => (
            <li>
              <time datetime={e.date}>{longDay(e.date)}</time> {e.text}{' '}
              <a href={safeHref(e.sourceUrl)} rel={OUT_REL} class="small">
                {outlet.get(e.articleId) ?? 'source'}
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** How a link reads from this incident's side: "caused by" upstream, "led to" downstream. */
export function linkLabel(r: IncidentDetail['related'][number]): string {
  if (r.relation === 'caused_by') return r.direction === 'outgoing' ? 'Caused by' : 'Led to'
  const label = RELATION_LABEL[r.relation]
  return label.charAt(0).toUpperCase() + label.slice(1)
}

export function LinkedIncidents({ incident }: { incident: IncidentDetail }) {
  return (
    <section aria-labelledby="linked-h">
      <h2 id="linked-h">Linked incidents</h2>
      {incident.related.length === 0 ? (
        <p class="muted">No linked incidents found.</p>
      ) : (
        <>
          <figure>
            <ChainGraph incident={incident} />
            <figcaption>
              Arrows point from an incident to the one it is linked to; causes are drawn above.
            </figcaption>
          </figure>
          <ul class="links">
            {incident.related.map((r) => (
              <li>
                <span class="rel">{linkLabel(r)}</span> <a href={incidentHref(r.id)}>{r.title}</a>
                {r.evidence && <blockquote>{r.evidence}</blockquote>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

export function EntityGroups({ incident }: { incident: IncidentDetail }) {
  return (
    <section aria-labelledby="entities-h" class="side">
      <h2 id="entities-h">Entities</h2>
      {incident.entities.length === 0 && <p class="muted">No entities recognised.</p>}
      {ENTITY_TYPES.map((type) => {
        const list = incident.entities.filter((e) => e.type === type)
        return list.length === 0 ? null : (
          <div class="entity-group">
            <h3>{TYPE_LABEL[type]}</h3>
            <ul class="chips">
              {list.map((e) => (
                <EntityChip entity={e} />
              ))}
            </ul>
          </div>
        )
      })}
    </section>
  )
}

export function Sources({ articles }: { articles: ArticleView[] }) {
  const number = new Map(articles.map((a, i) => [a.id, i + 1]))
  return (
    <section aria-labelledby="sources-h">
      <h2 id="sources-h">Sources</h2>
      <ol class="sources">
        {articles.map((a, i) => (
          <li id={`source-${i + 1}`}>
            <span class="muted small">
              [{i + 1}] <strong>{a.source}</strong> ·{' '}
              <time datetime={a.publishedAt}>{longDay(a.publishedAt)}</time>
              {a.duplicateOf && (
                <>
                  {' '}
                  · <span class="badge">Duplicate</span> copy of{' '}
                  {number.has(a.duplicateOf) ? `[${number.get(a.duplicateOf)}]` : 'another article'}
                </>
              )}
            </span>
            <br />
            <a href={safeHref(a.url)} rel={OUT_REL}>
              {a.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  )
}

export function EditHistory({ edits }: { edits: CurationEdit[] }) {
  return (
    <section aria-labelledby="edits-h">
      <h2 id="edits-h">Edit history</h2>
      <ul class="edits">
        {edits.map((e) => (
          <li>
            <strong>{e.actor}</strong> {describeEdit(e)}{' '}
            <span class="muted small">
              · <time datetime={e.at}>{longDay(e.at)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

const clip = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return s.length > 90 ? `${s.slice(0, 89)}…` : s
}

/** "changed the title from “A” to “B”", or the action and its plain fields. */
/** A sentence a reader understands ("renamed it from … to …"), not the audit log's field dump. */
export function describeEdit(e: CurationEdit): string {
  const d = e.detail
  const fixed = FIXED_WORDING[e.action]
  if (fixed) return fixed
  switch (e.action) {
    case 'rename':
      return `renamed it from “${clip(d.from)}” to “${clip(d.to)}”`
    case 'merge':
      return `merged “${clip(d.title ?? d.merged)}” into this incident`
    case 'split': {
      const n = Array.isArray(d.article_ids) ? d.article_ids.length : 0
      return `split ${n} article${n === 1 ? '' : 's'} off into a new incident`
    }
    case 'set_type':
      return `changed an entity's type to ${clip(d.to)}`
  }
  const action = e.action.replace(/[._]/g, ' ')
  const parts = Object.entries(d)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .slice(0, 3)
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${clip(v)}`)
  return parts.length ? `${action} (${parts.join(', ')})` : action
}

const FIXED_WORDING: Record<string, string> = {
  edit_summary: 'edited the summary',
  pin: 'pinned it',
  unpin: 'unpinned it',
  hide: 'hid it',
  unhide: 'unhid it',
  mark_not_incident: 'marked it not an incident',
  mark_incident: 'marked it an incident',
}
