// Fills a throwaway database from hostile fixtures exactly as production would: the real CLI
// adds the feeds (one named by the feed itself, one by a hostile --name), crawls them from a
// loopback server (article pages included) and imports a hostile MISP galaxy.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../../helpers/cli.js'
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.js'
import { tempDbUrl } from '../../helpers/temp-db.js'
import { siteEnv } from './server.js'

const dir = fileURLToPath(new URL('../../fixtures/browser/xss/', import.meta.url))
const f = (name: string) => join(dir, name)

/** What an attacker types into a search box or a URL. */
export const HOSTILE_QUERY = `"><script>window.__xss=1;alert('q')</script><img src=x onerror="window.__xss=1">`
/** A feed name chosen by a hostile operator of `feeds add --name`. */
const HOSTILE_FEED_NAME = `Atom <svg onload="window.__xss=1;alert('feed-name')">`

export interface XssDb {
  url: string
  env: Record<string, string>
  cleanup(): Promise<void>
}

async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const r = await runCli(args, env)
  if (r.code !== 0) throw new Error(`sitrep ${args[0]} failed (${r.code}): ${r.stderr}`)
  return r.stdout
}

export async function buildXssDb(): Promise<XssDb> {
  const db = tempDbUrl()
  let server: FixtureServer | null = null
  try {
    server = await startFixtureServer({
      '/hostile.rss': { file: f('hostile.rss.xml'), type: 'application/rss+xml' },
      '/hostile.atom': { file: f('hostile.atom.xml'), type: 'application/atom+xml' },
      '/news/globex-leak-grows': { file: f('article-globex-leak-grows.html'), type: 'text/html' },
    })
    const env = siteEnv(db.url, {
      SITREP_ALLOW_PRIVATE_NETWORKS: '1',
      SITREP_FETCH_PAGES: '1',
      SITREP_HOST_DELAY_MS: '0',
    })
    await cli(['kb', 'import', f('hostile-galaxy.json')], env)
    await cli(['feeds', 'add', `${server.base}/hostile.rss`], env)
    await cli(['feeds', 'add', `${server.base}/hostile.atom`, '--name', HOSTILE_FEED_NAME], env)
    // Items with javascript:/data:/vbscript: links are rejected (exit code 1): that is the point.
    const crawl = await runCli(['crawl', '--once', '--all'], env)
    if (!/new article/.test(crawl.stdout)) throw new Error(`crawl stored nothing: ${crawl.stderr}`)
    return {
      url: db.url,
      env: siteEnv(db.url),
      cleanup: async () => db.cleanup(),
    }
  } catch (err) {
    db.cleanup()
    throw err
  } finally {
    await server?.close()
  }
}
