// A database for the web page tests, filled in-process through the real pipeline (the chain
// fixture plus site-items.ts), then given the states only editors or broken feeds produce:
// a pinned, a hidden and a merged incident, and rows whose every string is hostile markup.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseConfig } from '../../src/core/config.js'
import type { Deps } from '../../src/core/deps.js'
import { silentLogger } from '../../src/core/log.js'
import type { RawItem } from '../../src/core/types.js'
import { createPipelineContext } from '../../src/pipeline/context.js'
import { ingestItems } from '../../src/pipeline/ingest.js'
import { openSqlite } from '../../src/storage/sqlite-node.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import { SITE_ITEMS } from './site-items.js'

export const NOW = new Date('2026-04-06T12:00:00Z')
export const HOSTILE_ENTITY = 'ent_00000000000000ff'
export const MERGED_ID = 'inc_00000000000000aa'
export const HIDDEN_ID = 'inc_00000000000000bb'
export const HIDDEN_TITLE = 'Hidden incident that no list may show'
export const EDIT_DETAIL = {
  field: 'title',
  from: 'Mercor breach',
  to: 'Mercor confirms data breach',
}

const chainFile = fileURLToPath(new URL('../fixtures/chain/trivy-litellm.jsonl', import.meta.url))

export interface WebSiteDb {
  url: string
  /** Incident id of the stored article whose URL contains `urlPart`. */
  incidentOf(urlPart: string): string
  cleanup(): void
}

export async function buildWebDb(): Promise<WebSiteDb> {
  const tmp = tempDbUrl()
  const handle = await openSqlite(tmp.url)
  const deps: Deps = {
    config: parseConfig({ DATABASE_URL: tmp.url, SITREP_FETCH_PAGES: '0' }),
    repo: handle.repo,
    http: { fetch: () => Promise.reject(new Error('tests never touch the network')) },
    log: silentLogger,
    now: () => NOW,
  }
  const chain = readFileSync(chainFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RawItem)
  const ctx = await createPipelineContext(deps)
  const fallback = { origin: 'ingest' as const, feedId: null, source: null }
  const stats = await ingestItems(deps, ctx, [...chain, ...SITE_ITEMS], fallback)
  if (stats.failed > 0) throw new Error(`ingest failed: ${JSON.stringify(stats.errors)}`)
  const rows = await handle.client.execute('select url, incident_id from articles')
  const byUrl = new Map(rows.rows.map((r) => [String(r.url), String(r.incident_id)]))
  const incidentOf = (part: string) => {
    const hit = [...byUrl].find(([url]) => url.includes(part))
    if (!hit) throw new Error(`no stored article like ${part}`)
    return hit[1]
  }
  for (const sql of curationStatements(incidentOf)) await handle.client.execute(sql)
  handle.close()
  return { url: tmp.url, incidentOf, cleanup: tmp.cleanup }
}

type Stmt = { sql: string; args: (string | number | null)[] }

function curationStatements(incidentOf: (part: string) => string): Stmt[] {
  const hostile = incidentOf('hostile.example')
  const harborview = incidentOf('harborview')
  const mercor = incidentOf('mercor-breach')
  const script = '<script>alert("xss")</script>'
  const insertIncident = `insert into incidents (id, title, summary, kind, first_seen, last_seen,
    article_count, merged_into, profile, updated_at, hidden) values (?, ?, '[]', 'incident', ?, ?, 1, ?, '{}', ?, ?)`
  const at = '2026-04-05T00:00:00Z'
  return [
    { sql: 'update incidents set pinned = 1 where id = ?', args: [harborview] },
    { sql: insertIncident, args: [MERGED_ID, 'Merged away', at, at, mercor, at, 0] },
    {
      sql: insertIncident,
      args: [HIDDEN_ID, HIDDEN_TITLE, at, '2026-04-06T00:00:00Z', null, at, 1],
    },
    {
      sql: `insert into entities (id, type, name, aliases, origin, provisional, description,
        first_seen_at, first_seen_url, updated_at) values (?, 'threat_actor', ?, ?, 'discovered', 1, ?, ?, ?, ?)`,
      args: [
        HOSTILE_ENTITY,
        script,
        JSON.stringify(['" onerror="alert(1)', '</style><b>x</b>']),
        `</style>${script}`,
        '2026-04-04T12:00:00Z',
        'javascript:alert(3)',
        at,
      ],
    },
    {
      sql: `insert into incident_entities (incident_id, entity_id, article_count, last_seen) values (?, ?, 1, ?)`,
      args: [hostile, HOSTILE_ENTITY, at],
    },
    {
      sql: `insert into articles (id, url, title, source, published_at, fetched_at, text, origin, incident_id)
        values ('art_00000000000000ff', 'javascript:alert(4)', ?, ?, '2026-04-04T13:00:00Z', ?, 'x', 'ingest', ?)`,
      args: [script, '" onmouseover="alert(5)', at, hostile],
    },
    {
      sql: `update incidents set summary = json_insert(summary, '$[#]', json(?)) where id = ?`,
      args: [
        JSON.stringify({
          text: script,
          articleId: 'art_00000000000000ff',
          sourceUrl: 'javascript:alert(6)',
        }),
        hostile,
      ],
    },
    {
      sql: `insert into timeline_events (id, article_id, date, text, source_url) values ('evt_ff', 'art_00000000000000ff', '2026-04-04', ?, 'javascript:alert(7)')`,
      args: [script],
    },
    {
      sql: `insert into incident_links (from_id, to_id, relation, evidence) values (?, ?, 'related', ?)`,
      args: [hostile, harborview, `</style>${script}`],
    },
    {
      sql: `insert into audit_log (id, at, actor, action, target_type, target_id, detail)
        values (?, ?, ?, ?, 'incident', ?, ?)`,
      args: ['aud_1', at, 'Editor Eve', 'rename', mercor, JSON.stringify(EDIT_DETAIL)],
    },
    {
      sql: `insert into audit_log (id, at, actor, action, target_type, target_id, detail)
        values (?, ?, ?, ?, 'incident', ?, ?)`,
      args: ['aud_2', at, script, script, hostile, JSON.stringify({ field: script, to: script })],
    },
    { sql: 'update incidents set edited_at = ? where id in (?, ?)', args: [at, mercor, hostile] },
    {
      sql: `insert into feeds (id, url, name, status, error_count, last_error, failing_since, created_at)
        values ('feed_ff', 'javascript:alert(8)', ?, 'failing', 3, ?, '2026-04-04T00:00:00Z', ?)`,
      args: [script, '<img src=x onerror=alert(9)>', at],
    },
    {
      sql: `insert into feeds (id, url, name, status, error_count, last_success_at, next_fetch_at, created_at)
        values ('feed_ok', 'https://feeds.example/rss.xml', 'Example Feed', 'ok', 0, ?, ?, ?)`,
      args: ['2026-04-06T11:00:00Z', '2026-04-06T12:15:00Z', at],
    },
  ]
}
