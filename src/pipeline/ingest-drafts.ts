// Raw items -> article drafts with computed ids. Items without a usable URL are rejected with a
// clear error; repeats within one batch (same canonical URL, or the same GUID in one feed) are
// dropped here, before anything is stored.
import type { Deps } from '../core/deps.js'
import { articleId } from '../core/ids.js'
import type { ArticleDraft, ArticleOrigin, RawItem } from '../core/types.js'
import { canonicalizeUrl, hostOf } from './parse/url.js'

export interface IngestSource {
  origin: ArticleOrigin
  feedId: string | null
  /** Outlet name used when an item names none. */
  source: string | null
}

export type Draft = ArticleDraft & { fetchedAt: string }

export interface DraftResult {
  drafts: Draft[]
  repeats: number
  errors: { target: string; message: string }[]
}

export async function toDrafts(
  deps: Pick<Deps, 'now'>,
  items: (RawItem & { from?: IngestSource })[],
  fallback: IngestSource,
): Promise<DraftResult> {
  const now = deps.now().toISOString()
  const byId = new Map<string, Draft>()
  const guids = new Set<string>()
  const out: DraftResult = { drafts: [], repeats: 0, errors: [] }
  for (const item of items) {
    const url = canonicalizeUrl(item.url)
    if (!url) {
      out.errors.push({ target: item.url || item.title, message: 'item has no usable http(s) URL' })
      continue
    }
    const from = item.from ?? fallback
    const id = await articleId(url)
    const guidKey = from.feedId && item.guid ? `${from.feedId}\u0000${item.guid}` : null
    if (byId.has(id) || (guidKey && guids.has(guidKey))) {
      out.repeats++
      continue
    }
    if (guidKey) guids.add(guidKey)
    byId.set(id, {
      id,
      url,
      title: item.title.trim() || url,
      source: item.source?.trim() || from.source || hostOf(url) || 'unknown',
      publishedAt: item.published ?? now,
      text: item.text,
      origin: from.origin,
      feedId: from.feedId,
      guid: item.guid ?? null,
      fetchedAt: now,
    })
  }
  out.drafts = [...byId.values()]
  return out
}

/**
 * Drops drafts whose GUID a feed already used for a stored article under another URL (a link
 * that changed, e.g. a slug edit): the same item, not a new story. Each decision is recorded.
 */
export async function dropKnownGuids(deps: Deps, drafts: Draft[]): Promise<Draft[]> {
  const byFeed = new Map<string, Draft[]>()
  for (const d of drafts) {
    if (d.feedId && d.guid) byFeed.set(d.feedId, [...(byFeed.get(d.feedId) ?? []), d])
  }
  const drop = new Set<string>()
  for (const [feedId, list] of byFeed) {
    const known = await deps.repo.articleIdsByGuid(
      feedId,
      list.map((d) => d.guid!),
    )
    for (const d of list) {
      const original = known.get(d.guid!)
      if (!original || original === d.id) continue
      drop.add(d.id)
      await deps.repo.recordDedup({
        url: d.url,
        feedId,
        method: 'guid',
        duplicateOf: original,
        similarity: null,
        rule: 'same GUID in the same feed',
        decidedAt: d.fetchedAt,
      })
    }
  }
  return drafts.filter((d) => !drop.has(d.id))
}
