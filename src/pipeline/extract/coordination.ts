// Names listed with a known name are of its kind: in "DanaBot, SystemBC and RedLine" or
// "Pureland, Atomic Stealer, Realst" one known family types its unknown neighbours, and in
// "Hilton, Mandarin Oriental, and White Lodging" one known company types the others.
import type { EntityType } from '../../core/types.js'
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
import { hasNameShape, isDistinctive } from './names.js'
import { headlineTest } from './headline.js'
import { findLists, listItemName, type ListItem } from './lists.js'

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
/** Products and companies are listed at length: whole lists, not only next neighbours. */
const LIST_TYPES: readonly EntityType[] = ['software', 'organization']
const RANK = 2

function accept(doc: Doc, word: string, offset: number, taken: Set<number>): boolean {
  if (taken.has(offset) || !/\p{L}/u.test(word) || !isDistinctive(word)) return false
  if (NAME_BEFORE.test(doc.text.slice(Math.max(0, offset - 30), offset))) return false
  // At a sentence start or in a headline, capitalisation proves nothing: ask for a coined shape.
  return hasNameShape(word) || !doc.capsByPosition(offset)
}

const find = (type: EntityType, name: string, offset: number, source: string): Candidate => ({
  type,
  name,
  surface: name,
  offset,
  rank: RANK,
  source,
})

/** The one type the known items of a list share, when they share one. */
function listType(items: ListItem[], anchors: Anchor[]): EntityType | undefined {
  const types = new Set<EntityType>()
  for (const it of items) {
    const end = it.offset + it.text.length
    for (const a of anchors) if (a.offset < end && it.offset < a.end) types.add(a.type)
  }
  const [only] = types
  return types.size === 1 && only && LIST_TYPES.includes(only) ? only : undefined
}

/** Unknown items of lists whose known items are all software, or all organisations. */
function listMembers(doc: Doc, anchors: Anchor[], taken: Set<number>): Candidate[] {
  const out: Candidate[] = []
  const inTitle = headlineTest(doc.text, doc.inTitle)
  for (const items of findLists(doc.text)) {
    if (items.some((it) => inTitle(it.offset))) continue
    const type = listType(items, anchors)
    if (!type) continue
    // "Apple Security Engineering and Architecture", "MGM Hotels and Casinos": a pair with one
    // plain word is more often one name with "and" inside it than two names.
    const pair = items.length === 2
    for (const it of items) {
      const end = it.offset + it.text.length
      if (anchors.some((a) => a.offset < end && it.offset < a.end) || taken.has(it.offset)) continue
      const name = listItemName(doc, it, false)
      if (pair && !name.includes(' ') && !hasNameShape(name)) continue
      if (name) out.push(find(type, name, doc.text.indexOf(name, it.offset), 'list'))
    }
  }
  return out
}

export function listedNames(doc: Doc, anchors: Anchor[], taken: Set<number>): Candidate[] {
  const out: Candidate[] = listMembers(doc, anchors, taken)
  for (const a of anchors) {
    if (!LISTED_TYPES.includes(a.type)) continue
    const after = AFTER.exec(doc.text.slice(a.end, a.end + 80))
    if (after) {
      const word = after[1]!
      const offset = a.end + after.index + after[0].length - word.length
      if (accept(doc, word, offset, taken)) out.push(find(a.type, word, offset, 'list'))
    }
    const from = Math.max(0, a.offset - 80)
    const before = BEFORE.exec(doc.text.slice(from, a.offset))
    if (before) {
      const word = before[1]!
      const offset = from + before.index + before[0].indexOf(word)
      if (accept(doc, word, offset, taken)) out.push(find(a.type, word, offset, 'list'))
    }
  }
  return out
}
