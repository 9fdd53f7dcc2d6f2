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
  /** True when `incident` is opened by this article (the incident total goes up by one). */
  newIncident: boolean
  /** LSH band keys of the article's content fingerprint. */
  bands: string[]
  /** Recorded when the article is a near-duplicate of another one. */
  dedup: DedupDecision | null
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
  entity?: string | null
  q?: string | null
  since?: string | null
}

export interface EntityQuery {
  limit: number
  cursor: string | null
  type?: EntityType | null
  q?: string | null
}

export interface RunRecord {
  id: string
  kind: 'crawl' | 'ingest' | 'recluster'
  startedAt: string
  finishedAt: string | null
  stats: Record<string, number>
  errors: { target: string; message: string }[]
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

  listArticles(q: { limit: number; cursor: string | null }): Promise<Page<ArticleView>>
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

export type { FeedStatus }
