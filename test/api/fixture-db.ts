// A database filled from test/api/fixtures/articles.jsonl through the real ingest pipeline
// (in-process, no network), opened through the real app with test/helpers/app.ts.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseConfig } from '../../src/core/config.js'
import type { Deps } from '../../src/core/deps.js'
import { silentLogger } from '../../src/core/log.js'
import { createPipelineContext } from '../../src/pipeline/context.js'
import { ingestItems } from '../../src/pipeline/ingest.js'
import { parseJsonLines } from '../../src/pipeline/parse/jsonl.js'
import { openSqlite } from '../../src/storage/sqlite-node.js'
import { openApp } from '../helpers/app.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const fixture = fileURLToPath(new URL('./fixtures/articles.jsonl', import.meta.url))

export type Api = Awaited<ReturnType<typeof openApp>> & { ids: FixtureIds }

/** A merged-away incident whose id must keep resolving to the Clop/MOVEit incident. */
export const MERGED_ID = 'inc_00000000000000aa'

// Editor state set directly in SQL (the curation API is tested elsewhere): Qakbot hidden,
// Ivanti (an older story) pinned, LockBit edited, and one incident merged into Clop's.
const CURATION = [
  `update incidents set hidden = 1 where title like 'Qakbot%'`,
  `update incidents set pinned = 1 where title like 'Ivanti%'`,
  `update incidents set edited_at = '2026-03-11T00:00:00.000Z' where title like 'LockBit%'`,
  `insert into incidents (id, title, summary, kind, first_seen, last_seen, article_count,
     merged_into, profile, updated_at)
   select '${MERGED_ID}', 'Old MOVEit story', '[]', 'incident', first_seen, last_seen, 0, id,
     '{}', updated_at from incidents where title like 'Clop%'`,
]

export interface FixtureIds {
  clop: string
  lockbit: string
  lazarus: string
  ivanti: string
  qakbot: string
}

/** Ingests the fixture, applies the editor state above, and opens the app over it. */
export async function fixtureApp(): Promise<Api> {
  const db = tempDbUrl()
  const handle = await openSqlite(db.url)
  const now = new Date('2026-03-12T00:00:00Z')
  const deps: Deps = {
    config: parseConfig({ DATABASE_URL: db.url, SITREP_FETCH_PAGES: '0' }),
    repo: handle.repo,
    http: { fetch: () => Promise.reject(new Error('tests never touch the network')) },
    log: silentLogger,
    now: () => now,
  }
  const { items, errors } = parseJsonLines(readFileSync(fixture, 'utf8'), now)
  if (errors.length) throw new Error(`fixture: ${JSON.stringify(errors)}`)
  const ctx = await createPipelineContext(deps)
  const fallback = { origin: 'ingest' as const, feedId: null, source: null }
  const stats = await ingestItems(deps, ctx, items, fallback)
  if (stats.added !== items.length) throw new Error(`fixture: ${JSON.stringify(stats)}`)
  await handle.repo.addFeeds(
    [{ url: 'https://bleeping.example/feed', name: 'Bleeping Wire' }],
    now.toISOString(),
  )
  await handle.repo.recordRun({
    id: 'run_fixture',
    kind: 'ingest',
    startedAt: now.toISOString(),
    finishedAt: now.toISOString(),
    stats: { added: stats.added },
    errors: [],
  })
  for (const q of CURATION) await handle.client.execute(q)
  const rows = await handle.client.execute(`select id, title from incidents`)
  const idOf = (prefix: string) =>
    String(rows.rows.find((r) => String(r.title).startsWith(prefix))?.id)
  const ids: FixtureIds = {
    clop: idOf('Clop'),
    lockbit: idOf('LockBit'),
    lazarus: idOf('Lazarus'),
    ivanti: idOf('Ivanti'),
    qakbot: idOf('Qakbot'),
  }
  handle.close()
  const api = await openApp(db.url)
  return {
    ...api,
    ids,
    close: () => {
      api.close()
      db.cleanup()
    },
  }
}
