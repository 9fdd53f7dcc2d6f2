// Finds where articles name a package, and whether each mention is about the package rather than
// the ordinary word. How much evidence a mention needs depends on how much the name looks like
// a word (lockfiles are full of packages named `which`, `once`, `debug`, `express`):
//   registry  npm, pip, ...           versions right after it ("npm 10.5.0")
//   stop      which, once, has, api   the same, or an install command ("npm install which")
//   word      express, requests, litellm (all letters, no inner capital)
//             also: a package noun right after ("the requests library"), or a registry with a
//             package noun right before ("the npm package express")
//   distinct  event-stream, @scope/x, LiteLLM (anything else)
//             also: a package word or registry within three tokens ("litellm ... on PyPI")
// `loose` is the window rule whatever the name: enough for a name the incident's entities
// already say is software.
import { isGenericWord, isStopWord } from '../extract/lexicon.js'
import { mergeSpecs, versionsAround, type AffectedSpec } from './affected.js'
import { sentences, tokenize, type Tok } from './tokens.js'
import type { Ecosystem } from './types.js'

type Tier = 'registry' | 'stop' | 'word' | 'distinct'

const WINDOW = 3
const NOUNS = new Set(
  'package packages library libraries module modules dependency sdk crate gem'.split(' '),
)
const PACKAGE_WORDS = new Set([
  ...NOUNS,
  ...'dependencies release releases version versions registry maintainer maintainers'.split(' '),
])
const REGISTRY_WORDS: Record<string, string[]> = {
  pypi: ['pypi', 'pip', 'wheel', 'wheels'],
  npm: ['npm', 'yarn', 'pnpm', 'npmjs'],
  cargo: ['crates', 'cargo'],
  gem: ['rubygems'],
  maven: ['maven'],
  nuget: ['nuget'],
  composer: ['composer', 'packagist'],
}
const INSTALL = new Set(['install', 'add', 'i'])

export interface Evidence {
  /** A mention with the evidence its name needs (see above). */
  context: boolean
  /** A mention with a package word or registry within three tokens, or versions next to it. */
  loose: boolean
  /** The name appears in an article title. */
  inTitle: boolean
  spec: AffectedSpec
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One pattern for all names; separators (`-`, `_`, `.`, space) match each other (PEP 503). */
export function namePattern(names: string[]): RegExp {
  const alts = [...new Set(names.map((n) => n.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((n) =>
      n
        .split(/[\s._-]+/)
        .map(escape)
        .join('[\\s._-]+'),
    )
  return new RegExp(`(?<![\\w@/.-])(?:${alts.join('|')})(?![\\w-]|[./][\\w]|@[A-Za-z])`, 'gi')
}

function tierOf(surface: string, registry: boolean): Tier {
  if (registry) return 'registry'
  if (isStopWord(surface) || isGenericWord(surface)) return 'stop'
  return /^[A-Za-z][a-z]*$/.test(surface) ? 'word' : 'distinct'
}

/** Token index range [first after, last before] a mention spanning [start, end). */
function around(toks: Tok[], start: number, end: number): [number, number] {
  let first = toks.findIndex((t) => t.start >= end)
  if (first < 0) first = toks.length
  let last = first - 1
  while (last >= 0 && toks[last]!.end > start) last--
  return [first, last]
}

interface Near {
  toks: Tok[]
  first: number
  last: number
  registries: Set<string>
}

const at = (n: Near, i: number) => n.toks[i]?.text ?? ''

function nearWord(n: Near): boolean {
  const from = Math.max(0, n.last - WINDOW + 1)
  const near = [...n.toks.slice(from, n.last + 1), ...n.toks.slice(n.first, n.first + WINDOW)]
  return near.some((t) => PACKAGE_WORDS.has(t.text) || n.registries.has(t.text))
}

/** "npm install express", "pip install litellm". */
const installed = (n: Near) => INSTALL.has(at(n, n.last)) && n.registries.has(at(n, n.last - 1))

/** "the requests library", "the npm package express". */
const named = (n: Near) =>
  NOUNS.has(at(n, n.first)) || (NOUNS.has(at(n, n.last)) && n.registries.has(at(n, n.last - 1)))

function enough(tier: Tier, n: Near, adjacentVersions: boolean): boolean {
  if (adjacentVersions) return true
  if (tier === 'registry') return false
  if (installed(n)) return true
  if (tier === 'stop') return false
  return named(n) || (tier === 'distinct' && nearWord(n))
}

/**
 * Every mention of `names` in the documents. `registry`: the package shares its name with a
 * registry or tool ("npm", "pip"), which articles name as the place a package was published.
 */
export function findEvidence(
  docs: { title: string; text: string }[],
  names: string[],
  ecosystem: Ecosystem,
  registry = false,
): Evidence {
  const pattern = namePattern(names)
  const registries = new Set(REGISTRY_WORDS[ecosystem] ?? [])
  const specs: AffectedSpec[] = []
  const out = { context: false, loose: false, inTitle: false }
  for (const doc of docs) {
    const parts = [{ text: doc.title, title: true }, ...sentences(doc.text)]
    for (const part of parts) {
      const hits = [...part.text.matchAll(pattern)]
      if (hits.length === 0) continue
      if ('title' in part) out.inTitle = true
      const toks = tokenize(part.text)
      for (const hit of hits) {
        const [first, last] = around(toks, hit.index, hit.index + hit[0].length)
        const near: Near = { toks, first, last, registries }
        const stated = versionsAround(toks, first, last)
        if (stated) specs.push(stated.spec)
        const tier = tierOf(hit[0], registry)
        if (enough(tier, near, stated?.adjacent ?? false)) out.context = true
        if (stated || (tier !== 'registry' && nearWord(near))) out.loose = true
      }
    }
  }
  return { ...out, spec: mergeSpecs(specs) }
}
