// Canonical shapes that flow between pipeline stages. No drizzle or HTTP types here:
// storage and the API map to and from these at their edges.
import type {
  ArticleOrigin,
  EntityOrigin,
  EntityType,
  FeedStatus,
  IncidentKind,
  IncidentRelation,
} from '../../db/schema/vocab.js'

export type { ArticleOrigin, EntityOrigin, EntityType, FeedStatus, IncidentKind, IncidentRelation }

export interface Feed {
  id: string
  url: string
  name: string | null
  siteUrl: string | null
  etag: string | null
  lastModified: string | null
  status: FeedStatus
  errorCount: number
  lastError: string | null
  lastFetchedAt: string | null
  lastSuccessAt: string | null
  nextFetchAt: string | null
  failingSince: string | null
  lastStatus: number | null
  intervalMinutes: number | null
  createdAt: string
}

/** One item as a feed or an ingest file gives it, before canonicalisation. */
export interface RawItem {
  url: string
  title: string
  /** ISO-8601, or null when the source gave no usable date. */
  published: string | null
  /** Plain text (HTML already stripped). May be a short summary. */
  text: string
  guid?: string | null
  source?: string | null
}

export type { DedupMethod } from '../../db/schema/vocab.js'

export interface ArticleDraft {
  id: string
  url: string
  title: string
  source: string
  publishedAt: string
  text: string
  origin: ArticleOrigin
  feedId: string | null
  guid: string | null
  /** Set when this item is a syndicated or lightly edited copy of another stored article. */
  duplicateOf?: string | null
  /** Serialised content fingerprint (see pipeline/parse/near-duplicate.ts). */
  fingerprint?: string | null
}

export interface EntityRecord {
  id: string
  type: EntityType
  name: string
  aliases: string[]
  origin: EntityOrigin
  provisional: boolean
  description: string | null
  firstSeenAt: string | null
}

/** An entity found in one article. */
export interface Mention {
  entityId: string
  type: EntityType
  name: string
  surface: string
  count: number
  /** True when the name came from pattern discovery rather than a known entity. */
  discovered: boolean
}

export interface Article extends ArticleDraft {
  incidentId: string | null
  mentions: Mention[]
}

export interface TimelineEvent {
  date: string
  text: string
  sourceUrl: string
  articleId: string
}

export interface SummarySentence {
  text: string
  articleId: string
  sourceUrl: string
}

export interface Incident {
  id: string
  title: string
  summary: SummarySentence[]
  kind: IncidentKind
  firstSeen: string
  lastSeen: string
  articleCount: number
  mergedInto: string | null
  updatedAt: string
}

export interface IncidentLink {
  fromId: string
  toId: string
  relation: IncidentRelation
  evidence: string | null
}

export interface Page<T> {
  data: T[]
  nextCursor: string | null
}
