/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import type { IncidentView } from '../../storage/repository.js'
import { plural, TYPE_NAME } from './format.js'
import { IncidentCards } from './incident-list.js'
import { Layout, type EditorStatus } from './layout.js'
import { nextPageHref, SORTS, type SearchRequest } from './search-params.js'

export interface SearchResults {
  incidents: IncidentView[]
  nextCursor: string | null
}

export interface SearchPageProps {
  req: SearchRequest
  results: SearchResults | null
  /** A storage-level refusal (e.g. a stale cursor), shown like a form error. */
  failure?: string
  now: Date
  editor: EditorStatus
}

export function SearchPage({ req, results, failure, now, editor }: SearchPageProps) {
  const f = req.form
  const title = f.q ? `Search: ${f.q}` : 'Search'
  const errors = failure ? [...req.errors, failure] : req.errors
  return (
    <Layout title={title} editor={editor} current="search">
      <h1>Search incidents</h1>
      <form role="search" action="/search" method="get" class="search-form">
        <div class="q">
          <label for="q">Search</label>
          <input id="q" name="q" type="search" value={f.q} placeholder="e.g. LiteLLM backdoor" />
        </div>
        <div>
          <label for="type">Entity type</label>
          <select id="type" name="type">
            <option value="">Any type</option>
            {ENTITY_TYPES.map((t) => (
              <option value={t} selected={f.type === t}>
                {TYPE_NAME[t]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="entity">Involving</label>
          <input id="entity" name="entity" type="text" value={f.entity} placeholder="name or id" />
        </div>
        <div>
          <label for="since">From</label>
          <input id="since" name="since" type="date" value={f.since} />
        </div>
        <div>
          <label for="until">To</label>
          <input id="until" name="until" type="date" value={f.until} />
        </div>
        <div>
          <label for="sort">Sort by</label>
          <select id="sort" name="sort">
            {Object.entries(SORTS).map(([value, label]) => (
              <option value={value} selected={(f.sort || 'recent') === value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">Search</button>
        </div>
      </form>
      {errors.length > 0 && (
        <div class="notice error" role="alert">
          <p>
            <strong>Please check the search:</strong>
          </p>
          <ul>
            {errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {errors.length === 0 && results && <Results req={req} results={results} now={now} />}
      {errors.length === 0 && !results && (
        <p class="muted">
          Full-text search over incident titles, summaries and every source article. Filter by the
          type of entity involved, by an entity's name (an alias works too), or by dates: From keeps
          incidents still active on that day, To those that had begun by then.
        </p>
      )}
    </Layout>
  )
}

function Results({ req, results, now }: { req: SearchRequest; results: SearchResults; now: Date }) {
  const shown = req.seen + results.incidents.length
  // Counting every match would cost a second full query on each page; this line is exact on
  // the last page and a lower bound before it, and says so.
  const count = results.nextCursor
    ? `More than ${plural(shown, 'result')} (showing ${req.seen + 1}–${shown})`
    : plural(shown, 'result')
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h" class="vh">
        Results
      </h2>
      <p class="result-count" role="status">
        {count}
      </p>
      {results.incidents.length === 0 ? (
        <div class="notice">
          <p>No incident matches. Try fewer words, another spelling, or a wider date range.</p>
        </div>
      ) : (
        <IncidentCards incidents={results.incidents} now={now} />
      )}
      {results.nextCursor && (
        <nav class="pager" aria-label="Pages">
          <span />
          <a href={nextPageHref(req.form, results.nextCursor, shown)} rel="next">
            More results →
          </a>
        </nav>
      )}
    </section>
  )
}
