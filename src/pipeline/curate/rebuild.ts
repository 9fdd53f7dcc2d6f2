// An incident recomputed from the articles it holds after an editor moved some of them (split):
// the same profile, title and summary the pipeline would build, except for fields the editor
// locked. Pure: the caller loads the articles and writes the result.
import type { ArticleDraft, Mention } from '../../core/types.js'
import type {
  IncidentEntityRow,
  RebuiltIncident,
  StoredIncident,
} from '../../storage/repository.js'
import { addToProfile, emptyProfile, type IncidentProfile } from '../cluster/profile.js'
import { indexTerms } from '../cluster/retrieval.js'
import { articleTerms } from '../cluster/terms.js'
import { incidentTitle } from '../cluster/title.js'
import { summarize } from '../summarize/extractive.js'

export type CurateArticle = ArticleDraft & { mentions: Mention[] }

/** The pipeline titles and summarises an incident from its most recent articles (see buildIncident). */
const RECENT_FOR_TEXT = 15

export interface RebuildBase {
  id: string
  kind: StoredIncident['kind']
  title?: string
  summary?: StoredIncident['summary']
  locked?: string[]
}

export function rebuildIncident(
  base: RebuildBase,
  articles: readonly CurateArticle[],
  updatedAt: string,
): RebuiltIncident {
  const sorted = [...articles].sort(
    (a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id),
  )
  if (sorted.length === 0) throw new Error(`incident ${base.id} would have no articles`)
  let profile = emptyProfile()
  const index = new Set<string>()
  for (const a of sorted) {
    const terms = articleTerms(a.title, a.text)
    profile = addToProfile(profile, a.mentions, terms, a.source)
    for (const t of indexTerms(terms, null)) index.add(t)
  }
  const recent = sorted.slice(-RECENT_FOR_TEXT)
  const locked = new Set(base.locked ?? [])
  const lastSeen = sorted[sorted.length - 1]!.publishedAt
  const incident: StoredIncident = {
    id: base.id,
    title: locked.has('title') && base.title ? base.title : incidentTitle(recent),
    summary: locked.has('summary') && base.summary ? base.summary : summarize(recent),
    kind: base.kind,
    firstSeen: sorted[0]!.publishedAt,
    lastSeen,
    articleCount: sorted.length,
    mergedInto: null,
    updatedAt,
    profile,
  }
  return { incident, entities: entityRows(profile, lastSeen), indexTerms: [...index] }
}

/** incident_entities rows of a profile, as processArticle writes them. */
export function entityRows(profile: IncidentProfile, lastSeen: string): IncidentEntityRow[] {
  return Object.entries(profile.entities).map(([entityId, [, n]]) => ({
    entityId,
    articleCount: n,
    lastSeen,
  }))
}
