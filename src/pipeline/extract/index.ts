// Entity extraction for one article: CVE ids, KB aliases, and names discovered from patterns,
// merged into one Mention per entity.
import type { EntityType, Mention } from '../../core/types.js'
import { normalizeName } from '../../core/ids.js'
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

const encoder = new TextEncoder()

/**
 * entityId() of core/ids.ts computed synchronously: WebCrypto's digest is async, and awaiting
 * it per span cost more than the rest of a short article's extraction.
 */
export function entityIdSync(type: EntityType, name: string): string {
  const h = sha256(encoder.encode(`${type}:${normalizeName(name)}`))
  return `ent_${hex32(h[0]!)}${hex32(h[1]!)}`
}

const hex32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0')

/** FIPS 180-4 constants: fractional bits of the square and cube roots of the first primes. */
const PRIMES = [...Array(312).keys()].filter(
  (n) => n > 1 && [...Array(n).keys()].slice(2).every((d) => n % d),
)
const frac32 = (x: number) => Math.floor((x - Math.floor(x)) * 2 ** 32)
// Int32 words keep V8 on small-integer arithmetic; bit operators wrap exactly as SHA-256 needs.
const H0 = Int32Array.from(PRIMES.slice(0, 8), (p) => frac32(Math.sqrt(p)))
const K = Int32Array.from(PRIMES.slice(0, 64), (p) => frac32(Math.cbrt(p)))
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))

/** SHA-256 of `bytes` as eight 32-bit words (checked against WebCrypto in the unit tests). */
function sha256(bytes: Uint8Array): Int32Array {
  const blocks = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64)
  blocks.set(bytes)
  blocks[bytes.length] = 0x80
  const bits = bytes.length * 8
  for (let i = 1; i <= 5; i++) blocks[blocks.length - i] = Math.floor(bits / 2 ** (8 * (i - 1)))
  const h = H0.slice()
  const w = new Int32Array(64)
  for (let off = 0; off < blocks.length; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + 4 * i
      w[i] = (blocks[j]! << 24) | (blocks[j + 1]! << 16) | (blocks[j + 2]! << 8) | blocks[j + 3]!
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!
      const b = w[i - 2]!
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0
    }
    compress(h, w)
  }
  return h
}

function compress(h: Int32Array, w: Int32Array): void {
  let a = h[0]!
  let b = h[1]!
  let c = h[2]!
  let d = h[3]!
  let e = h[4]!
  let f = h[5]!
  let g = h[6]!
  let k = h[7]!
  for (let i = 0; i < 64; i++) {
    const ch = (e & f) ^ (~e & g)
    const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ch + K[i]! + w[i]!) | 0
    const maj = (a & b) ^ (a & c) ^ (b & c)
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + maj) | 0
    k = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  h[0] = h[0]! + a
  h[1] = h[1]! + b
  h[2] = h[2]! + c
  h[3] = h[3]! + d
  h[4] = h[4]! + e
  h[5] = h[5]! + f
  h[6] = h[6]! + g
  h[7] = h[7]! + k
}

/** One mention per entity id: count = occurrences, surface = the first one in the text. */
function toMentions(spans: Resolved[], text: string): Mention[] {
  const byId = new Map<string, Mention>()
  const ids = new Map<string, string>()
  for (const s of [...spans].sort((a, b) => a.offset - b.offset)) {
    // A KB entity read with another type ("the TrickBot gang") is a different entity.
    const id = s.entry?.type === s.type ? s.entry.id : discoveredId(ids, s)
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

/** Ids of names that recur in one article are hashed once. */
function discoveredId(ids: Map<string, string>, s: Resolved): string {
  const key = `${s.type}\n${s.name}`
  let id = ids.get(key)
  if (id === undefined) ids.set(key, (id = entityIdSync(s.type, s.name)))
  return id
}
