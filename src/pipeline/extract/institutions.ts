// Organisations named by an institutional head word that is part of the name: "Crosshouse
// Hospital", "Cockerell Hill Police Department", "City of Atlanta", "Department for Work and
// Pensions". The regex needs the head word, so ordinary capitalised runs cost nothing.
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
import { NAME_WORD } from './names.js'
import { rule } from './rules.js'
import { applyCued, cued } from './cued.js'
import { isCommonWord, isGenericWord, isLocality, isPlace } from './lexicon.js'

/** Head words; not "city": "Kansas City" is a place, the council is "City of X". */
const HEADS = new Set(
  `hospital hospitals medical center centre health healthcare clinic clinics university college
  school schools district academy bank banks airlines airways airport police sheriff county
  council department ministry agency authority commission foundation institute technologies
  networks labs entertainment resorts hotels insurance financial capital energy motors
  pharmaceuticals pharma communications telecom museum library association society federation
  committee court parliament senate assembly administration bureau office union board trust
  commissioners partners ventures industries systems software solutions brands group studios
  productions games media news publishing pictures records toys`.split(/\s+/),
)
/** Words that lead an "of" name: "University of X", "City of X", "Department for X". */
const LEADS = new Set(
  `university city department ministry bank board bureau county town village state government
  college institute council federation`.split(/\s+/),
)
const JOINERS = /^(?:of|for|and|&|the)$/u

const capitalised = (words: Iterable<string>) =>
  [...words].map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}`).join('|')
const S = String.raw`[ \u00A0]`
const W = NAME_WORD
const END = String.raw`(?![\p{L}\p{N}$&_-])`
const HEAD = String.raw`(?:${capitalised(HEADS)})${END}`
const LEAD = String.raw`(?:${capitalised(LEADS)})${END}`
/** "of (the) X (Y Z) (and|& V (W))" */
const OF_PART = String.raw`${S}(?:of|for)${S}(?:the${S})?${W}(?:${S}${W}){0,2}(?:${S}(?:and|&)${S}${W}(?:${S}${W})?)?`
/** Up to five words before the head, then an optional "of" part; or a lead with its "of" part. */
const INSTITUTION = String.raw`(?:${W}${S}){0,5}(?:${HEAD}(?:${OF_PART})?|${LEAD}${OF_PART})`

/** "Crosshouse Hospital", "City of Atlanta": a head word plus at least one specific word. */
function institutional(name: string): boolean {
  const words = name.split(' ')
  if (words.length < 2) return false
  const last = words.at(-1)!.toLowerCase()
  const ofForm = words.some(
    (w, i) => LEADS.has(w.toLowerCase()) && /^(?:of|for)$/u.test(words[i + 1] ?? ''),
  )
  if (!HEADS.has(last) && !ofForm) return false
  const specific = words.filter((w) => !HEADS.has(w.toLowerCase()) && !JOINERS.test(w))
  // A city or state makes a name specific ("Kansas Heart Hospital"); "Western" does not.
  const specificWord = (w: string) =>
    !isCommonWord(w) && !isGenericWord(w) && (!isPlace(w) || isLocality(w))
  return ofForm || specific.some(specificWord)
}

const RULES = [
  cued(
    new RegExp(String.raw`\b(?:${HEAD}|${LEAD})`, 'u'),
    rule('organization', String.raw`(?<![\p{L}\p{N}$'’.-])(${INSTITUTION})`, {
      id: 'o4',
      strong: true,
      // In a headline only the words the body also writes (or the head word alone) are kept.
      side: 'before',
      keep: institutional,
      keepPlaces: true,
    }),
  ),
]

export function findInstitutions(doc: Doc): Candidate[] {
  return applyCued(doc, RULES)
}
