// Ids are computed from normalized natural keys so that re-ingesting anything is idempotent:
// the same URL or the same (type, name) always lands on the same row.
import type { EntityType } from './types.js'

const encoder = new TextEncoder()

/** Short, stable, URL-safe id: the first 16 hex chars (64 bits) of SHA-256. */
export async function hashId(prefix: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(key))
  const hex = Array.from(new Uint8Array(digest).subarray(0, 8), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
  return `${prefix}_${hex}`
}

/**
 * Normalizes an entity name for identity: case-folded, accents removed, punctuation other than
 * `$` (Lapsus$) and digits folded to single spaces. "Cl0p" and "Clop" stay distinct here on purpose;
 * alias tables say they are one entity.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[^a-z0-9$]+/g, ' ')
    .trim()
}

export const articleId = (canonicalUrl: string) => hashId('art', canonicalUrl)
export const feedId = (canonicalUrl: string) => hashId('feed', canonicalUrl)
export const entityId = (type: EntityType, name: string) =>
  hashId('ent', `${type}:${normalizeName(name)}`)
/** Incidents are keyed by the first article that opened them. */
export const incidentId = (firstArticleId: string) => hashId('inc', firstArticleId)
