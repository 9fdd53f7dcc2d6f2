import { readFile } from 'node:fs/promises'
import type { Deps } from '../../core/deps.js'
import { AppError, describeError } from '../../core/errors.js'
import type { EntityRecord } from '../../core/types.js'
import { parseKnowledgeFile } from '../../pipeline/extract/kb-import.js'
import { planProvisionalMerges } from '../../pipeline/extract/provisional-merge.js'
import type { KbEntry } from '../../pipeline/extract/types.js'

export async function kbImport(deps: Deps, files: string[]): Promise<number> {
  let failed = 0
  let total = 0
  const imported: KbEntry[] = []
  for (const file of files) {
    try {
      const json = parseJson(await readFile(file, 'utf8'))
      const entries = await parseKnowledgeFile(json, file)
      const records: EntityRecord[] = entries.map((e) => ({
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: e.aliases,
        origin: 'import',
        provisional: false,
        description: e.description ?? null,
        firstSeenAt: null,
      }))
      await deps.repo.upsertEntities(records, deps.now().toISOString())
      imported.push(...entries)
      total += records.length
      console.log(`${file}: imported ${records.length} entities`)
    } catch (err) {
      failed++
      console.error(`error: ${file}: ${describeError(err)}`)
    }
  }
  console.log(`knowledge base: ${total} entities imported from ${files.length - failed} file(s)`)
  // Names sitrep discovered on its own before the import knew them become the imported entity.
  const provisional = (await deps.repo.knownEntities()).filter((e) => e.provisional)
  const merges = planProvisionalMerges(imported, provisional)
  if (merges.length > 0) {
    await deps.repo.mergeEntities(merges)
    console.log(`merged ${merges.length} provisional entit${merges.length === 1 ? 'y' : 'ies'} into imported ones`)
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
