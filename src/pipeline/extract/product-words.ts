// The words after a known vendor or product that belong to a longer product name: "Oracle
// Fusion Middleware", "Cisco Prime License Manager", "HP LaserJet 1200", "Huawei Mate S".
import type { EntityType } from '../../core/types.js'
import { hasNameShape } from './names.js'
import {
  isCommonWord,
  isFirstName,
  isGenericWord,
  isPersonTitle,
  isPlace,
  isStopWord,
} from './lexicon.js'

const NEXT_WORD = /^[ \u00A0]([\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*)(?![\p{L}\p{N}$-]|\.\p{L})/u
const ACRONYM = /^\p{Lu}{2,6}$/u
const TITLE_WORD = /^\p{Lu}\p{Ll}+$/u
/** Model numbers inside a name: "LaserJet 1200", "Pixel 3 XL". Versions (9.3) are not names. */
const MODEL_NUMBER = /^\d{1,4}$/u
/** Update ids follow a product without naming one: "KB5030219". */
const UPDATE_ID = /^KB\d+$/u
/** A capitalised third-person verb or participle after a sentence-initial vendor: "Warns". */
const VERB_FORM = /(?:s|ed|ing)$/u
const MAX_WORDS = 4
/** Legal-entity words end a company name, never start a product. */
const CORPORATE = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'nv'])
/** Generic words that still end product names as advisories write them: "Cisco ASA Software". */
const PRODUCT_TAIL = new Set(['software', 'platform', 'desktop', 'firmware'])
/** An investment or charity arm is an organisation of its own: "Intel Capital". */
const ORG_ARMS = new Set(['Capital', 'Ventures', 'Foundation'])
/**
 * A unit, venue or arm of a known company ("Microsoft Threat Intelligence Team", "MGM Hotels")
 * is written under the company's name: no longer name is made from it.
 */
const ORG_HEADS = new Set(
  `labs research group team center centre institute systems technologies networks electronics
  corporation communications hotels resorts casinos stores airlines bank foundation`.split(/\s+/),
)
/** Parts and users of a product, capitalised in lists ("Windows Components", "Windows PCs"). */
const NOT_NAMES = new Set(
  'component components users customers devices computers machines products employees app apps'.split(
    ' ',
  ),
)
/** "Compromised", "Hacking": participles are prose even when capitalised. */
const PARTICIPLE = /(?:[^e]ed|ing)$/u

/** Job titles that are product words too: "Cisco Prime", "Theme Editor", "License Manager". */
const PRODUCT_TITLES = new Set(
  'prime general lead executive agent manager developer editor'.split(' '),
)

export interface TailOptions {
  /** The known name is a product: "Software" or "Desktop" may follow it ("GitHub Desktop"). */
  product: boolean
  /** In a headline capitalisation is meaningless: only coined words count. */
  headline: boolean
  /** The known name opens a sentence, so a capitalised verb may follow it. */
  subject: boolean
  /** True when another known name starts `i` characters after the known one. */
  stopAt: (i: number) => boolean
}

function accepts(word: string, k: number, o: TailOptions): boolean {
  const lower = word.toLowerCase()
  if (UPDATE_ID.test(word) || CORPORATE.has(lower) || NOT_NAMES.has(lower)) return false
  // Release ids ("22H2") follow a product; model numbers only continue a name ("LaserJet 1200").
  if (/^\d/u.test(word)) return k > 0 && MODEL_NUMBER.test(word)
  // "PCs", "APIs": plural acronyms are common nouns.
  if (/^\p{Lu}+s$/u.test(word)) return false
  if (hasNameShape(word)) return true
  if (o.headline) return false
  if (/^\p{Lu}$/u.test(word)) return k > 0 && word !== 'A' && word !== 'I'
  const tail = (k > 0 || o.product) && PRODUCT_TAIL.has(lower)
  const generic = isGenericWord(word) && !tail
  if (ACRONYM.test(word)) return !generic && !isStopWord(word)
  if (!TITLE_WORD.test(word) || generic || PARTICIPLE.test(word)) return false
  const title = isPersonTitle(word) && !PRODUCT_TITLES.has(lower)
  if (isStopWord(word) || title || isPlace(word) || isFirstName(word)) return false
  return !(o.subject && k === 0 && isCommonWord(word) && VERB_FORM.test(word))
}

/** The product words at the start of `after` (the text right after a known name), if any. */
export function productTail(
  after: string,
  o: TailOptions,
): { type: EntityType; words: string } | undefined {
  const words: string[] = []
  let pos = 0
  const arm = /^[ \u00A0](\p{Lu}\p{Ll}+)\b/u.exec(after)?.[1]
  if (arm && ORG_ARMS.has(arm) && !o.stopAt(1)) return { type: 'organization', words: arm }
  while (words.length < MAX_WORDS) {
    const m = NEXT_WORD.exec(after.slice(pos))
    const word = m?.[1]
    if (!m || !word || o.stopAt(pos + 1) || !accepts(word, words.length, o)) break
    words.push(word)
    pos += m[0].length
  }
  // "MGM Las Vegas": a place written after a company is where it is, not a product.
  const place = words.findIndex((w, i) => i + 1 < words.length && isPlace(`${w} ${words[i + 1]}`))
  if (place >= 0) words.splice(place)
  if (!words.length) return undefined
  if (words.some((w) => ORG_HEADS.has(w.toLowerCase()))) return undefined
  return { type: 'software', words: words.join(' ') }
}
