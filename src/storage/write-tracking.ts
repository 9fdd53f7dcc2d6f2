// Counts writes made through a repository, so that caches in front of it (the HTTP response
// cache) can tell that what they hold may be stale. Every method that is not a known read counts
// as a write: a read method missing here only costs cache hits, never freshness (and a test
// fails until every repository method is listed as a read or a write).
import type { Repository } from './repository.js'

export const READS: ReadonlySet<string> = new Set([
  'getSetting',
  'listFeeds',
  'dueFeeds',
  'existingArticleIds',
  'termFrequencies',
  'entityIncidentCounts',
  'findCandidateIncidents',
  'incidentArticles',
  'articleIdsByGuid',
  'nearDuplicateCandidates',
  'incidentOfArticle',
  'getStoredIncident',
  'linkCandidates',
  'knownEntities',
  'listArticles',
  'listIncidents',
  'getIncident',
  'listEntities',
  'getEntity',
  'recentRuns',
  'counts',
  'articlesInOrder',
  'findApiKeyByHash',
  'listApiKeys',
  'findSession',
  'pinnedIncidents',
  'mostCovered',
  'entityActivity',
  'relatedEntities',
  'auditLog',
  'incidentAnchor',
  'incidentEdits',
  'incidentsOfArticles',
  'listCurations',
  // issue 7 fan-out and topic feeds (sqlite/notify.ts)
  'changesAfter',
  'sameChanges',
  'mergedIncidentIds',
  'subscriptionsForTopics',
  'subscriptionsWithPrefix',
  'incidentMatchesQuery',
  'existingNotifications',
  'watchlistPackages',
  'incidentsWithTag',
  'tagsOfIncidents',
  'findEntityByTypedName',
  'getSubscription',
  'listSubscriptions',
  'deliveryAttempts',
  'notificationCounts',
  // issue 7 e-mail digests (sqlite/email-digests.ts)
  'dueEmailDigests',
  // issue 7 dependency watchlists (sqlite/watchlists.ts)
  'getWatchlist',
  'listWatchlists',
  'watchlistCandidates',
])

/** Listed so that the test can tell an unclassified method from a write. */
export const WRITES: ReadonlySet<string> = new Set([
  'setSetting',
  'addFeeds',
  'updateFeed',
  'saveArticle',
  'recordDedup',
  'upsertEntities',
  'mergeEntities',
  'recordRun',
  'resetIncidents',
  'createApiKey',
  'revokeApiKey',
  'touchApiKey',
  'createSession',
  'deleteSession',
  'mergeIncident',
  'splitIncident',
  'setIncidentFields',
  'setEntityType',
  'recordEntityMerge',
  'insertNotifications',
  'initSetting',
  'createSubscription',
  'deleteSubscription',
  'enableSubscription',
  'claimDueWebhooks',
  'recordWebhookResults',
  'claimEmailDigest',
  'recordEmailDigest',
  'setEmailConfirmToken',
  'confirmEmailSubscription',
  'unsubscribeEmail',
  'createWatchlist',
  'deleteWatchlist',
])

export interface TrackedRepository {
  repo: Repository
  /** Bumped after every write settles (also after a failed one: it may have half-applied). */
  generation(): number
  /** For writes this process cannot see happen (another process on the same database). */
  bump(): void
}

export function trackWrites(inner: Repository): TrackedRepository {
  let generation = 0
  const repo = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function' || typeof prop !== 'string' || READS.has(prop)) {
        return typeof value === 'function' ? value.bind(target) : value
      }
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
        } finally {
          generation++
        }
      }
    },
  })
  return {
    repo,
    generation: () => generation,
    bump: () => {
      generation++
    },
  }
}
