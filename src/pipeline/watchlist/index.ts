// Lockfile and SBOM parsing for the dependency watchlist: one entry point, pure (no I/O), so
// it runs the same in the API, the web form and the Worker.
import { AppError } from '../../core/errors.js'
import { parseCycloneDxJson, parseCycloneDxXml } from './cyclonedx.js'
import { detectFormat, type ParserKind } from './detect.js'
import { badInput } from './names.js'
import { parsePackageLock } from './package-lock.js'
import { parsePnpmLock } from './pnpm-lock.js'
import { parsePoetryLock } from './poetry-lock.js'
import { parseRequirements } from './requirements.js'
import type { ParsedLockfile } from './types.js'

export type { Ecosystem, ParsedLockfile, WatchPackage } from './types.js'
export { pep503, packageKey } from './names.js'
export { ACCEPTED } from './detect.js'

/** Lockfiles of even large monorepos stay well below this. */
export const MAX_LOCKFILE_BYTES = 5 * 1024 * 1024

const PARSERS: Record<ParserKind, (content: string) => ParsedLockfile> = {
  'package-lock': parsePackageLock,
  'pnpm-lock': parsePnpmLock,
  requirements: parseRequirements,
  'poetry-lock': parsePoetryLock,
  'cyclonedx-json': parseCycloneDxJson,
  'cyclonedx-xml': parseCycloneDxXml,
}

function byteLength(text: string): number {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: skip the encoding when it cannot matter.
  if (text.length * 3 <= MAX_LOCKFILE_BYTES) return text.length
  return new TextEncoder().encode(text).byteLength
}

/**
 * The packages a lockfile or SBOM pins. Throws AppError `too_large` over 5 MB, and
 * `bad_request` for a file that is not one of the accepted formats, does not parse, or names no
 * package.
 */
export function parseLockfile(filename: string, content: string): ParsedLockfile {
  if (byteLength(content) > MAX_LOCKFILE_BYTES)
    throw new AppError('too_large', `${filename || 'upload'}: larger than 5 MB`)
  const text = content.replace(/^\ufeff/, '').trimStart()
  if (text === '') throw badInput(filename || 'upload', 'the file is empty')
  const kind = detectFormat(filename, text)
  const parsed = PARSERS[kind](text)
  if (parsed.packages.length === 0)
    throw badInput(filename || 'upload', `no packages found (read as ${parsed.format})`)
  return parsed
}
