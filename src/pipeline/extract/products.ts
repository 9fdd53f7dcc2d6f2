// Vendor and product names written together. GUIDE.md labels a company only when it is named
// apart from its product, so "Apple macOS" is macOS alone; and a known name followed by a
// product-looking word is a product of its own ("Azure HDInsight", "Juniper SRX").
import type { EntityType } from '../../core/types.js'
import type { Candidate, GazetteerHit } from './types.js'
import { hasNameShape } from './names.js'
import { isGenericWord } from './lexicon.js'

/** A short version or year after a product names a release line: "Python 3", "Office 2016". */
const RELEASE_LINE =
  /^[ \u00A0](\d{1,2}[a-z]?|(?:19|20)\d{2}(?: R2)?|XP|Vista)(?![\p{L}\p{N}-])(?!\.\d)/u
const NEXT_WORD =
  /^[ \u00A0]([\p{Lu}\d][\p{L}\p{N}]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*)(?![\p{L}\p{N}$.-])/u
const ACRONYM = /^\p{Lu}{2,6}$/u
/** A vendor's investment or charity arm is an organisation of its own: "Intel Capital". */
const ORG_ARMS = new Set(['Capital', 'Ventures', 'Foundation'])
/** Update ids and release names ("KB5030219", "22H2") follow a product without naming one. */
const RELEASE = /^(?:KB\d+|\d.*)$/u
const PRODUCT_RANK = 11

/** HDInsight, S7, SRX: coined or acronym words. Plain capitalised words are too often verbs. */
function productWord(word: string, inHeadline: boolean): boolean {
  if (RELEASE.test(word) || isGenericWord(word)) return false
  return hasNameShape(word) || (!inHeadline && ACRONYM.test(word))
}

/** The word that makes a known name longer, and what the longer name is. */
function extension(
  text: string,
  h: GazetteerHit,
  inHeadline: (offset: number) => boolean,
): { type: EntityType; word: string } | undefined {
  const end = h.offset + h.length
  const after = text.slice(end, end + 60)
  const release = h.entity.type === 'software' ? RELEASE_LINE.exec(after)?.[1] : undefined
  if (release) return { type: 'software', word: release }
  const word = NEXT_WORD.exec(after)?.[1]
  if (!word) return undefined
  if (h.entity.type === 'organization' && ORG_ARMS.has(word)) return { type: 'organization', word }
  return productWord(word, inHeadline(end + 1)) ? { type: 'software', word } : undefined
}

/**
 * Returns the hits minus vendor names used as product prefixes, plus the longer product names.
 * `inHeadline(offset)` tells whether capitalisation is meaningless at an offset.
 */
export function productNames(
  text: string,
  hits: GazetteerHit[],
  inHeadline: (offset: number) => boolean,
): { hits: GazetteerHit[]; products: Candidate[] } {
  const sorted = [...hits].sort((a, b) => a.offset - b.offset)
  const starts = new Set(sorted.map((h) => h.offset))
  const kept: GazetteerHit[] = []
  const products: Candidate[] = []
  sorted.forEach((h, i) => {
    const type = h.entity.type
    const end = h.offset + h.length
    const next = sorted[i + 1]
    const adjacent = next !== undefined && /^[ \u00A0]$/u.test(text.slice(end, next.offset))
    if (type === 'organization' && adjacent && next.entity.type === 'software') return
    const ext =
      type === 'organization' || type === 'software' ? extension(text, h, inHeadline) : undefined
    if (!ext || starts.has(end + 1)) {
      kept.push(h)
      return
    }
    const base = type === 'software' ? h.entity.name : h.surface
    products.push({
      type: ext.type,
      name: `${base} ${ext.word}`,
      surface: `${h.surface} ${ext.word}`,
      offset: h.offset,
      rank: PRODUCT_RANK,
      source: 'product',
    })
  })
  return { hits: kept, products }
}
