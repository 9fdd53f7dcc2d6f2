// Runs the real crawl job in-process against a throwaway SQLite database and a fake HttpClient,
// for cases loopback servers cannot stage: public host names, redirects into private space.
import { parseConfig } from '../../src/core/config.js'
import type { Deps } from '../../src/core/deps.js'
import { silentLogger } from '../../src/core/log.js'
import { crawlOnce } from '../../src/jobs/crawl.js'
import type { HttpClient } from '../../src/pipeline/fetch/types.js'
import { openSqlite } from '../../src/storage/sqlite-node.js'
import { tempDbUrl } from './temp-db.js'

export interface FakeWeb {
  /** Responses by exact URL; anything else is a test failure. */
  pages: Record<string, () => Response>
  /** Host name -> addresses, for the SSRF check. */
  dns: Record<string, string[]>
}

/** A client that answers from tables, records what was requested and never opens a socket. */
export function fakeClient(web: FakeWeb): HttpClient & { requested: string[] } {
  const requested: string[] = []
  return {
    requested,
    async fetch(url) {
      requested.push(url)
      const page = web.pages[url]
      if (!page) throw new Error(`fake client: no response for ${url}`)
      return page()
    },
    resolve: async (host) => web.dns[host] ?? [],
  }
}

export const redirect = (location: string) => () =>
  new Response(null, { status: 302, headers: { location } })

/**
 * Opens a fresh database with `feeds`, hands `fn` a crawl function and the Deps, and cleans up.
 * Private networks are disallowed, as in production.
 */
export async function withCrawler<T>(
  http: HttpClient,
  feeds: string[],
  fn: (
    crawl: (all?: boolean) => ReturnType<typeof crawlOnce>,
    deps: Deps,
    dbUrl: string,
  ) => Promise<T>,
): Promise<T> {
  const db = tempDbUrl()
  const handle = await openSqlite(db.url)
  const config = parseConfig({
    DATABASE_URL: db.url,
    SITREP_FETCH_PAGES: '0',
    SITREP_HOST_DELAY_MS: '0',
  })
  const deps: Deps = { config, repo: handle.repo, http, log: silentLogger, now: () => new Date() }
  try {
    const at = new Date().toISOString()
    await handle.repo.addFeeds(
      feeds.map((url) => ({ url, name: null })),
      at,
    )
    return await fn((all = false) => crawlOnce(deps, { all }), deps, db.url)
  } finally {
    handle.close()
    db.cleanup()
  }
}
