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

/** Tags the pipeline assigns to incidents; subscribable topics (`tag:ransomware`). */
export const INCIDENT_TAGS = [
  'ransomware',
  'supply-chain',
  'data-breach',
  'exploited-vulnerability',
  'vulnerability',
  'phishing',
  'malware',
  'ddos',
  'espionage',
  'crypto-theft',
] as const
export type IncidentTag = (typeof INCIDENT_TAGS)[number]

/**
 * Changes that notify subscribers: a new incident, a newly named victim, a new linked incident,
 * an attribution to an actor, a new CVE, a new tag. Not "one more article".
 */
export const CHANGE_KINDS = [
  'incident_created',
  'victim_added',
  'actor_attributed',
  'vulnerability_added',
  'malware_added',
  'software_added',
  'link_added',
  'tag_added',
] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export const CHANNELS = ['webhook', 'email'] as const
export type Channel = (typeof CHANNELS)[number]

/** `pending`: waiting for e-mail confirmation (double opt-in). */
export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'disabled', 'unsubscribed'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

export const DIGEST_MODES = ['immediate', 'daily'] as const
export type DigestMode = (typeof DIGEST_MODES)[number]

/** Notification delivery states; `dead` after the last retry. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead', 'skipped'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export const LOCKFILE_FORMATS = [
  'package-lock',
  'pnpm-lock',
  'requirements',
  'poetry-lock',
  'cyclonedx',
] as const
export type LockfileFormat = (typeof LOCKFILE_FORMATS)[number]
