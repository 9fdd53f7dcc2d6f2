// Entity extraction for one article: CVE ids, KB aliases, and names discovered from patterns,
// merged into one Mention per entity.
import type { Mention } from '../../core/types.js'
import { entityId } from '../../core/ids.js'
import type { Gazetteer, KbEntry } from './types.js'
import { buildGazetteer } from './gazetteer.js'
import { starterKb } from './kb.js'
import { mergeKb } from './kb-merge.js'
import { makeDoc } from './doc.js'
import { findSpans } from './spans.js'
import type { Resolved } from './merge.js'
import { countOccurrences } from './occurrences.js'

export type { Gazetteer, GazetteerHit, KbEntry } from './types.js'
export { buildGazetteer } from './gazetteer.js'
export { starterKb } from './kb.js'
export { findCves } from './cve.js'
export { parseKnowledgeFile } from './kb-import.js'
export { scoreEntities } from './score.js'

/** The starter KB plus `extra` (imports fold into built-ins that share an alias). */
export async function buildDefaultGazetteer(extra: KbEntry[] = []): Promise<Gazetteer> {
  return buildGazetteer(mergeKb(await starterKb(), extra))
}

/** Feed boilerplate repeats the title and names the outlet or author: none of it is content. */
export function articleText(article: { title: string; text: string }): string {
  const body = article.text
    .replace(/\s*The post .{0,300}? appeared first on [^.]{1,60}\.?\s*$/su, '')
    .replace(/\s*This is a post from \S+ Read the original post:.*$/su, '')
    .replace(/^By \p{Lu}\S*(?: \p{Lu}\S*)? (?=\p{Lu})/u, '')
  return `${article.title}\n${body}`
}

export async function extractMentions(
  article: { title: string; text: string },
  gazetteer: Gazetteer,
): Promise<Mention[]> {
  const text = articleText(article)
  return toMentions(findSpans(makeDoc(text), gazetteer), text)
}

/** One mention per entity id: count = occurrences, surface = the first one in the text. */
async function toMentions(spans: Resolved[], text: string): Promise<Mention[]> {
  const byId = new Map<string, Mention>()
  for (const s of [...spans].sort((a, b) => a.offset - b.offset)) {
    // A KB entity read with another type ("the TrickBot gang") is a different entity.
    const id = s.entry?.type === s.type ? s.entry.id : await entityId(s.type, s.name)
    const prev = byId.get(id)
    if (prev) prev.count++
    else {
      const discovered = s.entry === undefined
      byId.set(id, {
        entityId: id,
        type: s.type,
        name: s.name,
        surface: s.surface,
        count: 1,
        discovered,
      })
    }
  }
  // A discovered name seen once through its cue is usually repeated bare: count those too.
  for (const m of byId.values()) {
    if (m.discovered) m.count = Math.max(m.count, countOccurrences(text, m.name))
  }
  return [...byId.values()]
}
