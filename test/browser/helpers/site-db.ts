// Fills a throwaway database the way a user would (`sitrep ingest` on JSON Lines): the
// Trivy -> LiteLLM -> Mercor chain plus two unrelated incidents, so a merge has candidates.
// Also mints an editor key with `sitrep keys create` (only its hash is stored).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSqlite } from '../../../src/storage/sqlite-node.js'
import { runCli } from '../../helpers/cli.js'
import { tempDbUrl } from '../../helpers/temp-db.js'
import { siteEnv } from './server.js'

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url))
const SITE_FIXTURES = ['chain/trivy-litellm.jsonl', 'browser/site/extra-incidents.jsonl']

export interface SiteDb {
  url: string
  dir: string
  env: Record<string, string>
  /** Incident id of the stored article whose URL contains `urlPart`. */
  incidentOf(urlPart: string): string
  cleanup(): void
}

export async function buildSiteDb(): Promise<SiteDb> {
  const db = tempDbUrl()
  const env = siteEnv(db.url)
  const lines = SITE_FIXTURES.flatMap((f) =>
    readFileSync(join(fixtures, f), 'utf8').split('\n').filter(Boolean),
  )
  const file = join(db.dir, 'site.jsonl')
  writeFileSync(file, `${lines.join('\n')}\n`)
  const r = await runCli(['ingest', file], env)
  if (r.code !== 0) throw new Error(`sitrep ingest failed: ${r.stderr}`)
  const byUrl = await articleIncidents(db.url)
  return {
    ...db,
    env,
    incidentOf(urlPart) {
      const hit = [...byUrl].find(([url]) => url.includes(urlPart))
      if (!hit?.[1]) throw new Error(`no incident for an article matching ${urlPart}`)
      return hit[1]
    },
  }
}

async function articleIncidents(url: string): Promise<Map<string, string | null>> {
  const handle = await openSqlite(url)
  try {
    const page = await handle.repo.listArticles({ limit: 200, cursor: null })
    return new Map(page.data.map((a) => [a.url, a.incidentId]))
  } finally {
    handle.close()
  }
}

/** Creates an `admin` API key with the real CLI (`sitrep keys create`) and returns it in clear. */
export async function createEditorKey(url: string, name = 'Editor Eve'): Promise<string> {
  const r = await runCli(['keys', 'create', '--name', name, '--scope', 'admin'], siteEnv(url))
  const key = r.stdout.trim()
  if (r.code !== 0 || !key) throw new Error(`sitrep keys create failed (${r.code}): ${r.stderr}`)
  return key
}
