// Jobs are declarations. node-cron (Node) and Cron Triggers (Workers) are two thin adapters over
// this one list, so a schedule is defined once.
import type { Config } from '../core/config.js'
import type { Deps } from '../core/deps.js'
import type { RobotsCache } from '../pipeline/fetch/polite-fetch.js'
import { crawlOnce } from './crawl.js'
import { runNotify } from './notify.js'

export interface JobDefinition {
  id: string
  cron: string
  run(deps: Deps): Promise<unknown>
}

export function jobDefinitions(config: Config): JobDefinition[] {
  // robots.txt answers are kept across scheduled runs (24 h), not refetched every 15 minutes.
  const robotsCache: RobotsCache = new Map()
  return [
    {
      id: 'crawl',
      cron: config.crawlCron,
      // New changes go out right after the crawl that found them, not a minute later.
      run: async (deps) => {
        const report = await crawlOnce(deps, { robotsCache })
        await runNotify(deps)
        return report
      },
    },
    { id: 'notify', cron: config.notifyCron, run: (deps) => runNotify(deps) },
  ]
}
