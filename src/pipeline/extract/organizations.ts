// Organisations named by a descriptor ("security firm X", "startup X", "X Inc.") or by an
// institutional head word that is part of the name ("Crosshouse Hospital", "City of Atlanta").
import type { Candidate } from './types.js'
import { asDoc, type Doc } from './doc.js'
import { NAME, NAME_WORD, Q } from './names.js'
import { alt, applyRules, ci, rule } from './rules.js'
import { findVictims } from './victims.js'
import { isCommonWord, isGenericWord, isLocality, isPlace } from './lexicon.js'

const X = String.raw`${Q}(${NAME})${Q}`
const ORG_NOUN =
  ci(`firm company startup start-up vendor giant provider maker chain retailer insurer
  lender automaker carmaker chipmaker manufacturer airline operator conglomerate subsidiary
  nonprofit non-profit charity outfit processor developer publisher contractor supplier distributor
  marketplace broker brokerage specialist telco carrier hotelier franchisee franchisor`)
const ORG_KIND = ci(
  'exchange bank hospital university agency regulator watchdog organization organisation',
)
/** "Fortunately, a ...": a sentence adverb before an appositive comma is not a name. */
const notAdverb = (name: string) => !/ly$/u.test(name)
const BUSINESS_VERBS = ci(
  'raises raised secures lands acquires acquired launches unveils announces expands partners',
)
const FUNDING_VERBS = ci('raised raises secured secures lands landed closed closes')
const CORP_SUFFIX = String.raw`${alt('Inc Corp Corporation Ltd Limited LLC GmbH AG PLC plc Co S\\.A N\\.V Holdings')}\b\.?`
/** Words between "X, a" and the noun of an appositive; a preposition means another phrase. */
const APPOSITIVE_FILL = String.raw`(?:(?!${alt('at of for with from in who which that')}\s)[\w$.-]+\s+){0,5}?`

const W = NAME_WORD
/** Up to six words, then an optional "of (the) X (and Y)" part. */
const INSTITUTION = String.raw`${W}(?:[ \u00A0]${W}){0,5}(?:[ \u00A0](?:of|for)[ \u00A0](?:the[ \u00A0])?${W}(?:[ \u00A0]${W}){0,2}(?:[ \u00A0](?:and|&)[ \u00A0]${W}(?:[ \u00A0]${W})?)?)?`

const HEADS = new Set(
  `hospital hospitals medical center centre health healthcare clinic clinics university college
  school schools district academy bank banks airlines airways airport police sheriff county city
  council department ministry agency authority commission foundation institute technologies
  networks labs entertainment resorts hotels insurance financial capital energy motors
  pharmaceuticals pharma communications telecom museum library association society federation
  committee court parliament senate assembly administration bureau office union board trust
  commissioners
  partners ventures industries systems software solutions brands group`.split(/\s+/),
)
const LEADS = new Set(
  `university city department ministry bank board bureau county town village state government
  college institute council federation`.split(/\s+/),
)

/** "Crosshouse Hospital", "City of Atlanta": a head word plus at least one specific word. */
function institutional(name: string): boolean {
  const words = name.split(' ')
  if (words.length < 2) return false
  const last = words.at(-1)!.toLowerCase()
  const ofForm = words.some(
    (w, i) => LEADS.has(w.toLowerCase()) && /^(?:of|for)$/.test(words[i + 1] ?? ''),
  )
  if (!HEADS.has(last) && !ofForm) return false
  const specific = words.filter((w) => !HEADS.has(w.toLowerCase()) && !/^(?:of|for|and|&|the)$/.test(w))
  // A city or state makes a name specific ("Kansas Heart Hospital"); "Western" does not.
  const specificWord = (w: string) =>
    !isCommonWord(w) && !isGenericWord(w) && (!isPlace(w) || isLocality(w))
  return ofForm || specific.some(specificWord)
}

const RULES = [
  // "security firm Akamai", "payment processing firm Square", "bookstore chain Dymocks"
  rule('organization', String.raw`\b${ORG_NOUN},?\s+${X}`, {
    id: 'o1',
    strong: true,
    side: 'after',
  }),
  // "Mercor, an AI data training startup", "Dymocks, the bookstore chain"
  rule(
    'organization',
    String.raw`\b${X},\s+(?:an?|the|another)\s+${APPOSITIVE_FILL}${ORG_NOUN}\b`,
    { id: 'o8', strong: true, side: 'before', keepPlaces: true, keep: notAdverb },
  ),
  // "Libelium is a wireless sensor network hardware manufacturer"
  rule('organization', String.raw`\b${X}\s+(?:is|was)\s+(?:an?|the)\s+${APPOSITIVE_FILL}${ORG_NOUN}\b`, {
    id: 'o10',
    strong: true,
    side: 'before',
    keepPlaces: true,
    keep: notAdverb,
  }),
  // "cryptocurrency exchange CoinEX", "the Iranian bank Sepah": weak, the noun is broader
  rule('organization', String.raw`\b${ORG_KIND}\s+${X}`, {
    id: 'o2',
    strong: false,
    side: 'after',
  }),
  // "Columbia Sportswear Co.", "Youku Inc"
  rule('organization', String.raw`\b(${NAME}),?\s${CORP_SUFFIX}`, {
    id: 'o3',
    strong: true,
    keepPlaces: true,
  }),
  // "Crosshouse Hospital", "Colorado Department of Transportation", "Department for Work and
  // Pensions", "Lansing Board of Water & Light"
  rule('organization', String.raw`(?<![\p{L}\p{N}$'’.-])(${INSTITUTION})`, {
    id: 'o4',
    strong: true,
    // In a headline only the words the body also writes (or the head word alone) are kept.
    side: 'before',
    keep: institutional,
    keepPlaces: true,
  }),
  // "Stake.com", "SanrioTown.com": a capitalised domain is a company; lower-case ones are IOCs
  rule(
    'organization',
    String.raw`(?<![@/.\w])(\p{Lu}[\p{L}\p{N}-]*\.(?:com|net|org|io|co|ai))(?![\w/.-])`,
    { id: 'o5', strong: true },
  ),
  // "Deduce has raised $9 million": a funding round names a company whatever its name
  rule(
    'organization',
    String.raw`${X}\s+(?:has\s+)?${FUNDING_VERBS}\s+(?:a\s+|an\s+)?(?:[$€£]|US\$)\d`,
    { id: 'o9', strong: true, side: 'before' },
  ),
  // "Cleafy raises €10 million", "Cisco acquires Splunk"
  rule('organization', String.raw`${X}\s+${BUSINESS_VERBS}\b`, {
    id: 'o6',
    side: 'before',
  }),
  rule(
    'organization',
    String.raw`\b${alt('acquired_by acquisition_of acquires to_acquire')}\s+${X}`,
    { id: 'o7', side: 'after' },
  ),
]

export function findOrganizations(input: string | Doc): Candidate[] {
  const doc = asDoc(input)
  return [...applyRules(doc, RULES), ...findVictims(doc)].map((c) => withSuffix(doc.text, c))
}

/** Keeps a corporate suffix in the name: "Equifax Inc" is how the victim is written. */
function withSuffix(text: string, c: Candidate): Candidate {
  const m = new RegExp(String.raw`^,?\s(${CORP_SUFFIX})`, 'u').exec(
    text.slice(c.offset + c.name.length),
  )
  if (!m) return c
  const name = `${c.name} ${m[1]!.replace(/\.$/, '')}`
  return { ...c, name, surface: name }
}
