// requirements.txt (pip's format). Only `name==1.2.3` pins a version; ranges and bare names are
// kept with version null and the spec for display. Includes (-r, -c) and editable installs
// (-e) cannot be followed from an upload: they are noted in the warnings, never fatal.
import { dedupePackages, pep503 } from './names.js'
import type { ParsedLockfile, WatchPackage } from './types.js'

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/
const CLAUSE = /^(===|==|~=|!=|<=|>=|<|>)\s*([A-Za-z0-9.*+!_-]+)$/
/** Global pip options that say where to install from, not what: nothing to note. */
const QUIET_OPTIONS =
  /^(-i|--index-url|--extra-index-url|--no-index|-f|--find-links|--trusted-host|--pre|--prefer-binary|--only-binary|--no-binary|--require-hashes|--use-feature)\b/
const INCLUDE = /^(-r|--requirement|-c|--constraint)(?:\s*=?\s*)(\S*)/
const EDITABLE = /^(-e|--editable)\b/
const PATH_OR_URL = /^(\.|\/|~|[a-z][a-z0-9+.-]*:\/\/|git\+|file:)|\.(whl|tar\.gz|zip)$/i

interface Line {
  no: number
  text: string
}

/** pip joins `\` continuations first, then drops comments (`#` at the start or after a space). */
function logicalLines(content: string): Line[] {
  const out: Line[] = []
  let buffer = ''
  let start = 0
  content.split(/\r?\n/).forEach((raw, i) => {
    if (buffer === '') start = i + 1
    if (raw.endsWith('\\')) {
      buffer += `${raw.slice(0, -1)} `
      return
    }
    const text = (buffer + raw).replace(/(^|\s)#.*$/, '').trim()
    buffer = ''
    if (text) out.push({ no: start, text })
  })
  const tail = buffer.replace(/(^|\s)#.*$/, '').trim()
  if (tail) out.push({ no: start, text: tail })
  return out
}

/** `>=1.0, <2` -> its clauses, or null when the text is not a version specifier. */
function clauses(spec: string): [op: string, version: string][] | null {
  const body = spec.replace(/^\((.*)\)$/, '$1').trim()
  if (body === '') return []
  const out: [string, string][] = []
  for (const part of body.split(',')) {
    const m = CLAUSE.exec(part.trim())
    if (!m) return null
    out.push([m[1]!, m[2]!])
  }
  return out
}

/** One requirement line -> a package, or why it was skipped. */
export function parseRequirement(text: string): WatchPackage | string {
  const line = text.replace(/\s--hash[=\s]\S+/g, '').trim()
  const m = NAME.exec(line)
  if (!m) return 'not a requirement'
  const name = pep503(m[1]!)
  const rest = m[3]!.split(';')[0]!.trim()
  if (rest.startsWith('@')) return { ecosystem: 'pypi', name, version: null, spec: rest }
  const parts = clauses(rest)
  if (!parts) return 'not a requirement'
  const pin = parts.length === 1 && /^={2,3}$/.test(parts[0]![0]) && !parts[0]![1].includes('*')
  if (pin) return { ecosystem: 'pypi', name, version: parts[0]![1] }
  const spec = parts.map(([op, v]) => `${op}${v}`).join(',')
  return spec
    ? { ecosystem: 'pypi', name, version: null, spec }
    : { ecosystem: 'pypi', name, version: null }
}

function optionWarning(line: Line): string | null {
  const include = INCLUDE.exec(line.text)
  if (include)
    return `line ${line.no}: includes "${include[2]}", which was not read (upload it as well)`
  if (EDITABLE.test(line.text)) return `line ${line.no}: editable install skipped`
  if (QUIET_OPTIONS.test(line.text)) return null
  return `line ${line.no}: option ignored: ${line.text.split(/\s/)[0]}`
}

export function parseRequirements(content: string): ParsedLockfile {
  const warnings: string[] = []
  const packages: WatchPackage[] = []
  let hashed = 0
  for (const line of logicalLines(content)) {
    if (line.text.startsWith('-')) {
      const warning = optionWarning(line)
      if (warning) warnings.push(warning)
      continue
    }
    if (PATH_OR_URL.test(line.text.split(/\s/)[0]!)) {
      warnings.push(`line ${line.no}: a path or URL, not a named requirement: skipped`)
      continue
    }
    if (/\s--hash[=\s]/.test(line.text)) hashed++
    const parsed = parseRequirement(line.text)
    if (typeof parsed === 'string')
      warnings.push(`line ${line.no}: ${parsed}: ${line.text.slice(0, 80)}`)
    else packages.push(parsed)
  }
  if (hashed > 0)
    warnings.push(`--hash options on ${hashed} line(s) ignored (versions are compared, not hashes)`)
  return { format: 'requirements', packages: dedupePackages(packages), warnings }
}
