// Editor actions on entities: fix a type, merge one entity into another. Entities keep their
// ids across recluster, so these decisions need no anchor; they are replayed all the same,
// because a later crawl can bring a merged name back as a new discovered entity.
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { normalizeName } from '../../core/ids.js'
import type { EntityType } from '../../core/types.js'
import type { EntityView } from '../../storage/repository.js'
import { auditLine, decision, logFor, type ActOptions } from './log.js'

async function requireEntity(deps: Deps, id: string): Promise<EntityView> {
  const entity = await deps.repo.getEntity(id)
  if (!entity) throw new AppError('not_found', `no entity with id ${id}`)
  return entity
}

export async function setEntityType(
  deps: Deps,
  id: string,
  type: EntityType,
  opts: ActOptions,
): Promise<string> {
  const entity = await requireEntity(deps, id)
  if (entity.type === type) return entity.id
  const log = logFor(opts, () => ({
    curations: [
      decision(opts, {
        kind: 'entity_type',
        anchorArticleId: null,
        targetId: entity.id,
        field: 'type',
        value: type,
      }),
    ],
    audit: [
      auditLine(opts, {
        action: 'set_type',
        targetType: 'entity',
        targetId: entity.id,
        detail: { field: 'type', from: entity.type, to: type, name: entity.name },
      }),
    ],
  }))
  await deps.repo.setEntityType(entity.id, type, log)
  return entity.id
}

/** Mentions, incident links and names of `fromId` move to `intoId`; returns the survivor. */
export async function mergeEntity(
  deps: Deps,
  fromId: string,
  intoId: string,
  opts: ActOptions,
): Promise<string> {
  const from = await requireEntity(deps, fromId)
  const into = await requireEntity(deps, intoId)
  if (from.id === into.id)
    throw new AppError('bad_request', `cannot merge entity ${from.id} into itself`)
  const log = logFor(opts, () => ({
    curations: [
      decision(opts, {
        kind: 'entity_merge',
        anchorArticleId: null,
        targetId: from.id,
        value: { into: into.id },
      }),
    ],
    audit: [
      auditLine(opts, {
        action: 'merge',
        targetType: 'entity',
        targetId: from.id,
        detail: { merged: from.id, name: from.name, into: into.id },
      }),
    ],
  }))
  // The decision and the names first: should the move fail, a retry or the next recluster
  // finishes it, and the merged name already points the extractor at the survivor.
  await deps.repo.recordEntityMerge(into.id, mergedAliases(into, from), log)
  await deps.repo.mergeEntities([{ from: from.id, to: into.id }])
  return into.id
}

/** The survivor's aliases plus the merged entity's name and aliases, each name once. */
export function mergedAliases(
  into: Pick<EntityView, 'name' | 'aliases'>,
  from: Pick<EntityView, 'name' | 'aliases'>,
): string[] {
  const seen = new Set([normalizeName(into.name)])
  const out: string[] = []
  for (const alias of [...into.aliases, from.name, ...from.aliases]) {
    const key = normalizeName(alias)
    if (!key || seen.has(key)) continue
    seen.add(key)
    out.push(alias)
  }
  return out
}
