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
  const stored = await deps.repo.knownEntities()
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
