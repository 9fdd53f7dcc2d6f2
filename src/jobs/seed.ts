import { SEED_FEEDS } from '../../db/seed/feeds.js'
import type { Deps } from '../core/deps.js'

const KEY = 'feeds_seeded'

/**
 * Seeds the default feed list once, on the first start of an empty database. Adding or importing
 * feeds first marks the choice as made, so a user's own list is never mixed with ours.
 */
export async function ensureSeeded(deps: Deps): Promise<number> {
  if (!deps.config.seedFeeds || (await deps.repo.getSetting(KEY))) return 0
  const existing = await deps.repo.listFeeds()
  const added =
    existing.length === 0 ? await deps.repo.addFeeds(SEED_FEEDS, deps.now().toISOString()) : 0
  await deps.repo.setSetting(KEY, added > 0 ? 'seeded' : 'skipped')
  return added
}

export async function markFeedsChosen(deps: Deps): Promise<void> {
  if (!(await deps.repo.getSetting(KEY))) await deps.repo.setSetting(KEY, 'skipped')
}
