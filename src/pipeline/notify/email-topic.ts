// A topic as a reader recognises it in an e-mail: "threat actor TeamPCP", not "entity:ent_3f…".
import type { Deps } from '../../core/deps.js'
import { oneLine } from './email-format.js'

const TYPE_WORD: Record<string, string> = {
  threat_actor: 'threat actor',
  organization: 'organization',
  software: 'software',
  malware: 'malware',
  vulnerability: 'vulnerability',
}

export async function topicLabel(deps: Pick<Deps, 'repo'>, topic: string): Promise<string> {
  const colon = topic.indexOf(':')
  const kind = colon < 0 ? '' : topic.slice(0, colon)
  const value = oneLine(colon < 0 ? topic : topic.slice(colon + 1), 120)
  if (kind === 'entity') {
    const entity = await deps.repo.getEntity(value).catch(() => null)
    return entity ? `${TYPE_WORD[entity.type] ?? entity.type} ${entity.name}` : `entity ${value}`
  }
  if (kind === 'tag') return `tag "${value}"`
  if (kind === 'q') return `search "${value}"`
  if (kind === 'watchlist') return `watchlist ${value}`
  if (kind in TYPE_WORD) return `${TYPE_WORD[kind]} ${value}`
  return oneLine(topic, 120)
}
