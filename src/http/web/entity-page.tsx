/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { EntityRef, EntityView, IncidentView } from '../../storage/repository.js'
import { ActivityChart } from './activity-chart.js'
import { longDay, plural, safeHref, TYPE_NAME } from './format.js'
import { ChipLink, IncidentCards, Meta } from './incident-list.js'
import { Layout, type EditorStatus } from './layout.js'

export interface EntityPageProps {
  entity: EntityView & { incidents: IncidentView[] }
  activity: { date: string; count: number }[]
  related: (EntityRef & { incidents: number })[]
  now: Date
  editor: EditorStatus
}

const ORIGIN: Record<EntityView['origin'], string> = {
  builtin: 'sitrep’s starter knowledge base',
  import: 'an imported knowledge base (MISP / MITRE ATT&CK)',
  discovered: 'discovered in news text',
}

export function EntityPage({ entity, activity, related, now, editor }: EntityPageProps) {
  const incidents = entity.incidents.filter((i) => !i.hidden && i.kind === 'incident')
  const firstSeenHref = safeHref(entity.firstSeenUrl)
  const typeName = TYPE_NAME[entity.type]
  return (
    <Layout
      title={entity.name}
      editor={editor}
      description={entity.description ?? undefined}
      feedHref={`${topicBase(entity.id)}/feed.atom`}
    >
      <article>
        <header class="reading">
          <h1>{entity.name}</h1>
          <Meta
            items={[
              <span class={`chip t-${entity.type}`}>{typeName}</span>,
              <span>{plural(entity.incidentCount, 'incident')}</span>,
              <span>
                Follow: <a href={`${topicBase(entity.id)}/feed.atom`}>Atom</a> ·{' '}
                <a href={`${topicBase(entity.id)}/feed.json`}>JSON Feed</a>
              </span>,
            ]}
          />
          {entity.provisional && (
            <div class="notice">
              <p>
                <strong>Provisional.</strong> sitrep found this {typeName} in news text; no
                knowledge base lists it yet. It is folded into the known entity if a later import
                names it as an alias.
              </p>
            </div>
          )}
          {entity.description && <p class="summary-text">{entity.description}</p>}
          <dl class="facts">
            <dt>Type</dt>
            <dd>{typeName}</dd>
            <dt>Aliases</dt>
            <dd>{entity.aliases.length ? entity.aliases.join(', ') : 'none known'}</dd>
            <dt>First seen</dt>
            <dd>
              {entity.firstSeenAt ? (
                <time datetime={entity.firstSeenAt}>{longDay(entity.firstSeenAt)}</time>
              ) : (
                'unknown'
              )}
              {firstSeenHref && (
                <>
                  {' '}
                  (
                  <a href={firstSeenHref} rel="noopener noreferrer nofollow">
                    source
                  </a>
                  )
                </>
              )}
            </dd>
            <dt>Known from</dt>
            <dd>{ORIGIN[entity.origin]}</dd>
          </dl>
          <p class="actions-row small">
            <a href={`/search?entity=${encodeURIComponent(entity.id)}`}>Search its incidents</a>
            <a href={`/api/v1/entities/${encodeURIComponent(entity.id)}`}>JSON</a>
          </p>
        </header>
        <section aria-labelledby="activity-h">
          <h2 id="activity-h">Incidents over time</h2>
          <ActivityChart days={activity} />
        </section>
        <div class="entity-cols">
          <section aria-labelledby="incidents-h">
            <h2 id="incidents-h">Incidents</h2>
            {incidents.length === 0 ? (
              <p class="muted">No incidents yet.</p>
            ) : (
              <IncidentCards incidents={incidents} now={now} level={3} />
            )}
          </section>
          <section aria-labelledby="related-h">
            <h2 id="related-h">Related entities</h2>
            {related.length === 0 ? (
              <p class="muted">No other entity appears in the same incidents.</p>
            ) : (
              <ul class="plain related">
                {related.map((r) => (
                  <li>
                    <ChipLink entity={r} />
                    <span class="muted small">{plural(r.incidents, 'shared incident')}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </article>
    </Layout>
  )
}

/** The entity's topic feeds (see src/http/topics). */
function topicBase(entityId: string): string {
  return `/topics/${encodeURIComponent(`entity:${entityId}`)}`
}
