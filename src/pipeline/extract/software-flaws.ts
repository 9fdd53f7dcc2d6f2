// Software named by what is said of it: a flaw in it ("a bug in SquirrelMail"), its users and
// versions ("MyEtherWallet users", "versions of Plone"), or an appositive ("Yopify, an ecommerce
// notification plugin"). The gazetteer re-types names it knows (merge.ts).
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
import { alt } from './rules.js'
import { applyCued, cueFirst, nameFirst } from './cued.js'
import { PRODUCT_NOUN, X } from './software-words.js'

/** Words between "X, a" and the noun of an appositive; a preposition means another phrase. */
const FILL = String.raw`(?:(?!${alt('at of for with from in who which that')}\s)[\w$.-]+\s+){0,4}?`
const FLAW = alt(`vulnerability vulnerabilities flaw flaws bug bugs zero-day zero-days hole holes
  weakness weaknesses`)
/**
 * The whole name, and not a vendor: "a flaw in Libelium's network" and "flaws in Socomec UPS
 * products" name a company's products, not a product.
 */
const NOT_OWNER = String.raw`(?![\p{L}\p{N}$]|['’]s\b|[ \u00A0]+[\p{Lu}\d]|\s+${alt(`products?
  devices? hardware systems equipment chips processors routers cameras printers`)}\b)`
/** The appositive's noun ends its phrase: "LayerX, a browser security vendor" is no browser. */
const PHRASE_END = String.raw`(?=\s*[,.;:)]|\s+${alt(`that which used for from by developed made
  built with designed available on in`)}\b)`

const RULES = [
  // "Yopify, an ecommerce notification plugin", "Tuxedo Touch, a home automation controller"
  nameFirst(
    'software',
    String.raw`\b${X}`,
    String.raw`,\s+(?:an?|the)\s+${FILL}${PRODUCT_NOUN}${PHRASE_END}`,
    { id: 's7', strong: true, side: 'before' },
  ),
  // "a remote code execution bug in SquirrelMail", "flaws affecting HiSilicon Balong"
  cueFirst(
    'software',
    String.raw`\b${FLAW}\s+${alt('in affecting impacting')}\s+(?:the\s+)?`,
    `${X}${NOT_OWNER}`,
    { id: 's8', side: 'after' },
  ),
  // "versions of MyEtherWallet", "users of Blockchain.info"
  cueFirst(
    'software',
    String.raw`\b${alt('versions? users')}\s+of\s+(?:the\s+)?`,
    `${X}${NOT_OWNER}`,
    {
      id: 's9',
      side: 'after',
    },
  ),
  // "MyEtherWallet users", "Plone versions"
  nameFirst('software', X, String.raw`\s+${alt('users versions')}\b`, {
    id: 's10',
    side: 'before',
  }),
]

export function findFlawedSoftware(doc: Doc): Candidate[] {
  return applyCued(doc, RULES)
}
