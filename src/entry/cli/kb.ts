// `sitrep kb import`: MISP galaxy clusters and MITRE ATT&CK STIX into the knowledge base. Files
// are parsed first and merged by entity id, so an entity in two files (MISP APT28 and ATT&CK
// APT28) keeps the aliases of both, and of any earlier import.
import { readFile } from 'node:fs/promises'
import type { Deps } from '../../core/deps.js'
import { AppError, describeError } from '../../core/errors.js'
import type { EntityRecord } from '../../core/types.js'
import { parseKnowledgeFile } from '../../pipeline/extract/kb-import.js'
import { planProvisionalMerges } from '../../pipeline/extract/provisional-merge.js'
import type { KbEntry } from '../../pipeline/extract/types.js'

export async function kbImport(deps: Deps, files: string[]): Promise<number> {
  let failed = 0
  const imported: KbEntry[] = []
  for (const file of files) {
    try {
      const entries = await parseKnowledgeFile(parseJson(await readFile(file, 'utf8')), file)
      imported.push(...entries)
      console.log(`${file}: read ${entries.length} entities`)
    } catch (err) {
      failed++
      console.error(`error: ${file}: ${describeError(err)}`)
    }
  }
  const stored = new Map((await deps.repo.knownEntities()).map((e) => [e.id, e]))
  const records = new Map<string, EntityRecord>()
  for (const e of imported) {
    const prev = records.get(e.id) ?? stored.get(e.id)
    const aliases = prev?.origin === 'import' || records.has(e.id) ? (prev?.aliases ?? []) : []
    records.set(e.id, {
      id: e.id,
      type: e.type,
      name: records.get(e.id)?.name ?? e.name,
      aliases: [...new Set([...aliases, ...e.aliases])],
      origin: 'import',
      provisional: false,
      description: records.get(e.id)?.description ?? e.description ?? null,
      firstSeenAt: prev?.firstSeenAt ?? null,
    })
  }
  await deps.repo.upsertEntities([...records.values()], deps.now().toISOString())
  console.log(
    `knowledge base: ${records.size} entities imported from ${files.length - failed} file(s)`,
  )
  // Names sitrep discovered on its own before the import knew them become the imported entity.
  const provisional = [...stored.values()].filter((e) => e.provisional)
  const merges = planProvisionalMerges(imported, provisional)
  if (merges.length > 0) {
    await deps.repo.mergeEntities(merges)
    const s = merges.length === 1 ? 'y' : 'ies'
    console.log(`merged ${merges.length} provisional entit${s} into imported ones`)
  }
  return failed > 0 ? 1 : 0
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new AppError('unsupported_input', `not a JSON file (${describeError(err)})`)
  }
}
