// Counting a name's whole-word occurrences, for names found once through a cue. A plain
// indexOf scan with boundary checks: a fresh Unicode regex per name cost more than extraction.

const WORD_CHAR = /^[\p{L}\p{N}$]$/u

function isWordCodePoint(cp: number | undefined): boolean {
  if (cp === undefined) return false
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) || cp === 0x24
  }
  return WORD_CHAR.test(String.fromCodePoint(cp))
}

const EMPTY_NAME = /(?<![\p{L}\p{N}$])(?![\p{L}\p{N}$])/gu
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** The code point that ends just before `i` (a surrogate pair read as one). */
function codePointBefore(text: string, i: number): number | undefined {
  if (i <= 0) return undefined
  const c = text.charCodeAt(i - 1)
  return isLow(c) && i >= 2 && isHigh(text.charCodeAt(i - 2)) ? text.codePointAt(i - 2) : c
}

/** As /(?<![\p{L}\p{N}$])name(?![\p{L}\p{N}$])/gu would count: whole words, no overlaps. */
export function countOccurrences(text: string, name: string): number {
  if (!name) return [...text.matchAll(EMPTY_NAME)].length
  let count = 0
  let i = text.indexOf(name)
  while (i >= 0) {
    // A Unicode regex never starts a match inside a surrogate pair.
    const end = i + name.length
    const splitsPair =
      (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) ||
      (isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end)))
    const whole =
      !splitsPair &&
      !isWordCodePoint(codePointBefore(text, i)) &&
      !isWordCodePoint(text.codePointAt(end))
    if (whole) count++
    i = text.indexOf(name, whole ? end : i + 1)
  }
  return count
}
