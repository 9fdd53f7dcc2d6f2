// Organisations named by a descriptor ("security firm X", "startup X", "X Inc.") or by an
// institutional head word that is part of the name ("Crosshouse Hospital", "City of Atlanta").
import type { Candidate } from './types.js'
import { asDoc, type Doc } from './doc.js'
import { NAME, Q } from './names.js'
import { alt, ci, rule } from './rules.js'
import { applyCued, cued, cueFirst, nameFirst } from './cued.js'
import { findInstitutions } from './institutions.js'
import { findVictims } from './victims.js'

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

const RULES = [
  // "security firm Akamai", "payment processing firm Square", "bookstore chain Dymocks"
  cueFirst('organization', String.raw`\b${ORG_NOUN},?\s+`, X, {
    id: 'o1',
    strong: true,
    side: 'after',
  }),
  // "Mercor, an AI data training startup", "Dymocks, the bookstore chain"
  nameFirst(
    'organization',
    String.raw`\b${X}`,
    String.raw`,\s+(?:an?|the|another)\s+${APPOSITIVE_FILL}${ORG_NOUN}\b`,
    { id: 'o8', strong: true, side: 'before', keepPlaces: true, keep: notAdverb },
  ),
  // "Libelium is a wireless sensor network hardware manufacturer"
  nameFirst(
    'organization',
    String.raw`\b${X}`,
    String.raw`\s+(?:is|was)\s+(?:an?|the)\s+${APPOSITIVE_FILL}${ORG_NOUN}\b`,
    { id: 'o10', strong: true, side: 'before', keepPlaces: true, keep: notAdverb },
  ),
  // "cryptocurrency exchange CoinEX", "the Iranian bank Sepah": weak, the noun is broader
  cueFirst('organization', String.raw`\b${ORG_KIND}\s+`, X, { id: 'o2', side: 'after' }),
  // "Columbia Sportswear Co.", "Youku Inc"
  nameFirst('organization', String.raw`\b(${NAME})`, String.raw`,?\s${CORP_SUFFIX}`, {
    id: 'o3',
    strong: true,
    keepPlaces: true,
  }),
  // "Stake.com", "SanrioTown.com": a capitalised domain is a company; lower-case ones are IOCs
  cued(
    /\.(?:com|net|org|io|co|ai)\b/u,
    rule(
      'organization',
      String.raw`(?<![@/.\w])(\p{Lu}[\p{L}\p{N}-]*\.(?:com|net|org|io|co|ai))(?![\w/.-])`,
      { id: 'o5', strong: true },
    ),
  ),
  // "Deduce has raised $9 million": a funding round names a company whatever its name
  nameFirst(
    'organization',
    X,
    String.raw`\s+(?:has\s+)?${FUNDING_VERBS}\s+(?:a\s+|an\s+)?(?:[$€£]|US\$)\d`,
    { id: 'o9', strong: true, side: 'before' },
  ),
  // "Cleafy raises €10 million", "Cisco acquires Splunk"
  nameFirst('organization', X, String.raw`\s+${BUSINESS_VERBS}\b`, { id: 'o6', side: 'before' }),
  cueFirst(
    'organization',
    String.raw`\b${alt('acquired_by acquisition_of acquires to_acquire')}\s+`,
    X,
    { id: 'o7', side: 'after' },
  ),
]

export function findOrganizations(input: string | Doc): Candidate[] {
  const doc = asDoc(input)
  const found = [...applyCued(doc, RULES), ...findInstitutions(doc), ...findVictims(doc)]
  return found.map((c) => withSuffix(doc.text, c))
}

const SUFFIX_AFTER = new RegExp(String.raw`^,?\s(${CORP_SUFFIX})`, 'u')

/** Keeps a corporate suffix in the name: "Equifax Inc" is how the victim is written. */
function withSuffix(text: string, c: Candidate): Candidate {
  const m = SUFFIX_AFTER.exec(text.slice(c.offset + c.name.length, c.offset + c.name.length + 20))
  if (!m) return c
  const name = `${c.name} ${m[1]!.replace(/\.$/, '')}`
  return { ...c, name, surface: name }
}
