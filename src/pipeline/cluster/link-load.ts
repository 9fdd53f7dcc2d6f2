// Loads what `detectLinks` needs for the incident an article just joined: its recent articles as
// sentences, and the recent incidents sharing a non-generic entity with it. The work per article
// is capped (candidates, articles per candidate, sentences per article).
import type { ArticleDraft, IncidentLink, Mention } from '../../core/types.js'
import type { Deps } from '../../core/deps.js'
import type { Repository, StoredIncident } from '../../storage/repository.js'
import { splitSentences } from '../summarize/sentences.js'
import { isGenericName } from './link-cues.js'
import { detectLinks, type LinkEntity, type LinkIncident, type LinkSentence } from './links.js'

const WINDOW_DAYS = 90
const CANDIDATES = 10
const OWN_ARTICLES = 15
const OTHER_ARTICLES = 5
const SENTENCES_PER_ARTICLE = 60

type LinkArticle = Pick<ArticleDraft, 'id' | 'title' | 'text' | 'publishedAt'> & {
  mentions: Mention[]
}

/**
 * Links of `incident` (as built for `article`, before it is saved) to other stored incidents.
 * `mergedIds` are incidents this article folds into `incident`: they are part of it, never a
 * link target. Links are an extra: a failure here is logged and must not cost the article.
 */
export async function incidentLinks(
  deps: Pick<Deps, 'repo' | 'log'>,
  incident: StoredIncident,
  article: LinkArticle,
  mergedIds: string[] = [],
): Promise<IncidentLink[]> {
  if (incident.kind !== 'incident') return []
  try {
    return await findLinks(deps.repo, incident, article, mergedIds)
  } catch (err) {
    deps.log.warn('incident links failed', {
      incident_id: incident.id,
      article_id: article.id,
      error: err instanceof Error ? err.message : String(err),
    })
    return []
  }
}

async function findLinks(
  repo: Repository,
  incident: StoredIncident,
  article: LinkArticle,
  mergedIds: string[],
): Promise<IncidentLink[]> {
  const stored: LinkArticle[] = []
  for (const id of [incident.id, ...mergedIds]) {
    stored.push(...(await repo.incidentArticles(id, OWN_ARTICLES)))
  }
  stored.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id))
  const articles = [article, ...stored.filter((a) => a.id !== article.id)].slice(0, OWN_ARTICLES)
  const current: LinkIncident = {
    id: incident.id,
    title: incident.title,
    firstSeen: incident.firstSeen,
    lastSeen: incident.lastSeen,
    entities: entitiesOf(articles),
    sentences: sentencesOf(articles),
  }
  const entityIds = current.entities.filter((e) => !isGenericName(e.name)).map((e) => e.id)
  const since = new Date(Date.parse(article.publishedAt) - WINDOW_DAYS * 86_400_000).toISOString()
  const candidates = (
    await repo.linkCandidates({
      incidentId: incident.id,
      entityIds,
      since,
      limit: CANDIDATES + mergedIds.length,
    })
  )
    .filter((c) => !mergedIds.includes(c.id))
    .slice(0, CANDIDATES)
  const others: LinkIncident[] = []
  for (const c of candidates) {
    const recent = await repo.incidentArticles(c.id, OTHER_ARTICLES)
    others.push({
      ...c,
      entities: withSurfaces(c.entities, recent),
      sentences: sentencesOf(recent),
    })
  }
  return detectLinks(current, others)
}

/** Headline first, then the text's sentences; oldest article first so evidence reads in order. */
function sentencesOf(articles: LinkArticle[]): LinkSentence[] {
  return [...articles]
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id))
    .flatMap((a) =>
      [a.title, ...splitSentences(a.text).slice(0, SENTENCES_PER_ARTICLE)].map((text) => ({
        text,
        articleId: a.id,
      })),
    )
}

function entitiesOf(articles: LinkArticle[]): LinkEntity[] {
  const byId = new Map<string, LinkEntity>()
  for (const m of articles.flatMap((a) => a.mentions)) {
    const e = byId.get(m.entityId) ?? { id: m.entityId, name: m.name, type: m.type, aliases: [] }
    if (!e.aliases!.includes(m.surface)) e.aliases!.push(m.surface)
    byId.set(m.entityId, e)
  }
  return [...byId.values()]
}

/** KB aliases plus the spellings the incident's articles actually used. */
function withSurfaces(entities: LinkEntity[], articles: LinkArticle[]): LinkEntity[] {
  const seen = new Map<string, string[]>()
  for (const m of articles.flatMap((a) => a.mentions)) {
    seen.set(m.entityId, [...(seen.get(m.entityId) ?? []), m.surface])
  }
  return entities.map((e) => ({
    ...e,
    aliases: [...new Set([...(e.aliases ?? []), ...(seen.get(e.id) ?? [])])],
  }))
}
