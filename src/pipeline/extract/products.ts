// Vendor and product names written together. GUIDE.md labels a company only when it is named
// apart from its product, so "Apple macOS" is macOS alone; and a known name followed by
// product-looking words is a product of its own ("Azure HDInsight", "Oracle Fusion Middleware").
import type { EntityType } from '../../core/types.js'
import type { Candidate, GazetteerHit } from './types.js'
import { productTail } from './product-words.js'
import { headlineTest } from './headline.js'

/** A short version or year after a product names a release line: "Python 3", "Office 2016". */
const RELEASE_LINE =
  /^[ \u00A0](\d{1,2}[a-zA-Z]?|(?:19|20)\d{2}(?: R2)?|XP|Vista)(?![\p{L}\p{N}-])(?!\.\d)/u
const PRODUCT_RANK = 11

/** The words that make a known name longer, and what the longer name is. */
function extension(
  text: string,
  h: GazetteerHit,
  inHeadline: (offset: number) => boolean,
  starts: ReadonlySet<number>,
): { type: EntityType; words: string } | undefined {
  const end = h.offset + h.length
  const after = text.slice(end, end + 80)
  const release = h.entity.type === 'software' ? RELEASE_LINE.exec(after)?.[1] : undefined
  if (release) return { type: 'software', words: release }
  // "Windows 11 Snipping Tool": a tool that ships with a release is named apart from it.
  if (/\d$/u.test(h.surface)) return undefined
  const tail = productTail(after, {
    product: h.entity.type === 'software',
    headline: inHeadline(end + 1),
    // "Microsoft Warns users": after a sentence-initial vendor, a capitalised verb is a verb.
    subject: /(?:^|[.!?]\s+|\n\s*)$/u.test(text.slice(Math.max(0, h.offset - 3), h.offset)),
    // Stop before a word where another known name starts ("Google Mandiant").
    stopAt: (i) => starts.has(end + i),
  })
  return tail
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
  const inTitle = headlineTest(text, inHeadline)
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
      type === 'organization' || type === 'software'
        ? extension(text, h, inTitle, starts)
        : undefined
    if (!ext) {
      kept.push(h)
      return
    }
    // "Microsoft Azure HDInsight" is Azure's product; "AWS Amplify" keeps the short form written.
    const canonicalInside = h.surface.includes(h.entity.name)
    const base = type === 'software' && canonicalInside ? h.entity.name : h.surface
    products.push({
      type: ext.type,
      name: `${base} ${ext.words}`,
      surface: `${h.surface} ${ext.words}`,
      offset: h.offset,
      rank: PRODUCT_RANK,
      source: 'product',
    })
  })
  return { hits: kept, products }
}
