// The one storage interface. Every method is async and every multi-row write is atomic as a
// single batch (D1 has no interactive transactions), so SQLite, D1 and PostgreSQL can all
// implement it without the pipeline knowing which one it talks to.
import type {
  ArticleDraft,
  EntityRecord,
  EntityType,
  Feed,
  FeedStatus,
  Incident,
  IncidentLink,
  IncidentRelation,
  Mention,
  Page,
  DedupMethod,
  SummarySentence,
  TimelineEvent,
} from '../core/types.js'
import type { IncidentProfile } from '../pipeline/cluster/profile.js'
import type { ApiScope } from '../../db/schema/vocab.js'
import type { CurationKind } from '../../db/schema/vocab.js'
import type {
  Channel,
  DeliveryStatus,
  DigestMode,
  SubscriptionStatus,
} from '../../db/schema/vocab.js'
import type { ChangeKind, IncidentTag, LockfileFormat } from '../../db/schema/vocab.js'
import type { LinkCandidate, LinkCandidateQuery } from '../pipeline/cluster/links.js'

export interface NewFeed {
  url: string
  name: string | null
  siteUrl?: string | null
}

export type FeedPatch = Partial<
  Pick<
    Feed,
    | 'url'
    | 'name'
    | 'siteUrl'
    | 'etag'
    | 'lastModified'
    | 'status'
    | 'errorCount'
    | 'lastError'
    | 'lastFetchedAt'
    | 'lastSuccessAt'
    | 'nextFetchAt'
    | 'failingSince'
    | 'lastStatus'
    | 'intervalMinutes'
  >
>

export interface StoredIncident extends Incident {
  profile: IncidentProfile
  /** Editor state as stored (see `curations`): read by the pipeline, written only by curation. */
  pinned?: boolean
  hidden?: boolean
  /** Fields an editor set, which the pipeline keeps (e.g. ["title", "summary"]). */
  locked?: string[]
  editedAt?: string | null
  /** Pipeline tags as stored (issue 7); written through `ArticleBundle.tags`. */
  tags?: string[]
}

export interface IncidentEntityRow {
  entityId: string
  articleCount: number
  lastSeen: string
}

/** Everything derived from one article, written together or not at all. */
export interface ArticleBundle {
  article: ArticleDraft & { fetchedAt: string }
  mentions: Mention[]
  /** Entities the mentions point at; inserted when missing, never overwritten. */
  entities: EntityRecord[]
  events: TimelineEvent[]
  incident: StoredIncident
  /** The complete entity set of the incident after this article joined. */
  incidentEntities: IncidentEntityRow[]
  /** Incidents absorbed into `incident` by this article (their articles move over). */
  mergedIncidentIds: string[]
  links: IncidentLink[]
  /** Distinct terms of the article, whose document frequency goes up by one. */
  terms: string[]
  /** The article's most telling terms, indexed for candidate retrieval (incident_terms). */
  indexTerms: string[]
  /** True when `incident` is opened by this article (the incident total goes up by one). */
  newIncident: boolean
  /** LSH band keys of the article's content fingerprint. */
  bands: string[]
  /** Recorded when the article is a near-duplicate of another one. */
  dedup: DedupDecision | null
  /** The incident's pipeline tags after this article (issue 7); absent: left as stored. */
  tags?: IncidentTag[]
  /** Notifiable changes this article made (issue 7); inserted once each (id = hash). */
  changes?: IncidentChangeRecord[]
}

export interface DedupDecision {
  url: string
  feedId: string | null
  method: DedupMethod
  duplicateOf: string
  similarity: number | null
  rule: string | null
  decidedAt: string
}

export interface DuplicateCandidate {
  id: string
  url: string
  fingerprint: string
  incidentId: string | null
}

export interface EntityRef {
  id: string
  name: string
  type: EntityType
}

export interface ArticleView {
  id: string
  url: string
  title: string
  source: string
  publishedAt: string
  incidentId: string | null
  /** Set when the article is a syndicated or lightly edited copy of this other article. */
  duplicateOf: string | null
  /** Entities as mentioned in this article: `surface` is the first form the text used. */
  entities: (EntityRef & { surface: string })[]
}

export interface IncidentView {
  id: string
  title: string
  summary: SummarySentence[]
  kind: Incident['kind']
  firstSeen: string
  lastSeen: string
  articleCount: number
  entities: EntityRef[]
  /** Curation state (issue 6); absent when the store does not track it. */
  pinned?: boolean
  hidden?: boolean
  /** True when an editor changed anything on this incident. */
  edited?: boolean
}

/** One logged editor action (audit log). */
export interface CurationEdit {
  id: string
  at: string
  /** The API key name that made the edit. */
  actor: string
  action: string
  targetType: 'incident' | 'entity'
  targetId: string
  /** What changed, e.g. `{ field: 'title', from, to }`. */
  detail: Record<string, unknown>
}

export interface IncidentDetail extends IncidentView {
  /** Editor actions on this incident, newest first. */
  edits?: CurationEdit[]
  articles: ArticleView[]
  timeline: TimelineEvent[]
  related: {
    id: string
    title: string
    relation: IncidentRelation
    /** `outgoing`: this incident -> the other (e.g. this was caused by it); `incoming`: reverse. */
    direction: 'outgoing' | 'incoming'
    evidence: string | null
  }[]
}

export interface EntityView extends EntityRecord {
  incidentCount: number
  /** The article an entity was first seen in (for discovered entities: where it was found). */
  firstSeenUrl: string | null
}

export interface IncidentQuery {
  limit: number
  cursor: string | null
  /** Entity ids or names/aliases; with several, incidents must have all of them. */
  entity?: string | string[] | null
  q?: string | null
  /** ISO date or time: last seen at or after (still active then). */
  since?: string | null
  /** ISO date or time: first seen at or before; a bare date includes that whole day. */
  until?: string | null
  /** Incidents having at least one entity of this type. */
  type?: EntityType | null
  /** Incidents with an article from this outlet name (any case) or host. */
  source?: string | null
  /** `recent` (default): last_seen desc; `first_seen`: first_seen desc; `coverage`: article_count desc. */
  sort?: 'recent' | 'first_seen' | 'coverage'
}

export interface EntityQuery {
  limit: number
  cursor: string | null
  type?: EntityType | null
  q?: string | null
  /** `name` (default): A to Z; `incidents`: most incidents first. */
  sort?: 'name' | 'incidents'
}

export interface ArticleQuery {
  limit: number
  cursor: string | null
  /** Outlet name (any case) or host. */
  source?: string | null
  since?: string | null
  until?: string | null
  /** Articles of this incident (merged ids resolve to the survivor). */
  incident?: string | null
}

export interface RunRecord {
  id: string
  kind: 'crawl' | 'ingest' | 'recluster'
  startedAt: string
  finishedAt: string | null
  stats: Record<string, number>
  errors: { target: string; message: string }[]
}

/** An API key as stored: never the key itself, only its hash (not exposed) and prefix. */
export interface ApiKeyRecord {
  id: string
  name: string
  prefix: string
  scopes: ApiScope[]
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export interface NewApiKey {
  name: string
  keyHash: string
  prefix: string
  scopes: ApiScope[]
  createdAt: string
}

/** A web editor session; the cookie holds the token, storage only its hash. */
export interface SessionRecord {
  tokenHash: string
  keyId: string
  createdAt: string
  expiresAt: string
}

export interface Repository {
  getSetting(key: string): Promise<string | null>
  setSetting(key: string, value: string): Promise<void>

  addFeeds(feeds: NewFeed[], now: string): Promise<number>
  listFeeds(): Promise<Feed[]>
  dueFeeds(now: string): Promise<Feed[]>
  updateFeed(id: string, patch: FeedPatch): Promise<void>

  existingArticleIds(ids: string[]): Promise<Set<string>>
  termFrequencies(terms: string[]): Promise<{ total: number; df: Map<string, number> }>
  entityIncidentCounts(entityIds: string[]): Promise<{ total: number; df: Map<string, number> }>
  findCandidateIncidents(q: {
    entityIds: string[]
    terms: string[]
    since: string
    limit: number
  }): Promise<StoredIncident[]>
  /** The incident's most recent articles (with mentions), for summaries and titles. */
  incidentArticles(
    incidentId: string,
    limit: number,
  ): Promise<(ArticleDraft & { mentions: Mention[] })[]>
  saveArticle(bundle: ArticleBundle): Promise<void>
  /** Stored article ids of a feed's GUIDs (same item under a new URL). */
  articleIdsByGuid(feedId: string, guids: string[]): Promise<Map<string, string>>
  /** Articles sharing at least one LSH band key, most shared first. */
  nearDuplicateCandidates(bands: string[], limit: number): Promise<DuplicateCandidate[]>
  recordDedup(decision: DedupDecision): Promise<void>
  incidentOfArticle(articleId: string): Promise<string | null>
  /** An incident with its clustering profile, following merges. */
  getStoredIncident(id: string): Promise<StoredIncident | null>
  /** Recent unmerged incidents sharing entities with one incident, most shared first. */
  linkCandidates(q: LinkCandidateQuery): Promise<LinkCandidate[]>

  upsertEntities(records: EntityRecord[], now: string): Promise<number>
  /** Moves every mention of `from` to `to` and deletes `from` (provisional -> known). */
  mergeEntities(pairs: { from: string; to: string }[]): Promise<number>
  knownEntities(): Promise<EntityRecord[]>

  listArticles(q: ArticleQuery): Promise<Page<ArticleView>>
  listIncidents(q: IncidentQuery): Promise<Page<IncidentView>>
  getIncident(id: string): Promise<IncidentDetail | null>
  listEntities(q: EntityQuery): Promise<Page<EntityView>>
  getEntity(id: string): Promise<(EntityView & { incidents: IncidentView[] }) | null>

  recordRun(run: RunRecord): Promise<void>
  recentRuns(limit: number): Promise<RunRecord[]>
  counts(): Promise<{ feeds: number; articles: number; incidents: number; entities: number }>
  /** Deletes incidents, links and derived rows, and detaches every article (for recluster). */
  resetIncidents(): Promise<void>
  /** All articles in publication order, for recluster; paged to bound memory. */
  articlesInOrder(
    after: string | null,
    limit: number,
  ): Promise<(ArticleDraft & { fetchedAt: string })[]>
}

// API keys and editor sessions: a second declaration that TypeScript merges into Repository.
export interface Repository {
  /** Fails with `bad_request` when the name is taken (revoked keys keep their name). */
  createApiKey(key: NewApiKey): Promise<ApiKeyRecord>
  /** The key with this hash, unless revoked. */
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null>
  listApiKeys(): Promise<ApiKeyRecord[]>
  /** Revokes the key and ends its sessions; false when no active key has that name. */
  revokeApiKey(name: string, at: string): Promise<boolean>
  /** Records use; writes at most once a minute per key. */
  touchApiKey(id: string, at: string): Promise<void>
  /** Stores a session (and drops expired ones). */
  createSession(session: SessionRecord): Promise<void>
  /** The unexpired session with its (unrevoked) key. */
  findSession(
    tokenHash: string,
    now: string,
  ): Promise<(SessionRecord & { key: ApiKeyRecord }) | null>
  deleteSession(tokenHash: string): Promise<void>
}

// Reads for the web pages only (sqlite/web-reads.ts), merged into Repository like the above.
export interface Repository {
  /** Visible pinned incidents, most recently active first. */
  pinnedIncidents(limit: number): Promise<IncidentView[]>
  /** Visible incidents by articles published since `since`, most first. */
  mostCovered(since: string, limit: number): Promise<(IncidentView & { recentArticles: number })[]>
  /** Visible incidents of an entity per first-seen day (YYYY-MM-DD), oldest first. */
  entityActivity(entityId: string): Promise<{ date: string; count: number }[]>
  /** Entities sharing visible incidents with this one, with the number shared, most first. */
  relatedEntities(entityId: string, limit: number): Promise<(EntityRef & { incidents: number })[]>
}

/** An editor decision as stored in `curations`, replayed after `sitrep recluster`. */
export interface CurationRecord {
  id: string
  kind: CurationKind
  /** The article that names the incident (incident ids change under recluster; articles do not). */
  anchorArticleId: string | null
  targetId: string
  field: string | null
  value: unknown
  actor: string
  createdAt: string
}

/** What an editor action writes besides its change; replays pass `null` and write neither. */
export interface CurationLog {
  curations: CurationRecord[]
  audit: CurationEdit[]
}

export interface IncidentFieldPatch {
  title?: string
  summary?: SummarySentence[]
  kind?: Incident['kind']
  pinned?: boolean
  hidden?: boolean
}

/** An incident's rows recomputed after an editor changed which articles it holds. */
export interface RebuiltIncident {
  incident: StoredIncident
  entities: IncidentEntityRow[]
  /** Retrieval terms its articles add (incident_terms), so new articles can find it. */
  indexTerms?: string[]
}

export interface IncidentSplit {
  articleIds: string[]
  created: RebuiltIncident
  /** The incidents the articles left, recomputed; `emptied` ones fold into the new incident. */
  remaining: RebuiltIncident[]
  emptied: string[]
}

// Editor curation (sqlite/curation*.ts), merged into Repository like the above.
export interface Repository {
  /** The earliest article of an incident: the anchor its curation decisions are recorded on. */
  incidentAnchor(incidentId: string): Promise<string | null>
  /** Current incident of each article (missing articles are absent from the map). */
  incidentsOfArticles(articleIds: string[]): Promise<Map<string, string | null>>
  setIncidentFields(
    incident: StoredIncident,
    patch: IncidentFieldPatch,
    editedAt: string,
    log: CurationLog | null,
  ): Promise<void>
  /** Folds `fromId` into the rebuilt survivor; `fromId` keeps resolving via merged_into. */
  mergeIncident(fromId: string, into: RebuiltIncident, log: CurationLog | null): Promise<void>
  splitIncident(split: IncidentSplit, log: CurationLog | null): Promise<void>
  setEntityType(entityId: string, type: EntityType, log: CurationLog | null): Promise<void>
  /** Gives `intoId` these aliases and logs the merge; `mergeEntities` then moves the mentions. */
  recordEntityMerge(intoId: string, aliases: string[], log: CurationLog | null): Promise<void>
  /** Editor actions shown on an incident page, newest first (follows merges and anchors). */
  incidentEdits(incidentId: string, limit: number): Promise<CurationEdit[]>
  /** The audit log, newest first; `targetId` narrows it to one entity or raw incident id. */
  auditLog(q: { targetId?: string | null; limit: number }): Promise<CurationEdit[]>
  /** Every curation decision in the order it was made, for replay. */
  listCurations(): Promise<CurationRecord[]>
}

/** A topic subscription (webhook or e-mail), as stored; the webhook secret only encrypted. */
export interface SubscriptionRecord {
  id: string
  /** `entity:<id>`, `tag:<tag>`, `q:<query>` or `watchlist:<id>`. */
  topic: string
  channel: Channel
  target: string
  secretEnc: string | null
  mode: DigestMode
  status: SubscriptionStatus
  disabledReason: string | null
  confirmTokenHash: string | null
  consecutiveFailures: number
  keyId: string | null
  createdAt: string
  confirmedAt: string | null
  lastDigestAt: string | null
}

/** One webhook POST or e-mail, shown in a subscription's delivery log. */
export interface DeliveryAttemptRecord {
  id: string
  subscriptionId: string
  notificationIds: string[]
  at: string
  ok: boolean
  statusCode: number | null
  error: string | null
  durationMs: number | null
}

/** A webhook notification claimed for delivery, with what the POST needs. */
export interface DueWebhook {
  id: string
  subscriptionId: string
  payload: Record<string, unknown>
  /** Attempts made before this one. */
  attempts: number
  target: string
  secretEnc: string | null
}

/** The outcome of one webhook attempt, written in one batch. */
export interface WebhookResult {
  attempt: DeliveryAttemptRecord
  notificationId: string
  status: 'delivered' | 'failed' | 'dead'
  /** When a `failed` notification is due again. */
  nextAttemptAt: string | null
  /** Consecutive failures at which the subscription is disabled. */
  disableAfter: number
}

// Subscriptions and webhook delivery (issue 7, sqlite/subscriptions.ts), merged like the above.
export interface Repository {
  /** Stores `value` unless the key has one; answers the stored value either way. */
  initSetting(key: string, value: string): Promise<string>
  createSubscription(sub: SubscriptionRecord): Promise<void>
  getSubscription(id: string): Promise<SubscriptionRecord | null>
  /** Newest first; `keyId` null lists every key's (admin). */
  listSubscriptions(q: {
    keyId: string | null
    limit: number
    cursor: string | null
  }): Promise<Page<SubscriptionRecord>>
  /** Deletes it with its notifications and delivery log; false when there was none. */
  deleteSubscription(id: string): Promise<boolean>
  /** Active again, failure count reset, failed and dead notifications due now. */
  enableSubscription(id: string, now: string): Promise<boolean>
  /** The newest attempts first. */
  deliveryAttempts(subscriptionId: string, limit: number): Promise<DeliveryAttemptRecord[]>
  /** Notifications of a subscription by delivery status. */
  notificationCounts(subscriptionId: string): Promise<Partial<Record<DeliveryStatus, number>>>
  /**
   * Due webhook notifications of active subscriptions, claimed by moving `next_attempt_at` to
   * `leaseUntil` in the same statement: concurrent runs never claim the same one, and one whose
   * run died is due again when the lease ends.
   */
  claimDueWebhooks(now: string, leaseUntil: string, limit: number): Promise<DueWebhook[]>
  /**
   * Records attempts (in order, one batch per chunk); answers the subscriptions that are
   * disabled afterwards.
   */
  recordWebhookResults(results: WebhookResult[]): Promise<Set<string>>
}

/** An active e-mail subscription with notifications waiting, all of them due. */
export interface DueEmailDigest {
  subscription: SubscriptionRecord
  /** Notifications waiting (pending or failed). */
  waiting: number
}

/** A waiting e-mail notification claimed for one digest. */
export interface EmailDigestItem {
  id: string
  createdAt: string
  /** Attempts made before this one. */
  attempts: number
  payload: Record<string, unknown>
}

/** The outcome of one digest e-mail, written in one batch with its delivery_attempts row. */
export interface EmailDigestResult {
  attempt: DeliveryAttemptRecord
  /** On failure: when the digest is due again; notifications at `maxAttempts` become `dead`. */
  nextAttemptAt: string | null
  maxAttempts: number
}

// E-mail digests (issue 7, sqlite/email-digests.ts), merged like the above.
export interface Repository {
  /**
   * Active e-mail subscriptions whose waiting notifications are all due at `now`; daily ones
   * only when no digest went out since `dailySlot` (today's or yesterday's digest hour).
   */
  dueEmailDigests(now: string, dailySlot: string, limit: number): Promise<DueEmailDigest[]>
  /**
   * Claims a subscription's due notifications (oldest first) by moving `next_attempt_at` to
   * `leaseUntil`: a concurrent run claims nothing, a run that died frees them when it ends.
   */
  claimEmailDigest(
    subscriptionId: string,
    now: string,
    leaseUntil: string,
    limit: number,
  ): Promise<EmailDigestItem[]>
  /** Attempt row + notifications delivered (or failed/dead) + subscription, in one batch. */
  recordEmailDigest(result: EmailDigestResult): Promise<void>
  /** Remembers the hash of the confirmation token just mailed; only that token confirms. */
  setEmailConfirmToken(subscriptionId: string, tokenHash: string): Promise<void>
  /** pending -> active when `tokenHash` is the one mailed; false otherwise. */
  confirmEmailSubscription(subscriptionId: string, tokenHash: string, at: string): Promise<boolean>
  /** -> unsubscribed; its waiting notifications become `skipped`. False for unknown ids. */
  unsubscribeEmail(subscriptionId: string, at: string): Promise<boolean>
}

/** A notifiable change (incident_changes): id = hash(incident, kind, subject). */
export interface IncidentChangeRecord {
  id: string
  incidentId: string
  kind: ChangeKind
  /** The entity, linked incident or tag the change is about; '' for incident_created. */
  subject: string
  detail: Record<string, unknown>
  at: string
}

/** A notification to create (pending, due at `createdAt`); id = hash(sub, incident, change). */
export interface NewNotification {
  id: string
  subscriptionId: string
  incidentId: string
  changeId: string
  payload: Record<string, unknown>
  createdAt: string
}

/** A package of an uploaded dependency list. */
export interface WatchedPackage {
  ecosystem: string
  name: string
  version: string | null
}

// Changes, topics and fan-out (issue 7, sqlite/notify.ts), merged like the above.
export interface Repository {
  /** Recorded changes after `seq`, oldest first. */
  changesAfter(seq: number, limit: number): Promise<(IncidentChangeRecord & { seq: number })[]>
  /** Changes of this kind and subject recorded on any of these incidents (the merge rule). */
  sameChanges(
    incidentIds: string[],
    kind: ChangeKind,
    subject: string,
  ): Promise<IncidentChangeRecord[]>
  /** Incidents merged into `id`, directly or through others. */
  mergedIncidentIds(id: string): Promise<string[]>
  /** Active subscriptions to any of these exact topics. */
  subscriptionsForTopics(topics: string[]): Promise<SubscriptionRecord[]>
  /** Active subscriptions whose topic starts with `prefix` (`q:`, `watchlist:`). */
  subscriptionsWithPrefix(prefix: string): Promise<SubscriptionRecord[]>
  /** Whether full-text search finds `query` in the incident (title, summary, articles). */
  incidentMatchesQuery(incidentId: string, query: string): Promise<boolean>
  /** The ids among `ids` that are stored notifications. */
  existingNotifications(ids: string[]): Promise<Set<string>>
  /** Insert or ignore; answers how many were new. */
  insertNotifications(rows: NewNotification[]): Promise<number>
  /** Packages of each watchlist (unknown ids are absent). */
  watchlistPackages(ids: string[]): Promise<Map<string, WatchedPackage[]>>
  /** Visible incidents with this tag, most recently active first. */
  incidentsWithTag(tag: IncidentTag, limit: number): Promise<IncidentView[]>
  /** Stored tags per incident id. */
  tagsOfIncidents(ids: string[]): Promise<Map<string, IncidentTag[]>>
  /** The entity of this type named `name` (or with it as an alias), most incidents first. */
  findEntityByTypedName(type: EntityType, name: string): Promise<string | null>
}

/** An uploaded dependency list (issue 7 watchlists); `spec` keeps a requirement's range. */
export interface WatchlistRecord {
  id: string
  name: string
  format: LockfileFormat
  packages: (WatchedPackage & { spec?: string })[]
  keyId: string | null
  createdAt: string
}

export type WatchlistSummary = Omit<WatchlistRecord, 'packages'> & { packageCount: number }

/** A recent visible incident that may name a watched package, with its entities. */
export interface WatchlistCandidate {
  id: string
  entities: { name: string; type: EntityType; aliases: string[] }[]
}

// Dependency watchlists (issue 7, sqlite/watchlists.ts), merged like the above.
export interface Repository {
  createWatchlist(w: WatchlistRecord): Promise<void>
  getWatchlist(id: string): Promise<WatchlistRecord | null>
  /** Newest first, without their packages; `keyId` null lists every key's (admin). */
  listWatchlists(q: { keyId: string | null; limit: number }): Promise<WatchlistSummary[]>
  deleteWatchlist(id: string): Promise<boolean>
  /**
   * Visible incidents active since `since` that have one of these entities or retrieval terms,
   * most recently active first (index lookups only).
   */
  watchlistCandidates(q: {
    entityIds: string[]
    terms: string[]
    since: string
    limit: number
  }): Promise<WatchlistCandidate[]>
}

export type { FeedStatus }
