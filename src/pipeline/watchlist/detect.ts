// Which parser an upload needs: the file name decides when it is a known lockfile name, else
// the content is sniffed. Anything else is refused with a message naming what is accepted.
import { xmlRootName } from '../parse/detect.js'
import { badInput } from './names.js'

export type ParserKind =
  'package-lock' | 'pnpm-lock' | 'requirements' | 'poetry-lock' | 'cyclonedx-json' | 'cyclonedx-xml'

export const ACCEPTED =
  'package-lock.json (v1-v3), npm-shrinkwrap.json, pnpm-lock.yaml (v5-v9), requirements.txt, poetry.lock or a CycloneDX SBOM (JSON or XML)'

const BY_NAME: [RegExp, ParserKind | 'cyclonedx'][] = [
  [/^(package-lock|npm-shrinkwrap)\.json$/, 'package-lock'],
  [/^pnpm-lock\.ya?ml$/, 'pnpm-lock'],
  [/^poetry\.lock$/, 'poetry-lock'],
  [/^(.*[-_.])?(requirements|constraints|reqs?)([-_.].*)?\.(txt|in)$/, 'requirements'],
  [/(^|[-_.])(bom|sbom|cdx|cyclonedx)([-_.].*)?\.(json|xml)$/, 'cyclonedx'],
]

/** `a/b\\requirements-dev.txt` -> `requirements-dev.txt`, lower-cased. */
function baseName(filename: string): string {
  return (filename.split(/[\\/]/).pop() ?? '').trim().toLowerCase()
}

function fromName(filename: string, content: string): ParserKind | null {
  const base = baseName(filename)
  const inRequirementsDir = /(^|[\\/])requirements[\\/][^\\/]+\.(txt|in)$/i.test(filename)
  if (inRequirementsDir) return 'requirements'
  const hit = BY_NAME.find(([re]) => re.test(base))?.[1] ?? null
  if (hit !== 'cyclonedx') return hit
  return content.startsWith('<') ? 'cyclonedx-xml' : 'cyclonedx-json'
}

/** A requirement or pip option on every line that is not blank or a comment. */
function looksLikeRequirements(content: string): boolean {
  const lines = content
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
  const req = /^([A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*((===?|~=|!=|<=|>=|<|>|@|;).*)?|-.*)$/
  return lines.some((l) => !l.startsWith('-')) && lines.every((l) => req.test(l))
}

function fromContent(content: string): ParserKind | null {
  if (content.startsWith('{')) {
    if (/"bomFormat"\s*:\s*"CycloneDX"/.test(content)) return 'cyclonedx-json'
    if (/"lockfileVersion"\s*:/.test(content)) return 'package-lock'
    return null
  }
  if (content.startsWith('<')) return xmlRootName(content) === 'bom' ? 'cyclonedx-xml' : null
  if (/^lockfileVersion:/m.test(content)) return 'pnpm-lock'
  if (/^\[\[package\]\]\s*$/m.test(content)) return 'poetry-lock'
  return looksLikeRequirements(content) ? 'requirements' : null
}

/** The parser for this upload; `content` has its byte-order mark and leading space removed. */
export function detectFormat(filename: string, content: string): ParserKind {
  const kind = fromName(filename, content) ?? fromContent(content)
  if (kind) return kind
  throw badInput(filename || 'upload', `not a recognized lockfile: upload a ${ACCEPTED}`)
}
