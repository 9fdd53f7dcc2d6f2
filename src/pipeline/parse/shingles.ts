// Text to shingles for near-duplicate detection: boilerplate removal, word hashes and 32-bit hashes
// of word 3-shingles. One pass over the text and no token strings: together with the sketches
// (sketches.ts) a 5,000-word article is fingerprinted in about half a millisecond.

/**
 * Feed and syndication furniture that differs between copies of one article (or is shared by
 * unrelated articles of one outlet). Removed before tokenising so that it neither hides a copy nor
 * makes two different stories of one outlet look alike.
 */
const BOILERPLATE: RegExp[] = [
  // WordPress footer; it repeats the title, so two summaries from one feed would share it.
  /\bThe post\b[^\n]{0,400}?\bappeared first on\b[^\n]*/gi,
  // Hackread: "This is a post from HackRead.com Read the original post: <title>".
  /\bThis is a post from\s+\S+/gi,
  /\bRead the original (?:post|article|story)\b[^\n]*/gi,
  // Syndication notes and "read more" links on a line of their own.
  /^[^\S\n]*(?:this (?:article|story|post) )?(?:was )?(?:originally|first) (?:published|appeared|posted)\b[^\n]{0,200}$/gim,
  /^[^\S\n]*(?:read more|continue reading|read the full (?:story|article)|source:)[^\n]{0,200}$/gim,
  // The same at the very end of a one-line feed summary.
  /\b(?:read more|continue reading)\b[^\n]{0,120}$/i,
  // Bylines: a line of their own, or glued to the start of a feed summary ("By Jane Doe The ...").
  /^[^\S\n]*(?:[Bb]y|[Ww]ritten by|[Pp]osted by|[Aa]uthor:)[^\S\n]+\p{Lu}[^\n]{0,60}$/gmu,
  /^\s*By\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?/u,
]

export function stripBoilerplate(text: string): string {
  let out = text
  for (const re of BOILERPLATE) out = out.replace(re, ' ')
  return out
}

const WORD_CHAR = /[\p{L}\p{N}]/u
// As a signed int32: a constant above 2^31 would make V8 keep `h` as a double (4x slower).
const FNV_OFFSET = 0x811c9dc5 | 0

/**
 * FNV-1a hashes of the words of `text`: lower-cased letter/digit runs, everything else is a
 * separator except apostrophes ("Microsoft's" is one word). One pass, no token strings.
 */
export function wordHashes(text: string): Uint32Array {
  const s = text.toLowerCase()
  const out = new Uint32Array((s.length >> 1) + 1)
  let n = 0
  let h = FNV_OFFSET
  let inWord = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x80 && isWordChar(c))) {
      h = Math.imul(h ^ c, 0x01000193)
      inWord = true
    } else if (inWord && c !== 39 && c !== 0x2019) {
      out[n++] = h
      h = FNV_OFFSET
      inWord = false
    }
  }
  if (inWord) out[n++] = h
  return out.slice(0, n)
}

const isWordChar = (c: number) => WORD_CHAR.test(String.fromCharCode(c))

/** murmur3's finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(x: number): number {
  let h = x ^ (x >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

function round(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51)
  h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593)
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0
}

/** Order-sensitive hash of a few 32-bit values (murmur3 body rounds and finaliser). */
export function hashRun(values: ArrayLike<number>, seed: number): number {
  let h = seed | 0
  for (let i = 0; i < values.length; i++) h = round(h, values[i] ?? 0)
  return fmix32(h ^ values.length)
}

const SHINGLE_SEED = 0x5eed0003

/**
 * Distinct hashes of the word 3-shingles of `words[from, to)`, ascending. One or two words still
 * give one shingle, so that a very short text is not an empty set.
 */
export function shingleHashes(words: Uint32Array, from = 0, to = words.length): Uint32Array {
  const w = words.subarray(from, Math.max(from, to))
  const n = w.length
  if (n < 3) return n === 0 ? new Uint32Array(0) : Uint32Array.of(hashRun(w, SHINGLE_SEED))
  const out = new Uint32Array(n - 2)
  for (let i = 0; i < n - 2; i++) {
    const h = round(round(round(SHINGLE_SEED, w[i]!), w[i + 1]!), w[i + 2]!)
    out[i] = fmix32(h ^ 3)
  }
  return distinctSorted(out)
}

/** Sorts in place and returns the run of distinct values. */
export function distinctSorted(values: Uint32Array): Uint32Array {
  values.sort()
  let k = 0
  for (let i = 0; i < values.length; i++) {
    if (k === 0 || values[i] !== values[k - 1]) values[k++] = values[i]!
  }
  return values.subarray(0, k)
}
