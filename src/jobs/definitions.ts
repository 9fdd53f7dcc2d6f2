// Jobs are declarations. node-cron (Node) and Cron Triggers (Workers) are two thin adapters over
// this one list, so a schedule is defined once.
import type { Config } from '../core/config.js'
import type { Deps } from '../core/deps.js'
import { crawlOnce } from './crawl.js'

export interface JobDefinition {
  id: string
  cron: string
  run(deps: Deps): Promise<unknown>
}

export function jobDefinitions(config: Config): JobDefinition[] {
  return [{ id: 'crawl', cron: config.crawlCron, run: (deps) => crawlOnce(deps) }]
}
