// Software named by a product noun ("the X library", "open-source tool X"), packages named by
// their registry ("npm package eslint-config-prettier", "the X package on PyPI") and products
// named with a version ("litellm 1.82.7").
import type { Candidate } from './types.js'
import { asDoc, type Doc } from './doc.js'
import { findClassLists } from './class-lists.js'
import { NAME, Q } from './names.js'
import { alt, rule } from './rules.js'
import { applyCued, cued, cueFirst, nameFirst } from './cued.js'
import { findFlawedSoftware } from './software-flaws.js'
import {
  HARDWARE_NOUN,
  LEAD,
  PKG,
  PKG_NOUN,
  PRODUCT_NOUN,
  REGISTRY,
  VERSION,
  X,
} from './software-words.js'

const RULES = [
  // "the open-source LiteLLM library", "the Super Mario Run app"
  cued(
    new RegExp(String.raw`\b${PRODUCT_NOUN}\b`, 'u'),
    rule('software', String.raw`\b${LEAD}\s+${X}\s+${PRODUCT_NOUN}\b`, {
      id: 's1',
      strong: true,
      side: 'before',
    }),
  ),
  // "Samsung Smartcam devices", "the SNH-1011 model": weak, the name must be distinctive
  nameFirst('software', X, String.raw`\s+${HARDWARE_NOUN}\b`, { id: 's6', side: 'before' }),
  // "open-source tool Trivy", "the popular plugin Elementor"
  cueFirst(
    'software',
    String.raw`\b${LEAD}\s+(?:[a-z]+\s+)?${PRODUCT_NOUN}\s+(?:${alt('called named dubbed')}\s+)?`,
    X,
    { id: 's2', strong: true, side: 'after' },
  ),
  // "npm package eslint-config-prettier", "PyPI packages named ..."
  cueFirst(
    'software',
    String.raw`\b${REGISTRY}\s+${PKG_NOUN}\s+(?:called\s+|named\s+)?`,
    `${Q}(${PKG}|${NAME})${Q}`,
    { id: 's3', strong: true, side: 'exact', pkg: true },
  ),
  // "the litellm package on PyPI"
  nameFirst(
    'software',
    String.raw`\b${Q}(${PKG}|${NAME})${Q}`,
    String.raw`\s+${PKG_NOUN}\s+(?:on|from|in|hosted\s+on)\s+(?:the\s+)?${REGISTRY}\b`,
    { id: 's4', strong: true, side: 'exact', pkg: true },
  ),
  // "litellm 1.82.7", "Acme Agent version 2.3.1"
  nameFirst('software', String.raw`\b(${PKG}|${NAME})`, String.raw`\s+${VERSION}\b`, {
    id: 's5',
    side: 'before',
    pkg: true,
  }),
]

/** Pattern finds, plus the items of lists a class noun introduces (organisations too). */
export function findSoftware(input: string | Doc): Candidate[] {
  const doc = asDoc(input)
  return [...applyCued(doc, RULES), ...findFlawedSoftware(doc), ...findClassLists(doc)]
}
