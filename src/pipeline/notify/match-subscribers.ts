// Which active subscriptions an incident matches: `entity:` and `tag:` topics by exact lookup,
// `q:` topics by full-text search over the incident, `watchlist:` topics through the watchlist
// matcher (packages the incident's articles name, with whether the pinned version is affected).
import type { Deps } from '../../core/deps.js'
import type {
  IncidentView,
  StoredIncident,
  SubscriptionRecord,
  WatchedPackage,
} from '../../storage/repository.js'
import { incidentTopics, type WatchMatchJson } from './match.js'
import { watchlistMatches } from './watchlist-match.js'

export interface Matched {
  subscription: SubscriptionRecord
  watchlist?: WatchMatchJson[]
}

/** Subscriptions that need more than a lookup, loaded once per fan-out run. */
export interface RunTopics {
  queries: Map<string, SubscriptionRecord[]>
  watchlists: Map<string, SubscriptionRecord[]>
  packages: Map<string, WatchedPackage[]>
}

export async function loadRunTopics(deps: Pick<Deps, 'repo'>): Promise<RunTopics> {
  const queries = groupBy(await deps.repo.subscriptionsWithPrefix('q:'), 'q:')
  const watchlists = groupBy(await deps.repo.subscriptionsWithPrefix('watchlist:'), 'watchlist:')
  const packages =
    watchlists.size > 0 ? await deps.repo.watchlistPackages([...watchlists.keys()]) : new Map()
  return { queries, watchlists, packages }
}

export async function matchSubscriptions(
  deps: Pick<Deps, 'repo'>,
  run: RunTopics,
  incident: StoredIncident,
  view: IncidentView,
): Promise<Matched[]> {
  const topics = incidentTopics(Object.keys(incident.profile.entities), incident.tags ?? [])
  const out: Matched[] = (await deps.repo.subscriptionsForTopics(topics)).map((subscription) => ({
    subscription,
  }))
  for (const [query, subs] of run.queries) {
    if (await deps.repo.incidentMatchesQuery(incident.id, query)) {
      out.push(...subs.map((subscription) => ({ subscription })))
    }
  }
  if (run.watchlists.size > 0) {
    const articles = await deps.repo.incidentArticles(incident.id, 30)
    for (const [id, subs] of run.watchlists) {
      const packages = run.packages.get(id)
      if (!packages || packages.length === 0) continue
      const matches = await watchlistMatches(view, articles, packages)
      if (matches.length === 0) continue
      out.push(...subs.map((subscription) => ({ subscription, watchlist: matches })))
    }
  }
  // One subscription can match through several of the incident's topics only once.
  return [...new Map(out.map((m) => [m.subscription.id, m])).values()]
}

function groupBy(subs: SubscriptionRecord[], prefix: string): Map<string, SubscriptionRecord[]> {
  const out = new Map<string, SubscriptionRecord[]>()
  for (const s of subs) {
    const key = s.topic.slice(prefix.length)
    out.set(key, [...(out.get(key) ?? []), s])
  }
  return out
}
