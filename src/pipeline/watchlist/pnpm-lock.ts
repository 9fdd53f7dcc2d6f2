// pnpm-lock.yaml. The package keys changed shape across versions:
//   v5  `/name/1.2.3`, `/@scope/name/1.2.3_react@18.2.0` (peers after `_`)
//   v6  `/name@1.2.3`, `/@scope/name@1.2.3(react@18.2.0)` (peers in parentheses)
//   v9  `name@1.2.3` under `packages:`, and again with peers under `snapshots:`.
// Tarball and git dependencies carry `name`/`version` fields in the entry instead.
import { parse } from 'yaml'
import { badInput, dedupePackages, isRecord, str } from './names.js'
import type { ParsedLockfile, WatchPackage } from './types.js'

const FILE = 'pnpm-lock.yaml'
const SEMVERISH = /^\d+(\.\d+)*([-+][0-9A-Za-z.-]+)?$/

/** Name and version of one key; `slashStyle` for v5 (`/name/1.2.3`). */
export function splitPnpmKey(
  key: string,
  slashStyle: boolean,
): { name: string; version: string } | null {
  const bare = key.replace(/^\//, '').replace(/\(.*$/, '')
  if (slashStyle) {
    const at = bare.lastIndexOf('/')
    if (at <= 0) return null
    return { name: bare.slice(0, at), version: bare.slice(at + 1).replace(/_.*$/, '') }
  }
  const m = /^(@[^/@]+\/[^@]+|[^@]+)@(.+)$/.exec(bare)
  return m ? { name: m[1]!, version: m[2]! } : null
}

function loadYaml(content: string): Record<string, unknown> {
  let doc: unknown
  try {
    doc = parse(content)
  } catch (err) {
    throw badInput(FILE, `not valid YAML (${err instanceof Error ? err.message : String(err)})`)
  }
  if (!isRecord(doc)) throw badInput(FILE, 'expected a YAML mapping')
  return doc
}

function entryPackage(key: string, entry: unknown, slashStyle: boolean): WatchPackage | null {
  const fields = isRecord(entry) ? entry : {}
  const fromKey = splitPnpmKey(key, slashStyle)
  const name = str(fields.name) ?? fromKey?.name
  if (!name) return null
  const candidates = [fromKey?.version, str(fields.version)]
  const version = candidates.find((v) => v && SEMVERISH.test(v)) ?? null
  return { ecosystem: 'npm', name, version }
}

export function parsePnpmLock(content: string): ParsedLockfile {
  const doc = loadYaml(content)
  const raw = doc.lockfileVersion
  const major = typeof raw === 'number' || typeof raw === 'string' ? parseFloat(String(raw)) : NaN
  if (Number.isNaN(major)) throw badInput(FILE, 'no "lockfileVersion": not a pnpm lockfile')
  const slashStyle = major < 6
  const warnings: string[] = []
  const out: WatchPackage[] = []
  let skipped = 0
  for (const section of [doc.packages, doc.snapshots]) {
    if (!isRecord(section)) continue
    for (const [key, entry] of Object.entries(section)) {
      const pkg = entryPackage(key, entry, slashStyle)
      if (pkg) out.push(pkg)
      else skipped++
    }
  }
  if (skipped > 0) warnings.push(`${skipped} entr(ies) with an unreadable package key skipped`)
  const packages = dedupePackages(out)
  const unversioned = packages.filter((p) => !p.version).length
  if (unversioned > 0) warnings.push(`${unversioned} package(s) without a registry version`)
  return { format: 'pnpm-lock', packages, warnings }
}
