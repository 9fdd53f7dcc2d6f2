/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { IncidentDetail } from '../../storage/repository.js'
import { incidentHref, lead, longDay, plural, safeHref } from './format.js'
import {
  EditHistory,
  EntityGroups,
  LinkedIncidents,
  OUT_REL,
  Sources,
  Timeline,
} from './incident-sections.js'
import { Meta } from './incident-list.js'
import { Layout, type EditorStatus } from './layout.js'

export function IncidentPage(props: { incident: IncidentDetail; editor: EditorStatus }) {
  const { incident } = props
  const edits = incident.edits ?? []
  const edited = Boolean(incident.edited) || edits.length > 0
  const oneDay = day(incident.firstSeen) === day(incident.lastSeen)
  return (
    <Layout title={incident.title} editor={props.editor} description={lead(incident.summary)}>
      <article class="incident">
        <header>
          <h1>{incident.title}</h1>
          <Meta
            items={[
              <span>
                <time datetime={incident.firstSeen}>{longDay(incident.firstSeen)}</time>
                {!oneDay && (
                  <>
                    {' – '}
                    <time datetime={incident.lastSeen}>{longDay(incident.lastSeen)}</time>
                  </>
                )}
              </span>,
              <span>{plural(incident.articleCount, 'source')}</span>,
              incident.pinned && <span class="badge">Pinned</span>,
              edited && <span class="badge">Edited</span>,
              incident.hidden && <span class="badge">Hidden from lists</span>,
              incident.kind === 'not_incident' && <span class="badge">Not an incident</span>,
            ]}
          />
          <p class="actions-row">
            <a href={`${incidentHref(incident.id)}/edit`}>Edit</a>
            <a href={`/api/v1/incidents/${encodeURIComponent(incident.id)}`} class="small">
              JSON
            </a>
          </p>
        </header>
        <Summary incident={incident} />
        <Timeline incident={incident} />
        <LinkedIncidents incident={incident} />
        <EntityGroups incident={incident} />
        <Sources articles={incident.articles} />
        {edited && edits.length > 0 && <EditHistory edits={edits} />}
      </article>
    </Layout>
  )
}

const day = (iso: string) => iso.slice(0, 10)

/** Each sentence cites its article by its number in the Sources list, linking to the article. */
function Summary({ incident }: { incident: IncidentDetail }) {
  const index = new Map(incident.articles.map((a, i) => [a.id, { n: i + 1, a }]))
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">Summary</h2>
      {incident.summary.length === 0 ? (
        <p class="muted">No summary yet.</p>
      ) : (
        <p class="summary-text">
          {incident.summary.map((s) => {
            const cited = index.get(s.articleId)
            const href = safeHref(cited?.a.url ?? s.sourceUrl)
            const label = cited ? `Source ${cited.n}: ${cited.a.source}` : 'Source'
            return (
              <>
                {s.text}
                {/* A word joiner keeps the citation on the line of the sentence it cites. */}
                {href && '\u2060'}
                {href && (
                  <sup>
                    <a href={href} rel={OUT_REL} title={label} aria-label={label}>
                      [{cited?.n ?? '↗'}]
                    </a>
                  </sup>
                )}{' '}
              </>
            )
          })}
        </p>
      )}
    </section>
  )
}
