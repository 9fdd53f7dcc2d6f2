// Per-run state built once and shared by every article of a run: the entity matcher (starter
// KB + imported + previously discovered entities) and the clustering parameters.
import type { Deps } from '../core/deps.js'
import type { EntityRecord } from '../core/types.js'
import { DEFAULT_CLUSTER_PARAMS, type ClusterParams } from './cluster/assign.js'
import { buildDefaultGazetteer, starterKb, type Gazetteer, type KbEntry } from './extract/index.js'

export interface PipelineContext {
  gazetteer: Gazetteer
  /** Known entities by id, to give new entity rows their canonical name and aliases. */
  known: Map<string, KbEntry & { origin: EntityRecord['origin'] }>
  params: ClusterParams
}

export async function createPipelineContext(
  deps: Pick<Deps, 'repo'>,
  params: ClusterParams = DEFAULT_CLUSTER_PARAMS,
): Promise<PipelineContext> {
  // First-seen order, the order a single long run would have learnt them in (see `learn`).
  const stored = (await deps.repo.knownEntities()).sort(
    (a, b) => (a.firstSeenAt ?? '').localeCompare(b.firstSeenAt ?? '') || a.id.localeCompare(b.id),
  )
  const extra: KbEntry[] = stored.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
  }))
  const gazetteer = await buildDefaultGazetteer(extra)
  const known = new Map<string, KbEntry & { origin: EntityRecord['origin'] }>()
  for (const e of await starterKb()) known.set(e.id, { ...e, origin: 'builtin' })
  for (const e of stored)
    known.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: e.aliases, origin: e.origin })
  return { gazetteer, known, params }
}

/** Makes entities first stored by this article known to the rest of the run. */
export function learnEntities(ctx: PipelineContext, records: EntityRecord[]): void {
  for (const r of records) {
    if (ctx.known.has(r.id)) continue
    const entry: KbEntry = { id: r.id, type: r.type, name: r.name, aliases: r.aliases }
    ctx.known.set(r.id, { ...entry, origin: r.origin })
    ctx.gazetteer.add(entry)
  }
}
