// Software named by a product noun ("the X library", "open-source tool X"), packages named by
// their registry ("npm package eslint-config-prettier", "the X package on PyPI") and products
// named with a version ("litellm 1.82.7").
import type { Candidate } from './types.js'
import { asDoc, type Doc } from './doc.js'
import { findClassLists } from './class-lists.js'
import { NAME, Q } from './names.js'
import { alt, applyRules, ci, rule } from './rules.js'

const X = String.raw`${Q}(${NAME})${Q}`
const PRODUCT_NOUN = ci(`app apps application browser plugin plug-in extension library package
  framework platform tool client firmware module SDK utility theme add-on addon wallet router routers
  operating_system messenger messaging_app game CMS IDE`)
const HARDWARE_NOUN = alt(`devices? firmware drivers? models? hardware handsets? routers? cameras?
  controllers? modules? portal parser plugin extension apps? application library framework CMS
  forums? platform servers? OS operating_system databases? browser client users`)
const REGISTRY =
  alt(String.raw`npm NPM PyPI RubyGems NuGet crates\.io Packagist Maven(?:\s+Central)? Go
  Python JavaScript Node\.js Ruby Rust PHP Docker VS_Code Visual_Studio_Code Chrome Firefox WordPress`)
const PKG_NOUN = String.raw`${alt('package library module gem crate project extension plugin image')}s?`
/** A package name as registries spell it: lower case, dots, dashes, an optional @scope/. */
const PKG = String.raw`@?[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9._-]+)?[a-z0-9]`
const VERSION = String.raw`(?:version\s+|v)?\d+\.\d+\.\d+`
const LEAD = alt(`the its open[- ]source popular legitimate official fake malicious trojanized rogue
  compromised poisoned backdoored`)

/** Words between "X, a" and the noun of an appositive; a preposition means another phrase. */
const FILL = String.raw`(?:(?!${alt('at of for with from in who which that')}\s)[\w$.-]+\s+){0,4}?`
const FLAW = alt(`vulnerability vulnerabilities flaw flaws bug bugs zero-day zero-days hole holes
  weakness weaknesses`)
/**
 * The whole name, and not a vendor: "a flaw in Libelium's network" and "flaws in Socomec UPS
 * products" name a company's products, not a product.
 */
const NOT_OWNER = String.raw`(?![\p{L}\p{N}$]|['’]s\b|[ \u00A0]+[\p{Lu}\d]|\s+${alt(`products? devices?
  hardware systems equipment chips processors routers cameras printers`)}\b)`
/** The appositive's noun ends its phrase: "LayerX, a browser security vendor" is no browser. */
const PHRASE_END = String.raw`(?=\s*[,.;:)]|\s+${alt('that which used for from by developed made built with designed available on in')}\b)`

const RULES = [
  // "Yopify, an ecommerce notification plugin", "Tuxedo Touch, a home automation controller"
  rule('software', String.raw`\b${X},\s+(?:an?|the)\s+${FILL}${PRODUCT_NOUN}${PHRASE_END}`, {
    id: 's7',
    strong: true,
    side: 'before',
  }),
  // "a remote code execution bug in SquirrelMail", "flaws affecting HiSilicon Balong"
  rule('software', String.raw`\b${FLAW}\s+${alt('in affecting impacting')}\s+(?:the\s+)?${X}${NOT_OWNER}`, {
    id: 's8',
    side: 'after',
  }),
  // "versions of MyEtherWallet", "users of Blockchain.info", "MyEtherWallet users"
  rule('software', String.raw`\b${alt('versions? users')}\s+of\s+(?:the\s+)?${X}${NOT_OWNER}`, {
    id: 's9',
    side: 'after',
  }),
  rule('software', String.raw`${X}\s+${alt('users versions')}\b`, { id: 's10', side: 'before' }),
  // "the open-source LiteLLM library", "the Super Mario Run app"
  rule('software', String.raw`\b${LEAD}\s+${X}\s+${PRODUCT_NOUN}\b`, {
    id: 's1',
    strong: true,
    side: 'before',
  }),
  // "Samsung Smartcam devices", "the SNH-1011 model": weak, the name must be distinctive
  rule('software', String.raw`${X}\s+${HARDWARE_NOUN}\b`, {
    id: 's6',
    side: 'before',
  }),
  // "open-source tool Trivy", "the popular plugin Elementor"
  rule(
    'software',
    String.raw`\b${LEAD}\s+(?:[a-z]+\s+)?${PRODUCT_NOUN}\s+(?:${alt('called named dubbed')}\s+)?${X}`,
    { id: 's2', strong: true, side: 'after' },
  ),
  // "npm package eslint-config-prettier", "PyPI packages named ..."
  rule(
    'software',
    String.raw`\b${REGISTRY}\s+${PKG_NOUN}\s+(?:called\s+|named\s+)?${Q}(${PKG}|${NAME})${Q}`,
    { id: 's3', strong: true, side: 'exact', pkg: true },
  ),
  // "the litellm package on PyPI"
  rule(
    'software',
    String.raw`\b${Q}(${PKG}|${NAME})${Q}\s+${PKG_NOUN}\s+(?:on|from|in|hosted\s+on)\s+(?:the\s+)?${REGISTRY}\b`,
    { id: 's4', strong: true, side: 'exact', pkg: true },
  ),
  // "litellm 1.82.7", "Acme Agent version 2.3.1"
  rule('software', String.raw`\b(${PKG}|${NAME})\s+${VERSION}\b`, {
    id: 's5',
    side: 'before',
    pkg: true,
  }),
]

/** Pattern finds, plus the items of lists a class noun introduces (organisations too). */
export function findSoftware(input: string | Doc): Candidate[] {
  const doc = asDoc(input)
  return [...applyRules(doc, RULES), ...findClassLists(doc)]
}
