// What a topic feed holds, independent of its format: the latest visible incidents of a topic
// (an entity, a tag or a saved search), newest activity first, with their entities and tags.
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { parseTopic, topicKey, type Topic } from '../../core/topics.js'
import type { IncidentTag } from '../../../db/schema/vocab.js'
import type { IncidentView } from '../../storage/repository.js'
import { TYPE_NAME } from '../web/format.js'

const ENTRIES = 50
/** `updated` of a feed without entries: fixed, so that its ETag does not change every second. */
const NEVER = '1970-01-01T00:00:00.000Z'

export interface FeedCategory {
  term: string
  label: string
  scheme: string
}

export interface FeedEntry {
  id: string
  title: string
  url: string
  summary: string
  published: string
  updated: string
  categories: FeedCategory[]
}

export interface TopicFeed {
  /** Stored form of the topic (`entity:<id>`, `tag:...`, `q:...`). */
  key: string
  title: string
  description: string
  homeUrl: string
  /** URLs of this feed as requested, for rel=self and JSON Feed's feed_url. */
  atomUrl: string
  jsonUrl: string
  updated: string
  entries: FeedEntry[]
}

/** Loads a topic's feed; `bad_request` for a malformed topic, `not_found` for an unknown entity. */
export async function loadTopicFeed(deps: Deps, rawTopic: string): Promise<TopicFeed> {
  const base = deps.config.publicUrl
  const topic = await resolve(deps, parseTopic(rawTopic))
  const { title, description, homeUrl, incidents } = await topicIncidents(deps, topic)
  const tags = await deps.repo.tagsOfIncidents(incidents.map((i) => i.id))
  const entries = incidents.map((i) => toEntry(base, i, tags.get(i.id) ?? []))
  const self = `${base}/topics/${encodeURIComponent(rawTopic)}`
  return {
    key: topicKey(topic),
    title,
    description,
    homeUrl,
    atomUrl: `${self}/feed.atom`,
    jsonUrl: `${self}/feed.json`,
    updated: entries.reduce((max, e) => (e.updated > max ? e.updated : max), NEVER),
    entries,
  }
}

async function resolve(deps: Deps, t: Topic): Promise<Topic> {
  if (t.kind === 'watchlist') {
    // A dependency list is private to whoever uploaded it: alerts go by webhook or e-mail.
    throw new AppError('bad_request', 'watchlist topics have no public feed')
  }
  if (!t.entityType) return t
  const id = await deps.repo.findEntityByTypedName(t.entityType, t.value)
  if (!id) throw new AppError('not_found', `no ${TYPE_NAME[t.entityType]} named "${t.value}"`)
  return { kind: 'entity', value: id }
}

async function topicIncidents(deps: Deps, t: Topic) {
  const base = deps.config.publicUrl
  const page = { limit: ENTRIES, cursor: null }
  if (t.kind === 'entity') {
    const entity = await deps.repo.getEntity(t.value)
    if (!entity) throw new AppError('not_found', `no entity ${t.value}`)
    return {
      title: `sitrep: ${entity.name} (${TYPE_NAME[entity.type]})`,
      description: `Security incidents naming the ${TYPE_NAME[entity.type]} ${entity.name}.`,
      homeUrl: `${base}/entities/${encodeURIComponent(entity.id)}`,
      incidents: (await deps.repo.listIncidents({ ...page, entity: entity.id })).data,
    }
  }
  if (t.kind === 'tag') {
    return {
      title: `sitrep: ${t.value} incidents`,
      description: `Security incidents tagged ${t.value}.`,
      homeUrl: `${base}/`,
      incidents: await deps.repo.incidentsWithTag(t.value as IncidentTag, ENTRIES),
    }
  }
  return {
    title: `sitrep: incidents matching "${t.value}"`,
    description: `Security incidents matching the search "${t.value}".`,
    homeUrl: `${base}/search?${new URLSearchParams({ q: t.value })}`,
    incidents: (await deps.repo.listIncidents({ ...page, q: t.value })).data,
  }
}

function toEntry(base: string, i: IncidentView, tags: readonly string[]): FeedEntry {
  const entities = i.entities.map((e) => ({
    term: e.name,
    label: `${TYPE_NAME[e.type]}: ${e.name}`,
    scheme: `urn:sitrep:entity:${e.type}`,
  }))
  const tagged = tags.map((t) => ({ term: t, label: t, scheme: 'urn:sitrep:tag' }))
  return {
    id: `urn:sitrep:incident:${i.id}`,
    title: i.title,
    url: `${base}/incidents/${encodeURIComponent(i.id)}`,
    summary: i.summary.map((s) => s.text).join(' '),
    published: iso(i.firstSeen),
    updated: iso(i.lastSeen),
    categories: [...tagged, ...entities],
  }
}

const iso = (s: string) => {
  const t = Date.parse(s)
  return Number.isNaN(t) ? NEVER : new Date(t).toISOString()
}
