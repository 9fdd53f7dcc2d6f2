// Names listed with a known actor or malware family are of its kind: in "DanaBot, SystemBC and
// RedLine" or "Pureland, Atomic Stealer, Realst" one known name types its unknown neighbours.
import type { EntityType } from '../../core/types.js'
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
import { hasNameShape, isDistinctive } from './names.js'

interface Anchor {
  type: EntityType
  offset: number
  end: number
}

const WORD = String.raw`[\p{Lu}\d][\p{L}\p{N}$-]*[\p{L}\p{N}$]`
/** The word before a listed name that makes it a person's ("Dariy Pankov"). */
const NAME_BEFORE = /\p{Lu}[\p{L}'-]*\s+$/u
/** ",", ", and", "/", "&", "or" between list items. */
const SEPARATOR = String.raw`(?:,(?:\s*(?:and|or)\b)?|\/|&|\band\b|\bor\b)`
const AFTER = new RegExp(String.raw`^\s*${SEPARATOR}\s*(?:the\s+)?(${WORD})(?=[\s,./;:)]|$)`, 'u')
const BEFORE = new RegExp(String.raw`(?:^|[\s(])(${WORD})\s*${SEPARATOR}\s*$`, 'u')
const LISTED_TYPES: readonly EntityType[] = ['malware', 'threat_actor']
const RANK = 2

function accept(doc: Doc, word: string, offset: number, taken: Set<number>): boolean {
  if (taken.has(offset) || !/\p{L}/u.test(word) || !isDistinctive(word)) return false
  if (NAME_BEFORE.test(doc.text.slice(Math.max(0, offset - 30), offset))) return false
  // At a sentence start or in a headline, capitalisation proves nothing: ask for a coined shape.
  return hasNameShape(word) || !doc.capsByPosition(offset)
}

export function listedNames(doc: Doc, anchors: Anchor[], taken: Set<number>): Candidate[] {
  const out: Candidate[] = []
  for (const a of anchors) {
    if (!LISTED_TYPES.includes(a.type)) continue
    const after = AFTER.exec(doc.text.slice(a.end, a.end + 80))
    if (after) {
      const word = after[1]!
      const offset = a.end + after.index + after[0].length - word.length
      if (accept(doc, word, offset, taken))
        out.push({ type: a.type, name: word, surface: word, offset, rank: RANK, source: 'list' })
    }
    const from = Math.max(0, a.offset - 80)
    const before = BEFORE.exec(doc.text.slice(from, a.offset))
    if (before) {
      const word = before[1]!
      const offset = from + before.index + before[0].indexOf(word)
      if (accept(doc, word, offset, taken))
        out.push({ type: a.type, name: word, surface: word, offset, rank: RANK, source: 'list' })
    }
  }
  return out
}
