// Builders for what an editor action records: the decision (replayed after recluster) and the
// audit line (who, when, what). Replays run with `record: false` and build neither.
import type { CurationKind } from '../../../db/schema/vocab.js'
import type { CurationEdit, CurationLog, CurationRecord } from '../../storage/repository.js'

export interface ActOptions {
  /** The API key name of the editor; `sitrep recluster` for replays. */
  actor: string
  at: string
  /** False when replaying: the decision is already stored and was already logged. */
  record: boolean
}

const newId = (prefix: string) => `${prefix}_${globalThis.crypto.randomUUID().replace(/-/g, '')}`

export function decision(
  opts: ActOptions,
  d: Pick<CurationRecord, 'anchorArticleId' | 'targetId' | 'value'> & {
    kind: CurationKind
    field?: string | null
  },
): CurationRecord {
  return {
    id: newId('cur'),
    kind: d.kind,
    anchorArticleId: d.anchorArticleId,
    targetId: d.targetId,
    field: d.field ?? null,
    value: d.value,
    actor: opts.actor,
    createdAt: opts.at,
  }
}

export function auditLine(
  opts: ActOptions,
  a: Pick<CurationEdit, 'action' | 'targetType' | 'targetId' | 'detail'>,
): CurationEdit {
  return { id: newId('aud'), at: opts.at, actor: opts.actor, ...a }
}

/** The log to write, or null for a replay. */
export function logFor(opts: ActOptions, build: () => CurationLog): CurationLog | null {
  return opts.record ? build() : null
}
