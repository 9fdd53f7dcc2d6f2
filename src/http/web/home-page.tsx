/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { IncidentView } from '../../storage/repository.js'
import { IncidentCard, IncidentCards } from './incident-list.js'
import { Layout, type EditorStatus } from './layout.js'

export const COVERAGE_WINDOWS = {
  '7': 'Last 7 days',
  '30': 'Last 30 days',
  all: 'All time',
} as const
export type CoverageWindow = keyof typeof COVERAGE_WINDOWS

export interface Covered {
  /** The window asked for, and the one shown (wider when the asked one was empty). */
  asked: CoverageWindow
  shown: CoverageWindow
  incidents: (IncidentView & { recentArticles?: number })[]
}

export interface HomeProps {
  pinned: IncidentView[]
  latest: IncidentView[]
  olderHref: string | null
  /** Null on later pages, where only the list continues. */
  covered: Covered | null
  now: Date
  editor: EditorStatus
}

export function HomePage(props: HomeProps) {
  const later = props.covered === null
  const empty = props.pinned.length === 0 && props.latest.length === 0
  return (
    <Layout title="Latest incidents" editor={props.editor} current="incidents">
      <div class="home">
        <div>
          <h1>Latest incidents</h1>
          <p class="lede">
            {later
              ? 'Older incidents, most recently active first.'
              : 'Security incidents from the news, grouped across outlets, with cited summaries.'}
          </p>
        </div>
        <div>
          {empty && (
            <div class="notice">
              <p>No incidents yet. Add feeds and run a crawl (see About).</p>
            </div>
          )}
          <IncidentCards incidents={[...props.pinned, ...props.latest]} now={props.now} />
          <nav class="pager" aria-label="Pages">
            {later ? <a href="/">← Latest</a> : <span />}
            {props.olderHref && (
              <a href={props.olderHref} rel="next">
                Older incidents →
              </a>
            )}
          </nav>
        </div>
        {props.covered && <MostCovered covered={props.covered} now={props.now} />}
      </div>
    </Layout>
  )
}

function MostCovered({ covered, now }: { covered: Covered; now: Date }) {
  const wider = covered.shown !== covered.asked
  return (
    <section class="covered" aria-labelledby="covered-h">
      <h2 id="covered-h">Most covered</h2>
      <p class="tabs">
        {Object.entries(COVERAGE_WINDOWS).map(([key, label]) =>
          key === covered.shown ? (
            <strong aria-current="true">{label}</strong>
          ) : (
            <a href={`/?covered=${key}`}>{label}</a>
          ),
        )}
      </p>
      {wider && (
        <p class="small muted">
          Nothing new in the {COVERAGE_WINDOWS[covered.asked].toLowerCase()}; showing{' '}
          {COVERAGE_WINDOWS[covered.shown].toLowerCase()}.
        </p>
      )}
      {covered.incidents.length === 0 ? (
        <p class="muted">No incidents yet.</p>
      ) : (
        <ol class="cards">
          {covered.incidents.map((i) => (
            <li>
              <IncidentCard
                incident={i}
                now={now}
                level={3}
                maxChips={3}
                note={
                  i.recentArticles !== undefined && covered.shown !== 'all'
                    ? `${i.recentArticles} in the ${COVERAGE_WINDOWS[covered.shown].toLowerCase()}`
                    : undefined
                }
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
