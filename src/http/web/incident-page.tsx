/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import type { IncidentDetail } from '../../storage/repository.js'
import { day, Layout, safeHref, TYPE_LABEL } from './layout.js'

export function IncidentPage({ incident }: { incident: IncidentDetail }) {
  const urlOf = new Map(incident.articles.map((a) => [a.id, a.url]))
  return (
    <Layout title={incident.title}>
      <article>
        <h1>{incident.title}</h1>
        <p class="muted">
          {day(incident.firstSeen)} – {day(incident.lastSeen)} · {incident.articleCount} sources
          {incident.kind === 'not_incident' ? ' · not an incident' : ''}
        </p>
        <section aria-labelledby="summary-h">
          <h2 id="summary-h">Summary</h2>
          <p>
            {incident.summary.map((s, i) => (
              <>
                {s.text}{' '}
                <a href={safeHref(urlOf.get(s.articleId) ?? s.sourceUrl)}>[{i + 1}]</a>{' '}
              </>
            ))}
          </p>
        </section>
        {incident.related.length > 0 && (
          <section aria-labelledby="related-h">
            <h2 id="related-h">Linked incidents</h2>
            <ul>
              {incident.related.map((r) => (
                <li>
                  {linkLabel(r)}: <a href={`/incidents/${encodeURIComponent(r.id)}`}>{r.title}</a>
                  {r.evidence && <blockquote class="muted">{r.evidence}</blockquote>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="timeline-h">
          <h2 id="timeline-h">Timeline</h2>
          <ol class="timeline">
            {incident.timeline.map((e) => (
              <li>
                <time datetime={e.date}>{e.date}</time> — {e.text}{' '}
                <a href={safeHref(e.sourceUrl)}>source</a>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="entities-h">
          <h2 id="entities-h">Entities</h2>
          {ENTITY_TYPES.map((type) => {
            const list = incident.entities.filter((e) => e.type === type)
            return list.length === 0 ? null : (
              <>
                <h3>{TYPE_LABEL[type]}</h3>
                <ul class="chips">
                  {list.map((e) => (
                    <li class="chip">{e.name}</li>
                  ))}
                </ul>
              </>
            )
          })}
        </section>
        <section aria-labelledby="sources-h">
          <h2 id="sources-h">Sources</h2>
          <ul>
            {incident.articles.map((a) => (
              <li>
                <a href={safeHref(a.url)} rel="noopener noreferrer nofollow">
                  {a.title}
                </a>{' '}
                <span class="muted">
                  {a.source} · {day(a.publishedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </article>
    </Layout>
  )
}

/** How a link reads from this incident's side: "caused by" upstream, "led to" downstream. */
function linkLabel(r: IncidentDetail['related'][number]): string {
  if (r.relation === 'same_actor') return 'Same actor'
  if (r.relation === 'caused_by') return r.direction === 'outgoing' ? 'Caused by' : 'Led to'
  return r.direction === 'outgoing' ? 'Follows from' : 'Followed by'
}
