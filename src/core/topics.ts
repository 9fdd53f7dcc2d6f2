// Subscription topics: what a reader follows. Stored form (subscriptions.topic) is canonical:
// `entity:<entity id>`, `tag:<tag>`, `q:<search query>` or `watchlist:<id>`. People may also
// write `<entity type>:<name>` (`software:litellm`, `threat_actor:TeamPCP`), which is resolved
// to the entity's id before it is stored or served.
import { ENTITY_TYPES, INCIDENT_TAGS } from '../../db/schema/vocab.js'
import type { EntityType, IncidentTag } from '../../db/schema/vocab.js'
import type { Repository } from '../storage/repository.js'
import { AppError } from './errors.js'

export type TopicKind = 'entity' | 'tag' | 'query' | 'watchlist'

export interface Topic {
  kind: TopicKind
  /** Entity id, tag, query text, watchlist id; for a friendly entity topic, the name. */
  value: string
  /** Set when an entity is named by type and name rather than by id (not resolved yet). */
  entityType?: EntityType
}

const MAX_TOPIC = 300
const ENTITY_ID = /^ent_[0-9a-f]{16}$/
const WATCHLIST_ID = /^[A-Za-z0-9_-]{1,64}$/
/** Accept `threat-actor:` as well as `threat_actor:`, in any case. */
const typeOf = (s: string) =>
  ENTITY_TYPES.find((t) => t === s.toLowerCase().replace(/-/g, '_')) as EntityType | undefined

const bad = (message: string) => new AppError('bad_request', message)

/** Parses a topic string; throws `bad_request` with a message a person can act on. */
export function parseTopic(input: string): Topic {
  const s = input.normalize('NFC').trim()
  if (s.length === 0) throw bad('topic is empty')
  if (s.length > MAX_TOPIC) throw bad(`topic is longer than ${MAX_TOPIC} characters`)
  if (/[\u0000-\u001f\u007f]/.test(s)) throw bad('topic contains control characters')
  const colon = s.indexOf(':')
  if (colon <= 0)
    throw bad(`topic "${s}" must look like entity:<id>, tag:<tag>, q:<query> or software:<name>`)
  const prefix = s.slice(0, colon).toLowerCase()
  const value = s.slice(colon + 1).trim()
  if (value.length === 0) throw bad(`topic "${s}" has nothing after "${prefix}:"`)
  switch (prefix) {
    case 'entity':
      if (!ENTITY_ID.test(value)) throw bad(`"${value}" is not an entity id (ent_ + 16 hex digits)`)
      return { kind: 'entity', value }
    case 'tag': {
      const tag = value.toLowerCase()
      if (!(INCIDENT_TAGS as readonly string[]).includes(tag)) {
        throw bad(`unknown tag "${value}": one of ${INCIDENT_TAGS.join(', ')}`)
      }
      return { kind: 'tag', value: tag }
    }
    case 'q':
      if (!/[\p{L}\p{N}]/u.test(value)) throw bad('a search topic needs at least one word')
      return { kind: 'query', value: value.replace(/\s+/g, ' ') }
    case 'watchlist':
      if (!WATCHLIST_ID.test(value)) throw bad(`"${value}" is not a watchlist id`)
      return { kind: 'watchlist', value }
  }
  const type = typeOf(prefix)
  if (!type) {
    throw bad(
      `unknown topic kind "${prefix}": use entity, tag, q, watchlist or an entity type (${ENTITY_TYPES.join(', ')})`,
    )
  }
  return { kind: 'entity', value, entityType: type }
}

/** The stored form: `entity:<id>`, `tag:<tag>`, `q:<query>`, `watchlist:<id>`. */
export function topicKey(t: Topic): string {
  if (t.entityType) throw new Error('resolve a friendly entity topic before storing it')
  const prefix = t.kind === 'query' ? 'q' : t.kind
  return `${prefix}:${t.value}`
}

/**
 * Resolves a friendly entity topic to its id (404 when no entity has that name, or that id);
 * other topics come back unchanged.
 */
export async function resolveTopic(
  repo: Pick<Repository, 'findEntityByTypedName' | 'getEntity'>,
  t: Topic,
): Promise<Topic> {
  if (t.kind !== 'entity') return t
  if (t.entityType) {
    const id = await repo.findEntityByTypedName(t.entityType, t.value)
    if (!id) throw new AppError('not_found', `no ${t.entityType} named "${t.value}"`)
    return { kind: 'entity', value: id }
  }
  if (!(await repo.getEntity(t.value))) throw new AppError('not_found', `no entity ${t.value}`)
  return t
}

/** parseTopic + resolveTopic + topicKey: what a subscription stores. */
export async function canonicalTopic(
  repo: Pick<Repository, 'findEntityByTypedName' | 'getEntity'>,
  input: string,
): Promise<string> {
  return topicKey(await resolveTopic(repo, parseTopic(input)))
}

export const isIncidentTag = (s: string): s is IncidentTag =>
  (INCIDENT_TAGS as readonly string[]).includes(s)
