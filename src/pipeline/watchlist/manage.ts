// Watchlists for the API and the web form: parse the upload, store it, subscribe it (through
// the subscription manager, so webhook secrets and e-mail opt-in work as for any topic), and
// find the stored incidents that name its packages. A key sees its own watchlists, an admin
// key all of them; another key's id is a 404, so ids cannot be probed.
import type { Channel, DigestMode } from '../../../db/schema/vocab.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { entityId } from '../../core/ids.js'
import type { IncidentView, WatchlistRecord } from '../../storage/repository.js'
import { tokenize } from '../cluster/terms.js'
import { watchlistMatches, type WatchlistMatch } from '../notify/watchlist-match.js'
import {
  createSubscription,
  type CreatedSubscription,
  type Owner,
} from '../notify/webhook-manage.js'
import { parseLockfile } from './index.js'

export interface WatchlistInput {
  name: string
  filename: string
  content: string
  channel?: Channel | undefined
  target?: string | undefined
  mode?: DigestMode | undefined
}

export interface CreatedWatchlist {
  watchlist: WatchlistRecord
  warnings: string[]
  subscription: CreatedSubscription | null
}

export interface CurrentMatch {
  incident: IncidentView
  packages: WatchlistMatch[]
}

/** Incidents older than this are history, not news to act on. */
const WINDOW_DAYS = 90
const MAX_CANDIDATES = 50
const ARTICLES_PER_INCIDENT = 30

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return `wl_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Parses and stores the upload; with a channel and target, subscribes it too. A subscription
 * that cannot be made (bad address, refused URL) takes the watchlist with it.
 */
export async function createWatchlist(
  deps: Deps,
  input: WatchlistInput,
  owner: Owner,
): Promise<CreatedWatchlist> {
  const parsed = parseLockfile(input.filename, input.content)
  if ((input.channel === undefined) !== (input.target === undefined || input.target === ''))
    throw new AppError('bad_request', 'give both channel and target, or neither')
  const watchlist: WatchlistRecord = {
    id: randomId(),
    name: input.name.trim(),
    format: parsed.format,
    packages: parsed.packages,
    keyId: owner.keyId,
    createdAt: deps.now().toISOString(),
  }
  await deps.repo.createWatchlist(watchlist)
  if (!input.channel || !input.target)
    return { watchlist, warnings: parsed.warnings, subscription: null }
  try {
    const subscription = await createSubscription(
      deps,
      {
        topic: `watchlist:${watchlist.id}`,
        channel: input.channel,
        target: input.target,
        mode: input.mode,
      },
      owner,
    )
    return { watchlist, warnings: parsed.warnings, subscription }
  } catch (err) {
    await deps.repo.deleteWatchlist(watchlist.id)
    throw err
  }
}

export async function ownWatchlist(deps: Deps, id: string, owner: Owner): Promise<WatchlistRecord> {
  const w = await deps.repo.getWatchlist(id)
  if (!w || (!owner.admin && w.keyId !== owner.keyId))
    throw new AppError('not_found', `no watchlist with id ${id}`)
  return w
}

/** What the index can be asked for each package: its software entity id and its term. */
async function lookupKeys(w: WatchlistRecord): Promise<{ entityIds: string[]; terms: string[] }> {
  const names = [...new Set(w.packages.map((p) => p.name))]
  const entityIds = await Promise.all(names.map((n) => entityId('software', n)))
  const terms = names
    .map((n) => tokenize(n))
    .filter((t) => t.length === 1)
    .map((t) => t[0]!)
  return { entityIds: [...new Set(entityIds)], terms: [...new Set(terms)] }
}

/** Recent stored incidents (90 days) that name packages of the watchlist, newest first. */
export async function currentMatches(deps: Deps, w: WatchlistRecord): Promise<CurrentMatch[]> {
  const since = new Date(deps.now().getTime() - WINDOW_DAYS * 86_400_000).toISOString()
  const keys = await lookupKeys(w)
  const candidates = await deps.repo.watchlistCandidates({ ...keys, since, limit: MAX_CANDIDATES })
  const out: CurrentMatch[] = []
  for (const candidate of candidates) {
    const articles = await deps.repo.incidentArticles(candidate.id, ARTICLES_PER_INCIDENT)
    const packages = watchlistMatches(candidate, articles, w.packages)
    if (packages.length === 0) continue
    const incident = await deps.repo.getIncident(candidate.id)
    if (incident) out.push({ incident, packages })
  }
  return out
}
