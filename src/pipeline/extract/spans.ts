// Every extractor run over one article, and their finds resolved into entity spans.
import type { Candidate, Gazetteer } from './types.js'
import type { Doc } from './doc.js'
import { findCves } from './cve.js'
import { matchDoc } from './gazetteer.js'
import { discoverNames } from './discover.js'
import { findOrganizations } from './organizations.js'
import { findSoftware } from './software.js'
import { findProperNames } from './proper-names.js'
import { productNames } from './products.js'
import { listedNames } from './coordination.js'
import { resolveSpans, type Resolved } from './merge.js'
import { applyAcronyms } from './acronyms.js'
import { gangContext } from './context.js'

/** CVE ids outrank everything: nothing else may claim their characters. */
const CVE_RANK = 20

function cveCandidates(text: string): Candidate[] {
  return findCves(text).map((c) => ({
    type: 'vulnerability',
    name: c.id,
    surface: c.surface,
    offset: c.offset,
    rank: CVE_RANK,
    source: 'cve',
  }))
}

export function findSpans(doc: Doc, gazetteer: Gazetteer): Resolved[] {
  const { hits, products } = productNames(doc.text, matchDoc(gazetteer, doc), doc.inTitle)
  const patterns = [
    ...discoverNames(doc),
    ...findOrganizations(doc),
    ...findSoftware(doc),
    ...findProperNames(doc),
  ]
  const anchors = [
    ...hits.map((h) => ({ type: h.entity.type, offset: h.offset, end: h.offset + h.length })),
    ...patterns.map((p) => ({ type: p.type, offset: p.offset, end: p.offset + p.surface.length })),
  ]
  const listed = listedNames(doc, anchors, new Set(hits.map((h) => h.offset)))
  const finds = [...cveCandidates(doc.text), ...products, ...patterns, ...listed]
  const spans = applyAcronyms(doc.text, resolveSpans(hits, finds, gazetteer))
  return spans.map((s) => strainOrGang(s, doc))
}

/**
 * Imported ransomware names (altTypes malware) are gangs only where the sentence says so, and
 * strains otherwise. Built-in gangs (LockBit, Clop) stay actors, as GUIDE.md asks.
 */
function strainOrGang(s: Resolved, doc: Doc): Resolved {
  if (s.type !== 'threat_actor' || !s.entry?.altTypes?.includes('malware')) return s
  const first = doc.at.get(s.offset)
  if (first === undefined) return s
  const end = firstTokenFrom(doc, s.offset + s.surface.length)
  return gangContext(doc.tokens, first, end) ? s : { ...s, type: 'malware' }
}

/** Index of the first token starting at or after `offset` (tokens.length if none). */
function firstTokenFrom(doc: Doc, offset: number): number {
  let lo = 0
  let hi = doc.tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (doc.tokens[mid]!.start >= offset) hi = mid
    else lo = mid + 1
  }
  return lo
}
