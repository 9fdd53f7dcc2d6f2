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
  const at = new Map(tokens.map((t, i) => [t.start, i]))
  const ranges = tokens.filter((t) => t.titleLine).map((t) => [t.start, t.end] as const)
  const inTitle = (offset: number) => ranges.some(([s, e]) => offset >= s && offset < e)
  const capsByPosition = (offset: number) => {
    const i = at.get(offset)
    return inTitle(offset) || (i !== undefined && tokens[i]!.sentStart)
  }
  return { text, tokens, at, inTitle, capsByPosition }
}

export const asDoc = (input: string | Doc): Doc =>
  typeof input === 'string' ? makeDoc(input) : input
