// Closed vocabularies. Types, zod enums and drizzle `enum:` columns all derive from these arrays,
// so adding a value is a one-line change that the compiler then follows everywhere.
export const ENTITY_TYPES = [
  'threat_actor',
  'organization',
  'software',
  'malware',
  'vulnerability',
] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

/** Where an entity's existence comes from: the shipped starter KB, an import, or text discovery. */
export const ENTITY_ORIGINS = ['builtin', 'import', 'discovered'] as const
export type EntityOrigin = (typeof ENTITY_ORIGINS)[number]

export const INCIDENT_KINDS = ['incident', 'not_incident'] as const
export type IncidentKind = (typeof INCIDENT_KINDS)[number]

export const INCIDENT_RELATIONS = ['caused_by', 'same_actor', 'related'] as const
export type IncidentRelation = (typeof INCIDENT_RELATIONS)[number]

/** `gone`: the server answered 410; polled weekly in case it comes back, never dropped. */
export const FEED_STATUSES = ['ok', 'failing', 'backing-off', 'gone'] as const
export type FeedStatus = (typeof FEED_STATUSES)[number]

/** How an article entered sitrep. */
export const ARTICLE_ORIGINS = ['feed', 'ingest'] as const
export type ArticleOrigin = (typeof ARTICLE_ORIGINS)[number]

/** Why an incoming item was not stored as a new story. */
export const DEDUP_METHODS = ['guid', 'near_duplicate'] as const
export type DedupMethod = (typeof DEDUP_METHODS)[number]

/** API key scopes: `read` < `write` (curation edits) < `admin` (keys, merges of entities). */
export const API_SCOPES = ['read', 'write', 'admin'] as const
export type ApiScope = (typeof API_SCOPES)[number]

/**
 * Editor decisions that must survive `recluster` and new articles. Each is replayed after
 * clustering: `incident_field` (title, summary, kind, pinned, hidden), `incident_merge`,
 * `incident_split`, `entity_type`, `entity_merge`.
 */
export const CURATION_KINDS = [
  'incident_field',
  'incident_merge',
  'incident_split',
  'entity_type',
  'entity_merge',
] as const
export type CurationKind = (typeof CURATION_KINDS)[number]
