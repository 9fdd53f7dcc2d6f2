// Near-duplicate check for one incoming article: candidates come from LSH band keys (an index
// lookup, not a scan), each is compared on its stored fingerprint, and a copy is kept as a source
// of its original's incident with the decision recorded.
import type { Deps } from '../core/deps.js'
import type { ProcessOptions } from './process-article.js'
import type { Draft } from './ingest-drafts.js'
import {
  bandKeys,
  contentFingerprint,
  isNearDuplicate,
  type Fingerprint,
} from './parse/near-duplicate.js'

const MAX_CANDIDATES = 20

export interface DuplicateCheck {
  article: { fingerprint: string; duplicateOf: string | null }
  options: ProcessOptions
}

export async function findNearDuplicate(deps: Deps, draft: Draft): Promise<DuplicateCheck> {
  const fp = contentFingerprint(draft.title, draft.text)
  const bands = bandKeys(fp)
  const candidates = await deps.repo.nearDuplicateCandidates(bands, MAX_CANDIDATES)
  let best: { id: string; incidentId: string | null; similarity: number; rule: string } | null =
    null
  for (const c of candidates) {
    if (c.id === draft.id) continue
    const other = parseFingerprint(c.fingerprint)
    if (!other) continue
    const d = isNearDuplicate(fp, other)
    if (d.duplicate && (!best || d.similarity > best.similarity)) {
      best = {
        id: c.id,
        incidentId: c.incidentId,
        similarity: d.similarity,
        rule: `${d.method} ${d.rule} >= ${d.threshold}`,
      }
    }
  }
  const fingerprint = JSON.stringify(fp)
  if (!best) return { article: { fingerprint, duplicateOf: null }, options: { bands } }
  deps.log.info('near-duplicate kept as a source of its original', {
    url: draft.url,
    article_id: best.id,
    similarity: best.similarity,
  })
  return {
    article: { fingerprint, duplicateOf: best.id },
    options: {
      bands,
      joinIncidentId: best.incidentId,
      dedup: {
        url: draft.url,
        feedId: draft.feedId,
        method: 'near_duplicate',
        duplicateOf: best.id,
        similarity: Math.round(best.similarity * 1000) / 1000,
        rule: best.rule,
        decidedAt: draft.fetchedAt,
      },
    },
  }
}

function parseFingerprint(json: string): Fingerprint | null {
  try {
    return JSON.parse(json) as Fingerprint
  } catch {
    return null
  }
}
