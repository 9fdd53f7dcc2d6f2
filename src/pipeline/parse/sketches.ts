// Sketches of shingle sets for near-duplicate detection: SimHash, classic and one-permutation
// MinHash, LSH band keys, exact-set helpers and a little-endian base64 codec for storage.
import { fmix32, hashRun } from './shingles.js'

/**
 * 64-bit SimHash of a set of 32-bit hashes, as 16 hex chars (high word first). Bit counts are kept
 * four to a 32-bit word (one byte each, flushed every 255 items): 16 additions per item, not 64.
 */
export function simhash64(set: ArrayLike<number>): string {
  const counts = new Uint32Array(64)
  const packed = new Uint32Array(16)
  const flush = () => {
    for (let j = 0; j < 16; j++) {
      const half = j < 8 ? 0 : 32
      for (let lane = 0; lane < 4; lane++) {
        counts[half + (j & 7) + 8 * lane]! += (packed[j]! >>> (8 * lane)) & 0xff
      }
    }
    packed.fill(0)
  }
  for (let n = 0; n < set.length; n++) {
    const x = set[n] ?? 0
    const lo = fmix32(x ^ 0x9e3779b9)
    const hi = fmix32(x ^ 0x7f4a7c15)
    for (let j = 0; j < 8; j++) {
      packed[j]! += (lo >>> j) & 0x01010101
      packed[j + 8]! += (hi >>> j) & 0x01010101
    }
    if (n % 255 === 254) flush()
  }
  flush()
  let lo = 0
  let hi = 0
  for (let b = 0; b < 32; b++) {
    if (2 * counts[b]! > set.length) lo |= 1 << b
    if (2 * counts[b + 32]! > set.length) hi |= 1 << b
  }
  return hex32(hi) + hex32(lo)
}

const hex32 = (x: number) => (x >>> 0).toString(16).padStart(8, '0')

/** Classic MinHash, one permutation `fmix32(x ^ seed)` per seed; seeds are fixed for comparability. */
export function minhash(set: ArrayLike<number>, seeds: Uint32Array): Uint32Array {
  return seeds.map((seed) => {
    let min = EMPTY_BIN
    for (let j = 0; j < set.length; j++) min = Math.min(min, fmix32((set[j] ?? 0) ^ seed))
    return min
  })
}

export const minhashSeeds = (count: number, salt: number) =>
  Uint32Array.from({ length: count }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b1) ^ salt))

/** LSH band keys: `<prefix><band>:<64-bit hash of the band's rows>`. */
export function lshBands(prefix: string, sig: ArrayLike<number>, count: number, rows: number) {
  return Array.from({ length: count }, (_, b) => {
    const run = Array.from({ length: rows }, (_, r) => sig[b * rows + r] ?? 0)
    const hi = hashRun(run, 0x0ba9d000 + b)
    return `${prefix}${b}:${hex32(hi)}${hex32(hashRun(run, hi))}`
  })
}

/** A bin of a one-permutation MinHash that no element fell into. */
export const EMPTY_BIN = 0xffffffff

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) over 64 bins: the set's hashes are already
 * uniform, so their top 6 bits pick a bin and the least hash per bin is kept. One pass over the set
 * instead of one per permutation: 64 separate permutations cost ~0.4 ms on 5,000 words.
 */
export function binnedMinhash(set: ArrayLike<number>): Uint32Array {
  const mins = new Uint32Array(64).fill(EMPTY_BIN)
  for (let j = 0; j < set.length; j++) {
    const x = (set[j] ?? 0) >>> 0
    const bin = x >>> 26
    if (x < mins[bin]!) mins[bin] = x
  }
  return mins
}

/** Jaccard estimate from two binned MinHashes: equal bins among the bins either set reached. */
export function binnedJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let reached = 0
  let same = 0
  for (let i = 0; i < a.length; i++) {
    if (a[i] === EMPTY_BIN && b[i] === EMPTY_BIN) continue
    reached++
    if (a[i] === b[i]) same++
  }
  return reached > 0 ? same / reached : 0
}

/**
 * Fills empty bins from the next reached bin to the right (rotation densification, Shrivastava &
 * Li 2014), so that LSH bands of a smaller set are not made of shared "empty" markers.
 */
export function densify(sig: Uint32Array): Uint32Array {
  const out = sig.slice()
  for (let i = 0; i < sig.length; i++) {
    if (sig[i] !== EMPTY_BIN) continue
    for (let d = 1; d < sig.length; d++) {
      const v = sig[(i + d) % sig.length]!
      if (v !== EMPTY_BIN) {
        out[i] = hashRun([v, d], 0xde5e)
        break
      }
    }
  }
  return out
}

/** Hamming distance between two 16-hex-char SimHashes. */
export function hamming64(a: string, b: string): number {
  const hi = parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)
  const lo = parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)
  return popcount32(hi) + popcount32(lo)
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/** Little-endian base64 of unsigned integers of `bytes` bytes each (2 or 4). */
export function encodeUints(values: ArrayLike<number>, bytes: 2 | 4): string {
  let bin = ''
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0
    for (let b = 0; b < bytes; b++) bin += String.fromCharCode((v >>> (8 * b)) & 0xff)
  }
  return btoa(bin)
}

export function decodeUints(encoded: string, bytes: 2 | 4): number[] {
  const bin = atob(encoded)
  const out: number[] = []
  for (let i = 0; i + bytes <= bin.length; i += bytes) {
    let v = 0
    for (let b = 0; b < bytes; b++) v += bin.charCodeAt(i + b) * 2 ** (8 * b)
    out.push(v)
  }
  return out
}

/** Size of the intersection of two ascending arrays without repeats. */
export function intersectSorted(a: number[], b: number[]): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) n++
    if (x <= y) i++
    if (y <= x) j++
  }
  return n
}

export const sortedUnion = (a: number[], b: number[]) =>
  [...new Set([...a, ...b])].sort((x, y) => x - y)
