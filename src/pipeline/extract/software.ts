// Software named by a product noun ("the X library", "open-source tool X"), packages named by
// their registry ("npm package eslint-config-prettier", "the X package on PyPI") and products
// named with a version ("litellm 1.82.7").
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
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

const RULES = [
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

export function findSoftware(input: string | Doc): Candidate[] {
  return applyRules(input, RULES)
}
