/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Layout, type EditorStatus } from './layout.js'

export interface Counts {
  feeds: number
  articles: number
  incidents: number
  entities: number
}

const n = (v: number) => v.toLocaleString('en-US')

export function AboutPage({ counts, editor }: { counts: Counts; editor: EditorStatus }) {
  return (
    <Layout title="About" editor={editor} current="about">
      <div class="prose">
        <h1>About sitrep</h1>
        <p class="lede">
          sitrep reads security news so that you can follow an incident, not a pile of articles.
        </p>
        <p>
          It crawls {n(counts.feeds)} news feeds, recognises the threat actors, victims, software,
          malware and vulnerabilities each article is about, and groups articles from many outlets
          into incidents: currently {n(counts.articles)} articles in {n(counts.incidents)}{' '}
          incidents, about {n(counts.entities)} entities. Each incident gets a dated timeline, a
          short summary whose every sentence cites its source, and links to the incidents it follows
          from or leads to.
        </p>

        <h2>How it works</h2>
        <ol>
          <li>
            <strong>Fetch.</strong> Feeds are polled about as often as they publish, politely
            (conditional requests, backoff on errors, robots.txt for article pages). See{' '}
            <a href="/feeds">feed health</a>.
          </li>
          <li>
            <strong>Parse and deduplicate.</strong> RSS, Atom and JSON Feed items become articles
            with canonical URLs; syndicated copies are kept as extra sources of the original.
          </li>
          <li>
            <strong>Extract.</strong> CVE ids, a knowledge base of actors, malware and tools with
            their aliases, and patterns that spot groups no knowledge base knows yet (marked
            provisional).
          </li>
          <li>
            <strong>Cluster.</strong> Each article joins the incident it shares the most with
            (weighted entities, terms, time) or opens a new one; incidents are linked when one is
            caused by another, share an actor, or are otherwise related.
          </li>
          <li>
            <strong>Summarise.</strong> Two to four sentences picked from the sources, each with its
            citation; no generated text.
          </li>
          <li>
            <strong>Curate.</strong> Editors can rename, rewrite a summary, merge, split, pin or
            hide incidents. Edits survive re-clustering, and edited incidents say so.
          </li>
        </ol>

        <h2>How the figures are measured</h2>
        <ul>
          <li>
            <strong>Sources</strong> counts the articles grouped into an incident, syndicated copies
            included (they are marked as duplicates on the incident page).
          </li>
          <li>
            <strong>Most covered</strong> ranks incidents by the articles published in the chosen
            window (7 or 30 days), not by their lifetime total.
          </li>
          <li>
            <strong>Incidents over time</strong> counts an entity's incidents by the day they were
            first reported, per week or per month.
          </li>
          <li>
            <strong>Related entities</strong> are those that appear in the same incidents, with the
            number of incidents shared.
          </li>
          <li>Dates are in UTC. Hidden and merged incidents are not counted.</li>
        </ul>

        <h2>API</h2>
        <p>
          Everything on this site is available as JSON. Read the{' '}
          <a href="/api/docs">API documentation</a> or fetch the{' '}
          <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>. Reading needs no key; edits need
          an API key with the write scope.
        </p>
        <p>
          For example, <a href="/api/v1/incidents?limit=10">/api/v1/incidents?limit=10</a> lists the
          ten latest incidents.
        </p>

        <h2>Accessibility and privacy</h2>
        <p>
          Pages work without JavaScript and run none, follow your light or dark preference, and load
          nothing from other sites. Links to publishers send no referrer.
        </p>
      </div>
    </Layout>
  )
}
