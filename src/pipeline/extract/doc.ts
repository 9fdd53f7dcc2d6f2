// One tokenisation of an article shared by the pattern extractors, with the two questions they
// all ask about a position: is capitalisation meaningful here, and where is the word.
import { tokenize, type Token } from './tokenize.js'

export interface Doc {
  text: string
  tokens: Token[]
  /** Token index by start offset. */
  at: ReadonlyMap<number, number>
  /** Inside a Title Case or ALL CAPS headline. */
  inTitle(offset: number): boolean
  /** The word at `offset` is capitalised because of its position (headline or sentence start). */
  capsByPosition(offset: number): boolean
}

export function makeDoc(text: string): Doc {
  const tokens = tokenize(text)
  const at = new Map<number, number>()
  for (let i = 0; i < tokens.length; i++) at.set(tokens[i]!.start, i)
  const title = tokens.filter((t) => t.titleLine)
  // Rules ask this for every capitalised word they match: a binary search over the headline
  // tokens, not a scan, keeps that linear in the text.
  const inTitle = (offset: number) => {
    let lo = 0
    let hi = title.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const t = title[mid]!
      if (offset < t.start) hi = mid - 1
      else if (offset >= t.end) lo = mid + 1
      else return true
    }
    return false
  }
  const capsByPosition = (offset: number) => {
    const i = at.get(offset)
    return inTitle(offset) || (i !== undefined && tokens[i]!.sentStart)
  }
  return { text, tokens, at, inTitle, capsByPosition }
}

export const asDoc = (input: string | Doc): Doc =>
  typeof input === 'string' ? makeDoc(input) : input
