// "Greater Manchester Police (GMP)" defines GMP for the rest of the article: a later bare "GMP"
// is the same entity, not a new one.
import type { Resolved } from './merge.js'
import { countOccurrences } from './occurrences.js'

const DEFINITION = /^\s*\((\p{Lu}[\p{Lu}\d&]{1,7})\)/u

export function applyAcronyms(text: string, spans: Resolved[]): Resolved[] {
  const defined = new Map<string, Resolved>()
  for (const s of spans) {
    const acr = DEFINITION.exec(text.slice(s.offset + s.surface.length))?.[1]
    if (acr && acr !== s.surface && !defined.has(acr)) defined.set(acr, s)
  }
  if (!defined.size) return spans
  const out = spans.map((s) => {
    const def = defined.get(s.surface)
    return def && !s.entry ? { ...def, surface: s.surface, offset: s.offset } : s
  })
  // Bare uses no extractor picked up still count as mentions of the defined entity.
  for (const [acr, def] of defined) {
    const seen = out.filter((s) => s.surface === acr).length
    const extra = countOccurrences(text, acr) - seen
    for (let i = 0; i < extra; i++) out.push({ ...def, surface: acr, offset: text.length })
  }
  return out
}
