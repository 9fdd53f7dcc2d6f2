// poetry.lock: TOML with one `[[package]]` table per locked distribution (name, version, and a
// `source` table for git/path/url installs, which pin no registry release).
import { parse } from 'smol-toml'
import { badInput, dedupePackages, isRecord, pep503, str } from './names.js'
import type { ParsedLockfile, WatchPackage } from './types.js'

const FILE = 'poetry.lock'

function loadToml(content: string): Record<string, unknown> {
  try {
    return parse(content) as Record<string, unknown>
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw badInput(FILE, `not valid TOML (${why})`)
  }
}

export function parsePoetryLock(content: string): ParsedLockfile {
  const doc = loadToml(content)
  if (!Array.isArray(doc.package)) throw badInput(FILE, 'no [[package]] tables: not a poetry.lock')
  const warnings: string[] = []
  const packages: WatchPackage[] = []
  let nameless = 0
  for (const entry of doc.package as unknown[]) {
    const name = isRecord(entry) ? str(entry.name) : null
    if (!name || !isRecord(entry)) {
      nameless++
      continue
    }
    const source = isRecord(entry.source) ? str(entry.source.type) : null
    const local = source !== null && source !== 'legacy'
    packages.push({ ecosystem: 'pypi', name: pep503(name), version: str(entry.version) })
    if (local) warnings.push(`${name}: installed from ${source}, not from a package index`)
  }
  if (nameless > 0) warnings.push(`${nameless} [[package]] table(s) without a name skipped`)
  return { format: 'poetry-lock', packages: dedupePackages(packages), warnings }
}
