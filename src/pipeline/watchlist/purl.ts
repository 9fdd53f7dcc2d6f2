// Package URLs (purl spec): `pkg:type/namespace/name@version?qualifiers#subpath`, each part
// percent-encoded. npm scopes arrive as `%40scope`; the `@` before the version is never encoded.
import { pep503 } from './names.js'
import type { WatchPackage } from './types.js'

function decode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** The package a purl names, in the form that ecosystem's lockfiles use; null if malformed. */
export function parsePurl(purl: string): WatchPackage | null {
  const m = /^pkg:\/*([A-Za-z][A-Za-z0-9.+-]*)\/([^?#]+)/.exec(purl.trim())
  if (!m) return null
  const type = m[1]!.toLowerCase()
  let path = m[2]!
  let version: string | null = null
  const at = path.lastIndexOf('@')
  if (at > 0) {
    version = decode(path.slice(at + 1)) || null
    path = path.slice(0, at)
  }
  const segments = path.split('/').filter(Boolean).map(decode)
  const name = segments.pop()
  if (!name) return null
  const namespace = segments.join('/')
  return { ecosystem: type, name: joinName(type, namespace, name), version }
}

function joinName(type: string, namespace: string, name: string): string {
  if (type === 'pypi') return pep503(name)
  if (!namespace) return name
  return type === 'maven' ? `${namespace}:${name}` : `${namespace}/${name}`
}
