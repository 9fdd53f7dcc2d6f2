// Lists of names ("Altel, Celcom, DiGi and Maxis"; "LG G3, G4, and G5"): one pass of one regex
// finds every list, and each list is split into its items with their offsets.
import type { Doc } from './doc.js'
import { acceptName, hasNameShape, trimName } from './names.js'
import { isFirstName, isPlace } from './lexicon.js'
import { confirmedName } from './rules.js'
import { proseLine } from './headline.js'

/** One list word: capitalised, digit-led (6P) or inner-capital (iPhone), with inner - or . */
const WORD = String.raw`(?:[\p{Lu}\d][\p{L}\p{N}$&]*|\p{Ll}+[\p{Lu}\d][\p{L}\p{N}$]*)(?:[-.][\p{L}\p{N}$]+)*`
/** Up to three words, so that "Merchantrade Asia" or "Nest Cam Outdoor" is one item. */
export const ITEM = String.raw`${WORD}(?:[ \u00A0]${WORD}){0,2}`
const SEP = String.raw`(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?`
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}$&'’.-])`
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}$&-])`
const LIST_RE = new RegExp(`${EDGE_BEFORE}${ITEM}(?:${SEP}${ITEM}${EDGE_AFTER})+`, 'gu')
const ITEM_RE = new RegExp(`${EDGE_BEFORE}${ITEM}${EDGE_AFTER}`, 'gu')

/** Update ids are listed like products ("KB5030211 and KB5030214") without naming one. */
const UPDATE_ID = /^KB\d+$/u

export interface ListItem {
  text: string
  offset: number
}

const LIST_AT = new RegExp(`^${LIST_RE.source}`, 'u')

/** Every list of two or more capitalised items in `text`. */
export function findLists(text: string): ListItem[][] {
  return [...text.matchAll(LIST_RE)].map((m) => itemsOf(m[0], m.index))
}

/** The list that starts exactly at `offset`, if one does. */
export function listAt(text: string, offset: number): ListItem[] | undefined {
  const m = LIST_AT.exec(text.slice(offset, offset + 400))
  return m ? itemsOf(m[0], offset) : undefined
}

function itemsOf(list: string, offset: number): ListItem[] {
  return [...list.matchAll(ITEM_RE)].map((m) => ({ text: m[0], offset: offset + m.index }))
}

/**
 * The name an unknown list item gives, or '' when it is not one: places, people, ordinary
 * words, and words capitalised only by their position are left out. `strong` accepts
 * ordinary-word names ("Fox") when the words around the list say what its items are.
 */
export function listItemName(doc: Doc, item: ListItem, strong: boolean): string {
  const name = trimName(item.text)
  if (!name || UPDATE_ID.test(name) || isPlace(name) || !acceptName(name, strong)) return ''
  if (!name.includes(' ') && isFirstName(name)) return ''
  const offset = doc.text.indexOf(name, item.offset)
  if (offset < 0) return ''
  if (name.split(' ').some(hasNameShape)) return name
  if (doc.inTitle(offset) && !proseLine(doc.text, offset)) return ''
  const i = doc.at.get(offset)
  const sentStart = i !== undefined && doc.tokens[i]!.sentStart
  return sentStart && !confirmedName(doc, name, offset) ? '' : name
}
