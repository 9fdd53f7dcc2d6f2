// SQLite schema, shared by the embedded libsql file database and Cloudflare D1.
// Timestamps are ISO-8601 strings: they sort lexicographically and read the same on every driver.
import { sql } from 'drizzle-orm'
import { sqliteTable, text, integer, real, primaryKey, index } from 'drizzle-orm/sqlite-core'
import type { ApiScope } from './vocab.js'
import {
  ARTICLE_ORIGINS,
  CHANGE_KINDS,
  CHANNELS,
  DELIVERY_STATUSES,
  DIGEST_MODES,
  INCIDENT_TAGS,
  LOCKFILE_FORMATS,
  SUBSCRIPTION_STATUSES,
  CURATION_KINDS,
  DEDUP_METHODS,
  ENTITY_ORIGINS,
  ENTITY_TYPES,
  FEED_STATUSES,
  INCIDENT_KINDS,
  INCIDENT_RELATIONS,
} from './vocab.js'

export const feeds = sqliteTable('feeds', {
  id: text('id').primaryKey(),
  url: text('url').notNull().unique(),
  name: text('name'),
  siteUrl: text('site_url'),
  etag: text('etag'),
  lastModified: text('last_modified'),
  status: text('status', { enum: FEED_STATUSES }).notNull().default('ok'),
  errorCount: integer('error_count').notNull().default(0),
  lastError: text('last_error'),
  lastFetchedAt: text('last_fetched_at'),
  lastSuccessAt: text('last_success_at'),
  nextFetchAt: text('next_fetch_at'),
  /** When the current run of errors began; null while healthy. */
  failingSince: text('failing_since'),
  lastStatus: integer('last_status'),
  /** Polling interval learnt from the feed's posting frequency and cache hints. */
  intervalMinutes: integer('interval_minutes'),
  createdAt: text('created_at').notNull(),
})

export const articles = sqliteTable(
  'articles',
  {
    id: text('id').primaryKey(),
    url: text('url').notNull().unique(),
    title: text('title').notNull(),
    source: text('source').notNull(),
    publishedAt: text('published_at').notNull(),
    fetchedAt: text('fetched_at').notNull(),
    text: text('text').notNull(),
    origin: text('origin', { enum: ARTICLE_ORIGINS }).notNull(),
    feedId: text('feed_id'),
    guid: text('guid'),
    incidentId: text('incident_id'),
    /** Set when this item is a syndicated or lightly edited copy of another article. */
    duplicateOf: text('duplicate_of'),
    /** Compact content fingerprint (SimHash/MinHash), for near-duplicate detection. */
    fingerprint: text('fingerprint'),
  },
  (t) => [
    index('articles_incident_idx').on(t.incidentId),
    index('articles_published_idx').on(t.publishedAt, t.id),
    index('articles_guid_idx').on(t.feedId, t.guid),
    // API `source=` filter: outlet names compare case-insensitively.
    index('articles_source_idx').on(sql`${t.source} collate nocase`),
  ],
)

export const entities = sqliteTable(
  'entities',
  {
    id: text('id').primaryKey(),
    type: text('type', { enum: ENTITY_TYPES }).notNull(),
    name: text('name').notNull(),
    aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
    origin: text('origin', { enum: ENTITY_ORIGINS }).notNull(),
    provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
    description: text('description'),
    firstSeenAt: text('first_seen_at'),
    firstSeenUrl: text('first_seen_url'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('entities_type_name_idx').on(t.type, t.name),
    index('entities_name_idx').on(t.name, t.id),
  ],
)

export const articleEntities = sqliteTable(
  'article_entities',
  {
    articleId: text('article_id').notNull(),
    entityId: text('entity_id').notNull(),
    surface: text('surface').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.entityId] }),
    index('article_entities_entity_idx').on(t.entityId),
  ],
)

export const incidents = sqliteTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    summary: text('summary', { mode: 'json' }).notNull(),
    kind: text('kind', { enum: INCIDENT_KINDS }).notNull(),
    firstSeen: text('first_seen').notNull(),
    lastSeen: text('last_seen').notNull(),
    articleCount: integer('article_count').notNull(),
    mergedInto: text('merged_into'),
    /** Clustering state (entity and term weights), see pipeline/cluster/profile.ts. */
    profile: text('profile', { mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Editor state (see `curations`): pinned first on the home page, hidden from lists. */
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    /** Fields an editor set, which the pipeline must no longer overwrite (e.g. ["title"]). */
    locked: text('locked', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Pipeline-assigned tags (see incident_tags). */
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    editedAt: text('edited_at'),
  },
  // One index per API sort (recent, first_seen, coverage), so every keyset page is an index walk.
  (t) => [
    index('incidents_last_seen_idx').on(t.lastSeen, t.id),
    index('incidents_first_seen_idx').on(t.firstSeen, t.id),
    index('incidents_coverage_idx').on(t.articleCount, t.id),
    // The home page's pinned list: a handful of rows, found without walking the whole table.
    index('incidents_pinned_idx')
      .on(t.lastSeen, t.id)
      .where(sql`${t.pinned} = 1`),
  ],
)

export const incidentEntities = sqliteTable(
  'incident_entities',
  {
    incidentId: text('incident_id').notNull(),
    entityId: text('entity_id').notNull(),
    articleCount: integer('article_count').notNull(),
    lastSeen: text('last_seen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.entityId] }),
    index('incident_entities_entity_idx').on(t.entityId, t.lastSeen),
  ],
)

/**
 * The most telling terms of each incident's articles, for candidate retrieval: indexed on
 * (term, last_seen) like incident_entities, so a lookup reads only the recent window and its
 * cost does not grow with the database (an FTS rank over all incidents did).
 */
export const incidentTerms = sqliteTable(
  'incident_terms',
  {
    incidentId: text('incident_id').notNull(),
    term: text('term').notNull(),
    lastSeen: text('last_seen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.term] }),
    index('incident_terms_term_idx').on(t.term, t.lastSeen),
  ],
)

export const timelineEvents = sqliteTable(
  'timeline_events',
  {
    id: text('id').primaryKey(),
    articleId: text('article_id').notNull(),
    date: text('date').notNull(),
    text: text('text').notNull(),
    sourceUrl: text('source_url').notNull(),
  },
  (t) => [index('timeline_article_idx').on(t.articleId)],
)

export const incidentLinks = sqliteTable(
  'incident_links',
  {
    fromId: text('from_id').notNull(),
    toId: text('to_id').notNull(),
    relation: text('relation', { enum: INCIDENT_RELATIONS }).notNull(),
    evidence: text('evidence'),
    score: real('score'),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.relation] })],
)

/** Document frequencies of title/lead terms, for TF-IDF similarity in clustering. */
export const terms = sqliteTable('terms', {
  term: text('term').primaryKey(),
  df: integer('df').notNull(),
})

/** Running totals kept in the write batches: `count(*)` is a scan in SQLite, too slow per article. */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
})

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/** One row per crawl or ingest run, with the errors a user needs to see. */
export const runs = sqliteTable('runs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  stats: text('stats', { mode: 'json' }).notNull(),
  errors: text('errors', { mode: 'json' }).$type<{ target: string; message: string }[]>().notNull(),
})

/** LSH band keys of article fingerprints: candidates for near-duplicate checks by index lookup. */
export const articleBands = sqliteTable(
  'article_bands',
  {
    key: text('key').notNull(),
    articleId: text('article_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.articleId] })],
)

/** Every deduplication decision, so that none is silent. */
export const dedupDecisions = sqliteTable(
  'dedup_decisions',
  {
    id: text('id').primaryKey(),
    url: text('url').notNull(),
    feedId: text('feed_id'),
    method: text('method', { enum: DEDUP_METHODS }).notNull(),
    duplicateOf: text('duplicate_of').notNull(),
    similarity: real('similarity'),
    /** How it was decided, e.g. "minhash jaccard >= 0.5" or "shingles extract >= 0.8". */
    rule: text('rule'),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [index('dedup_duplicate_of_idx').on(t.duplicateOf)],
)

/** API keys: only a SHA-256 hash of the key is stored; the key itself is shown once. */
export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  keyHash: text('key_hash').notNull().unique(),
  /** First characters of the key, to tell keys apart in lists. */
  prefix: text('prefix').notNull(),
  scopes: text('scopes', { mode: 'json' }).$type<ApiScope[]>().notNull(),
  createdAt: text('created_at').notNull(),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at'),
})

/** Web editor sessions (cookie holds the token; only its hash is stored). */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    keyId: text('key_id').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_key_idx').on(t.keyId)],
)

/** Every editor action: who (key name), when, what. Shown on the edited incident's page. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_target_idx').on(t.targetType, t.targetId, t.at)],
)

/**
 * Editor decisions, replayed after clustering so that they survive `recluster` and new
 * articles. Incidents are named by an anchor article (incident ids change when clustering
 * does; the article an editor saw in the incident does not).
 */
export const curations = sqliteTable(
  'curations',
  {
    /** Natural key: kind + anchor + field, so a second edit of the same field replaces the first. */
    id: text('id').primaryKey(),
    kind: text('kind', { enum: CURATION_KINDS }).notNull(),
    anchorArticleId: text('anchor_article_id'),
    /** Entity id for entity curations; the incident id at edit time for incident ones. */
    targetId: text('target_id').notNull(),
    field: text('field'),
    value: text('value', { mode: 'json' }).notNull(),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('curations_anchor_idx').on(t.anchorArticleId)],
)

/** Pipeline-assigned tags per incident (ransomware, supply-chain, ...), for topic lookups. */
export const incidentTags = sqliteTable(
  'incident_tags',
  {
    incidentId: text('incident_id').notNull(),
    tag: text('tag', { enum: INCIDENT_TAGS }).notNull(),
    lastSeen: text('last_seen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.tag] }),
    index('incident_tags_tag_idx').on(t.tag, t.lastSeen),
  ],
)

/**
 * What changed about an incident, recorded in the article's write batch. The id is a hash of
 * (incident, kind, subject), so re-crawls and restarts record nothing twice; `seq` orders the
 * fan-out. `recluster` records none (it replays old news).
 */
export const incidentChanges = sqliteTable(
  'incident_changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    incidentId: text('incident_id').notNull(),
    kind: text('kind', { enum: CHANGE_KINDS }).notNull(),
    /** The entity, linked incident or tag the change is about; '' for incident_created. */
    subject: text('subject').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('incident_changes_incident_idx').on(t.incidentId)],
)

/** A reader's subscription: a topic delivered over one channel. */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: text('id').primaryKey(),
    /** `entity:<id>`, `tag:<tag>`, `q:<query>` or `watchlist:<id>`. */
    topic: text('topic').notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** Webhook URL or e-mail address. */
    target: text('target').notNull(),
    /** Webhook signing secret, encrypted (AES-GCM) with the server secret; shown once. */
    secretEnc: text('secret_enc'),
    mode: text('mode', { enum: DIGEST_MODES }).notNull().default('immediate'),
    status: text('status', { enum: SUBSCRIPTION_STATUSES }).notNull(),
    disabledReason: text('disabled_reason'),
    /** Hash of the e-mail confirmation token (double opt-in). */
    confirmTokenHash: text('confirm_token_hash'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** The API key that created it (null for anonymous e-mail sign-ups). */
    keyId: text('key_id'),
    createdAt: text('created_at').notNull(),
    confirmedAt: text('confirmed_at'),
    lastDigestAt: text('last_digest_at'),
  },
  (t) => [index('subscriptions_topic_idx').on(t.topic, t.status)],
)

/**
 * One notification per (subscription, incident, change): the id is a hash of the three, so it
 * is created and delivered exactly once across re-crawls, restarts and merges.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id').notNull(),
    incidentId: text('incident_id').notNull(),
    changeId: text('change_id').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    deliveredAt: text('delivered_at'),
  },
  (t) => [
    index('notifications_due_idx').on(t.status, t.nextAttemptAt),
    index('notifications_subscription_idx').on(t.subscriptionId, t.createdAt),
  ],
)

/** Every delivery attempt (webhook POST or e-mail), shown in the subscription's delivery log. */
export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id').notNull(),
    /** Notification ids this attempt carried (one for a webhook, several for a digest). */
    notificationIds: text('notification_ids', { mode: 'json' }).$type<string[]>().notNull(),
    at: text('at').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms'),
  },
  (t) => [index('delivery_attempts_subscription_idx').on(t.subscriptionId, t.at)],
)

/** An uploaded dependency list: every package in it is watched. */
export const watchlists = sqliteTable('watchlists', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  format: text('format', { enum: LOCKFILE_FORMATS }).notNull(),
  /** [{ ecosystem: 'npm' | 'pypi', name, version }] */
  packages: text('packages', { mode: 'json' })
    .$type<{ ecosystem: string; name: string; version: string | null }[]>()
    .notNull(),
  keyId: text('key_id'),
  createdAt: text('created_at').notNull(),
})
