// Split: an editor moves some articles of an incident into a new one. The new incident's id is a
// hash of the article set, so replaying the split after `sitrep recluster` recreates the same id
// and its URL keeps working.
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { hashId } from '../../core/ids.js'
import type { RebuiltIncident, StoredIncident } from '../../storage/repository.js'
import { requireIncident } from './incident-actions.js'
import { auditLine, decision, logFor, type ActOptions } from './log.js'
import { rebuildIncident, type CurateArticle } from './rebuild.js'

/** More articles than any incident holds: "all of them". */
const ALL = 1_000_000

export const splitIncidentId = (articleIds: readonly string[]) =>
  hashId('inc', `split:${[...new Set(articleIds)].sort().join(',')}`)

interface Source {
  incident: StoredIncident
  articles: CurateArticle[]
}

/** The editor's split: every article must be in the incident, and one must stay. */
export async function splitIncident(
  deps: Deps,
  id: string,
  articleIds: string[],
  opts: ActOptions,
): Promise<string> {
  const incident = await requireIncident(deps, id)
  const ids = [...new Set(articleIds)]
  const articles = await deps.repo.incidentArticles(incident.id, ALL)
  const held = new Set(articles.map((a) => a.id))
  const foreign = ids.find((a) => !held.has(a))
  if (foreign)
    throw new AppError('bad_request', `article ${foreign} is not in incident ${incident.id}`)
  if (ids.length >= articles.length) {
    throw new AppError('bad_request', 'a split must leave at least one article in the incident')
  }
  return applySplit(deps, ids, [{ incident, articles }], opts)
}

/** The replay: the articles are gathered from wherever clustering put them this time. */
export async function replaySplit(
  deps: Deps,
  articleIds: string[],
  newId: string,
  opts: ActOptions,
) {
  const where = await deps.repo.incidentsOfArticles(articleIds)
  const ids = articleIds.filter((a) => where.get(a))
  const sources: Source[] = []
  for (const incidentId of new Set(ids.map((a) => where.get(a)!))) {
    const incident = await requireIncident(deps, incidentId)
    sources.push({ incident, articles: await deps.repo.incidentArticles(incident.id, ALL) })
  }
  return applySplit(deps, ids, sources, opts, newId)
}

async function applySplit(
  deps: Deps,
  ids: string[],
  sources: Source[],
  opts: ActOptions,
  splitId?: string,
) {
  const newId = splitId ?? (await splitIncidentId(ids))
  const moved = new Set(ids)
  // Articles already in the split incident (a replayed split met again) simply stay there.
  const own = sources.find((s) => s.incident.id === newId)
  const others = sources.filter((s) => s !== own)
  const taken = others.flatMap((s) => s.articles.filter((a) => moved.has(a.id)))
  if (taken.length === 0) return newId
  const fresh = { pinned: false, hidden: false, locked: [], editedAt: opts.at }
  const base = own?.incident ?? { id: newId, kind: others[0]!.incident.kind }
  const built = rebuildIncident(base, [...(own?.articles ?? []), ...taken], opts.at)
  const created: RebuiltIncident = {
    ...built,
    incident: { ...built.incident, ...(own ? { editedAt: opts.at } : fresh) },
  }
  const remaining: RebuiltIncident[] = []
  const emptied: string[] = []
  for (const s of others) {
    const rest = s.articles.filter((a) => !moved.has(a.id))
    if (rest.length === 0) emptied.push(s.incident.id)
    else remaining.push(edited(rebuildIncident(s.incident, rest, opts.at), opts.at))
  }
  const source = others[0]!.incident
  const anchor = [...taken].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))[0]!.id
  const detail = { from: source.id, to: newId, article_ids: [...ids].sort() }
  const log = logFor(opts, () => ({
    curations: [
      decision(opts, {
        kind: 'incident_split',
        anchorArticleId: anchor,
        targetId: newId,
        value: { articleIds: detail.article_ids, from: source.id },
      }),
    ],
    audit: [source.id, newId].map((targetId) =>
      auditLine(opts, { action: 'split', targetType: 'incident', targetId, detail }),
    ),
  }))
  const split = { articleIds: taken.map((a) => a.id), created, remaining, emptied }
  await deps.repo.splitIncident(split, log)
  return newId
}

const edited = (r: RebuiltIncident, at: string): RebuiltIncident => ({
  ...r,
  incident: { ...r.incident, editedAt: at },
})
