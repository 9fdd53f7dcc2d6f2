// Names listed after a class noun: "telecommunications providers ... include Altel, Celcom and
// DiGi", "messaging apps such as Signal, Wiebo and Confide", "The D-Link models affected are the
// DWR-116, DWR-140L ...". The noun says what every item is.
import type { EntityType } from '../../core/types.js'
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
import { alt } from './rules.js'
import { ITEM, listAt, listItemName, type ListItem } from './lists.js'
import { headlineTest } from './headline.js'

const ORG_CLASS = `companies firms vendors manufacturers makers providers banks retailers brands
  organizations organisations agencies universities hospitals operators carriers airlines hotels
  chains insurers businesses institutions lenders telcos broadcasters networks charities`
const SOFTWARE_CLASS = `apps applications browsers programs products services platforms tools
  extensions plugins add-ons devices routers models phones smartphones handsets cameras libraries
  packages games clients wallets`
const CLASS_TYPES = new Map<string, EntityType>([
  ...ORG_CLASS.split(/\s+/).map((w) => [w, 'organization'] as const),
  ...SOFTWARE_CLASS.split(/\s+/).map((w) => [w, 'software'] as const),
])
const INTRO = alt(`such_as including like include includes included namely are were`)
/** The class noun, a few lower-case words ("caught by the breach"), then the introducer. */
const CLASS_RE = new RegExp(
  String.raw`\b(${alt(ORG_CLASS)}|${alt(SOFTWARE_CLASS)})(?:,?\s+[a-z][\w-]*){0,4}?,?\s+${INTRO}\s+(?:the\s+)?(?=[\p{Lu}\d]|\p{Ll}+\p{Lu})`,
  'gu',
)
const ONE_ITEM = new RegExp(String.raw`^${ITEM}(?![\p{L}\p{N}$&-])`, 'u')
const RANK = 3

function itemsAt(text: string, offset: number): ListItem[] {
  const list = listAt(text, offset)
  if (list) return list
  const one = ONE_ITEM.exec(text.slice(offset, offset + 120))
  return one ? [{ text: one[0], offset }] : []
}

export function findClassLists(doc: Doc): Candidate[] {
  const out: Candidate[] = []
  const inTitle = headlineTest(doc.text, doc.inTitle)
  for (const m of doc.text.matchAll(CLASS_RE)) {
    const type = CLASS_TYPES.get(m[1]!.toLowerCase())
    const start = m.index + m[0].length
    if (!type || inTitle(start)) continue
    for (const it of itemsAt(doc.text, start)) {
      const name = listItemName(doc, it, true)
      if (!name) continue
      const offset = doc.text.indexOf(name, it.offset)
      out.push({ type, name, surface: name, offset, rank: RANK, source: 'class-list' })
    }
  }
  return out
}
