// Package name normalization. PyPI compares names per PEP 503 (case-insensitive, runs of
// `-`, `_` and `.` are one separator); npm names are case-sensitive on the registry but have
// been lower-case only for years, so a case-folded compare is safe for matching.
import { AppError } from '../../core/errors.js'
import type { Ecosystem, WatchPackage } from './types.js'

/** PEP 503: `LiteLLM` == `litellm`, `Foo_Bar.baz` == `foo-bar-baz`. */
export function pep503(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

/** The name as packages of this ecosystem are compared. */
export function packageKey(ecosystem: Ecosystem, name: string): string {
  return ecosystem === 'pypi' ? pep503(name) : name.toLowerCase()
}

/**
 * Drops repeated (ecosystem, name, version) triples, keeping first-seen order; a lockfile lists
 * the same package once per place it is installed.
 */
export function dedupePackages(packages: WatchPackage[]): WatchPackage[] {
  const seen = new Set<string>()
  const out: WatchPackage[] = []
  for (const p of packages) {
    const key = `${p.ecosystem}\u0000${packageKey(p.ecosystem, p.name)}\u0000${p.version ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(p)
  }
  return out
}

/** Parse failures of a named file, one message shape for every format. */
export function badInput(file: string, why: string): AppError {
  return new AppError('bad_request', `${file}: ${why}`)
}

/** JSON.parse with the error a user can act on. */
export function parseJson(file: string, content: string): unknown {
  try {
    return JSON.parse(content) as unknown
  } catch (err) {
    throw badInput(file, `not valid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null
