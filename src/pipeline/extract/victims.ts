// Organisations named by what happened to them: the subject of a breach verb ("Austal
// confirmed a data breach", "Retina-X was hacked"), the object of an attack ("hackers breached
// Acme", "a ransomware attack on Acme"), or the owner of customers, staff and systems
// ("Acme's customers"). The gazetteer re-types names it knows (merge.ts), so "attack on
// Windows" stays software.
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
import { NAME, Q } from './names.js'
import { alt, ci } from './rules.js'
import { applyCued, cueFirst, nameFirst } from './cued.js'
import { personNames } from './proper-names.js'

/** Not the tail of a longer name, with or without a lower-case word inside ("Save the Children"). */
const START = String.raw`(?<![\p{L}\p{N}$'’.-])(?<!\p{Lu}[\p{L}\p{N}]*\s)(?<!\p{Lu}\p{L}*\s(?:the|of|and|for)\s)`
const X = String.raw`${START}${Q}(${NAME})${Q}`
const BE = String.raw`(?:was|were|is|are|(?:has|have|had)\s+(?:\w+ly\s+)?been)`
const HIT = alt(`hacked breached compromised hit struck attacked infected targeted affected
  impacted victimized victimised`)
const TELLS = alt(`disclosed discloses confirmed confirms suffered suffers reported reports admitted
  admits announced announces discovered discovers detected detects notified notifies
  is_notifying began_notifying experienced experiences revealed reveals acknowledged
  acknowledges`)
const EVENT_WORDS = `breach breaches incident intrusion cyberattack cyber-attack attack hack leak
  compromise`
const EVENT = alt(EVENT_WORDS)
const ATTACKERS = alt(`hackers attackers cybercriminals criminals intruders crooks scammers
  extortionists ransomware_gang ransomware_operators`)
const ACTS = alt(`breached hacked hit attacked targeted compromised infiltrated infected struck
  extorted impersonated spoofed`)
const PEOPLE = `customers employees staff spokesperson spokesman spokeswoman members patients
  clients subscribers officials executives students workers`
const OWNED = alt(`${PEOPLE} website websites network networks systems servers headquarters
  subsidiary stores ceo officer`)
const HAS = String.raw`(?:has\s+|have\s+|had\s+)?`

const RULES = [
  // "officials at Scotty's Brewhouse", "customers of Acme"
  cueFirst('organization', String.raw`\b${ci(PEOPLE)}\s+${alt('at of from')}\s+(?:the\s+)?`, X, {
    id: 'v6',
    side: 'after',
  }),
  // "California-based Spiral Toys", "Indiana-based Hancock Health"
  cueFirst('organization', String.raw`\b\p{Lu}[\p{L}.]*(?:[ -]\p{Lu}[\p{L}.]*)?-based\s+`, X, {
    id: 'v7',
    strong: true,
    side: 'after',
  }),
  // "Retina-X was hacked", "Media Prima Berhad's computer systems were hit"
  nameFirst('organization', X, String.raw`\s+${BE}\s+(?:\w+\s+)?${HIT}\b`, {
    id: 'v1',
    side: 'before',
  }),
  // "Austal confirmed a data breach", "Blue Springs Family Care discovered ... an intrusion"
  nameFirst('organization', X, String.raw`\s+${HAS}${TELLS}\s+(?:[\w'’-]+\s+){0,6}?${EVENT}\b`, {
    id: 'v2',
    side: 'before',
  }),
  // "hackers breached Acme", "attackers targeted the Acme network"
  cueFirst(
    'organization',
    String.raw`\b${ATTACKERS}\s+(?:have\s+|had\s+)?${ACTS}\s+(?:the\s+)?`,
    X,
    {
      id: 'v3',
      side: 'after',
    },
  ),
  // "a data breach at KWIC Internet", "the ransomware attack on Austal"
  cueFirst(
    'organization',
    String.raw`\b${ci(EVENT_WORDS)}\s+${alt('at on against')}\s+(?:the\s+)?`,
    X,
    { id: 'v4', side: 'after' },
  ),
  // "Acme's customers", "Acme's IT systems"
  nameFirst('organization', X, String.raw`['’]s\s+(?:[\w-]+\s+)?${OWNED}\b`, {
    id: 'v5',
    strong: true,
    side: 'before',
  }),
]

/** People are hacked and targeted too: names the article gives to people are dropped. */
export function findVictims(doc: Doc): Candidate[] {
  const found = applyCued(doc, RULES)
  if (!found.length) return found
  const people = personNames(doc)
  return found.filter((c) => !people.has(c.name))
}
