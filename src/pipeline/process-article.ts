// One article through extract -> cluster -> summarize -> store. The stages are pure; this file
// only reads what they need from the repository and writes their result as one bundle.
import type { Deps } from '../core/deps.js'
import { incidentId } from '../core/ids.js'
import type { ArticleDraft, EntityRecord, Mention } from '../core/types.js'
import type { ArticleBundle, DedupDecision, StoredIncident } from '../storage/repository.js'
import { assignIncident, type Assignment } from './cluster/assign.js'
import { classifyKind } from './cluster/kind.js'
import { incidentLinks } from './cluster/link-load.js'
import { addToProfile, emptyProfile } from './cluster/profile.js'
import { absorbIncidents, planMerges } from './cluster/merge.js'
import { indexTerms, retrievalKeys } from './cluster/retrieval.js'
import type { CorpusStats } from './cluster/score.js'
import { articleTerms } from './cluster/terms.js'
import { extractDatedEvents, publicationEvent } from './cluster/timeline.js'
import { incidentTitle } from './cluster/title.js'
import { learnEntities, type PipelineContext } from './context.js'
import { extractMentions } from './extract/index.js'
import { summarize } from './summarize/extractive.js'
import { tagsAndChanges } from './notify/record-changes.js'

export interface ProcessResult {
  incidentId: string
  assignment: Assignment | null
  mentions: Mention[]
}

type Draft = ArticleDraft & { fetchedAt: string }

export interface ProcessOptions {
  /** Join this incident without scoring (a near-duplicate follows its original). */
  joinIncidentId?: string | null
  bands?: string[]
  dedup?: DedupDecision | null
  /** Record notifiable changes (default true); `recluster` replays old news and records none. */
  recordChanges?: boolean
}

export async function processArticle(
  deps: Deps,
  ctx: PipelineContext,
  article: Draft,
  opts: ProcessOptions = {},
): Promise<ProcessResult> {
  const mentions = await extractMentions(
    { title: article.title, text: article.text },
    ctx.gazetteer,
  )
  const terms = articleTerms(article.title, article.text)
  const kind = classifyKind(article.title)
  let assignment: Assignment | null = null
  let absorbed: StoredIncident[] = []
  // A near-duplicate follows its original, also when `recluster` replays it.
  const joinId =
    opts.joinIncidentId ??
    (article.duplicateOf ? await deps.repo.incidentOfArticle(article.duplicateOf) : null)
  let existing: StoredIncident | null = joinId ? await deps.repo.getStoredIncident(joinId) : null
  let stats: CorpusStats | null = null
  if (kind === 'incident' && !existing) {
    const since = new Date(
      Date.parse(article.publishedAt) - ctx.params.windowDays * 86_400_000,
    ).toISOString()
    stats = await corpusStats(deps, terms, mentions)
    const candidates = await deps.repo.findCandidateIncidents({
      ...retrievalKeys(terms, mentions, stats),
      since,
      limit: 40,
    })
    assignment = assignIncident(
      {
        terms,
        mentions,
        publishedAt: article.publishedAt,
        titleEntityIds: titleEntities(article.title, mentions),
      },
      candidates,
      stats,
      ctx.params,
    )
    if (assignment.action === 'join') {
      const { incidentId: joinId, alsoMatches } = assignment
      existing = candidates.find((c) => c.id === joinId) ?? null
      // An incident an editor touched is folded into another only by an editor (a split stays).
      const others = candidates.filter(
        (c) => !c.editedAt && alsoMatches.some((m) => m.incidentId === c.id),
      )
      const self = { mentions, terms, source: article.source }
      absorbed = existing
        ? (planMerges(existing, self, others, stats!, ctx.params) as StoredIncident[])
        : []
      if (existing && absorbed.length > 0) existing = absorbIncidents(existing, absorbed)
    }
  }
  const incident = await buildIncident(
    deps,
    article,
    mentions,
    terms,
    existing?.kind ?? kind,
    existing,
    absorbed.map((a) => a.id),
  )
  const bundle: ArticleBundle = {
    article,
    mentions,
    entities: mentions.map((m) => entityRecord(ctx, m)),
    events: articleEvents(article),
    incident,
    incidentEntities: Object.entries(incident.profile.entities).map(([entityId, [, n]]) => ({
      entityId,
      articleCount: n,
      lastSeen: incident.lastSeen,
    })),
    mergedIncidentIds: absorbed.map((a) => a.id),
    newIncident: !existing,
    links: await incidentLinks(
      deps,
      incident,
      { ...article, mentions },
      absorbed.map((a) => a.id),
    ),
    terms: [...terms.keys()],
    indexTerms: indexTerms(terms, stats),
    bands: opts.bands ?? [],
    dedup: opts.dedup ?? null,
  }
  // Issue 7: the incident's tags and what changed about it, stored in the same batch.
  const record = opts.recordChanges !== false
  Object.assign(
    bundle,
    await tagsAndChanges({
      article,
      mentions,
      existing,
      absorbed,
      incident,
      links: bundle.links,
      record,
    }),
  )
  await deps.repo.saveArticle(bundle)
  learnEntities(ctx, bundle.entities)
  return { incidentId: incident.id, assignment, mentions }
}

/** Entities whose surface form or name appears in the headline. */
function titleEntities(title: string, mentions: Mention[]): string[] {
  const t = title.toLowerCase()
  return mentions
    .filter((m) => t.includes(m.surface.toLowerCase()) || t.includes(m.name.toLowerCase()))
    .map((m) => m.entityId)
}

async function corpusStats(
  deps: Deps,
  terms: Map<string, number>,
  mentions: Mention[],
): Promise<CorpusStats> {
  const t = await deps.repo.termFrequencies([...terms.keys()])
  const e = await deps.repo.entityIncidentCounts(mentions.map((m) => m.entityId))
  return { docs: t.total, termDf: t.df, incidents: e.total, entityDf: e.df }
}

async function buildIncident(
  deps: Deps,
  article: Draft,
  mentions: Mention[],
  terms: Map<string, number>,
  kind: StoredIncident['kind'],
  existing: StoredIncident | null,
  absorbedIds: string[] = [],
): Promise<StoredIncident> {
  const self = { ...article, mentions }
  const others = []
  for (const id of existing ? [existing.id, ...absorbedIds] : []) {
    others.push(...(await deps.repo.incidentArticles(id, 15)))
  }
  const all = [...others.filter((a) => a.id !== article.id), self].sort((a, b) =>
    a.publishedAt.localeCompare(b.publishedAt),
  )
  const profile = addToProfile(existing?.profile ?? emptyProfile(), mentions, terms, article.source)
  const firstSeen =
    existing && existing.firstSeen < article.publishedAt ? existing.firstSeen : article.publishedAt
  const lastSeen =
    existing && existing.lastSeen > article.publishedAt ? existing.lastSeen : article.publishedAt
  // Fields an editor set stay as the editor left them.
  const locked = new Set(existing?.locked ?? [])
  return {
    id: existing?.id ?? (await incidentId(article.id)),
    title: existing && locked.has('title') ? existing.title : incidentTitle(all),
    summary: existing && locked.has('summary') ? existing.summary : summarize(all),
    kind,
    firstSeen,
    lastSeen,
    articleCount: (existing?.articleCount ?? 0) + 1,
    mergedInto: null,
    updatedAt: article.fetchedAt,
    profile,
  }
}

function entityRecord(ctx: PipelineContext, m: Mention): EntityRecord {
  const known = ctx.known.get(m.entityId)
  return {
    id: m.entityId,
    type: m.type,
    name: known?.name ?? m.name,
    aliases: known?.aliases ?? [],
    origin: known?.origin ?? 'discovered',
    provisional: !known,
    description: null,
    firstSeenAt: null,
  }
}

/** The article's own dated statements plus its publication; merged across sources on read. */
function articleEvents(article: Draft) {
  const published = publicationEvent(article)
  return [...extractDatedEvents(article), ...(published ? [published] : [])]
}
