// package-lock.json / npm-shrinkwrap.json. v1 nests a `dependencies` tree; v2 and v3 list every
// installed copy in a flat `packages` map keyed by its node_modules path (v2 carries both: the
// map wins). The root project ("") and workspace folders are the user's own code, not deps.
import { badInput, dedupePackages, isRecord, parseJson, str } from './names.js'
import type { ParsedLockfile, WatchPackage } from './types.js'

const FILE = 'package-lock.json'
const SEMVERISH = /^v?\d+(\.\d+)*([-+][0-9A-Za-z.-]+)?$/

/** `1.2.3`; `npm:real-name@1.2.3` (an alias) names the real package; git/file specs: no version. */
function resolveVersion(
  name: string,
  raw: string | null,
): { name: string; version: string | null } {
  if (!raw) return { name, version: null }
  const alias = /^npm:(@?[^@]+)@(.+)$/.exec(raw)
  if (alias) return { name: alias[1]!, version: alias[2]! }
  return { name, version: SEMVERISH.test(raw) ? raw.replace(/^v/, '') : null }
}

/** `node_modules/a/node_modules/@s/b` -> `@s/b`; null for paths outside node_modules. */
function nameFromPath(path: string): string | null {
  const at = path.lastIndexOf('node_modules/')
  if (at < 0) return null
  const name = path.slice(at + 'node_modules/'.length)
  return name === '' ? null : name
}

function fromPackagesMap(map: Record<string, unknown>, warnings: string[]): WatchPackage[] {
  const out: WatchPackage[] = []
  let unversioned = 0
  for (const [path, entry] of Object.entries(map)) {
    if (path === '' || !isRecord(entry) || entry.link === true) continue
    const pathName = nameFromPath(path)
    if (!pathName) continue
    const resolved = resolveVersion(str(entry.name) ?? pathName, str(entry.version))
    if (!resolved.version) unversioned++
    out.push({ ecosystem: 'npm', ...resolved })
  }
  if (unversioned > 0) warnings.push(`${unversioned} package(s) without a registry version`)
  return out
}

function fromDependencyTree(tree: Record<string, unknown>, warnings: string[]): WatchPackage[] {
  const out: WatchPackage[] = []
  let unversioned = 0
  const stack: Record<string, unknown>[] = [tree]
  while (stack.length > 0) {
    for (const [name, entry] of Object.entries(stack.pop()!)) {
      if (!isRecord(entry)) continue
      const resolved = resolveVersion(name, str(entry.version))
      if (!resolved.version) unversioned++
      out.push({ ecosystem: 'npm', ...resolved })
      if (isRecord(entry.dependencies)) stack.push(entry.dependencies)
    }
  }
  if (unversioned > 0) warnings.push(`${unversioned} package(s) without a registry version`)
  return out
}

export function parsePackageLock(content: string): ParsedLockfile {
  const doc = parseJson(FILE, content)
  if (!isRecord(doc)) throw badInput(FILE, 'expected a JSON object')
  const version = doc.lockfileVersion
  if (typeof version !== 'number') throw badInput(FILE, 'no "lockfileVersion": not an npm lockfile')
  const warnings: string[] = []
  if (version > 3) warnings.push(`lockfileVersion ${version} is newer than 3; read as v3`)
  let packages: WatchPackage[]
  if (version >= 2 && isRecord(doc.packages)) packages = fromPackagesMap(doc.packages, warnings)
  else if (isRecord(doc.dependencies)) packages = fromDependencyTree(doc.dependencies, warnings)
  else throw badInput(FILE, `lockfileVersion ${version} without "packages" or "dependencies"`)
  return { format: 'package-lock', packages: dedupePackages(packages), warnings }
}
