// Multi-pattern alias matcher: a token trie walked once per text position, so the cost is
// linear in the text whatever the number of aliases. Longest match wins; aliases that are
// ordinary words need proper case and a cue word (see context.ts).
import type { Gazetteer, GazetteerHit, KbEntry } from './types.js'
import { tokenize, type Token } from './tokenize.js'
import type { Doc } from './doc.js'
import { isCommonPhrase } from './lexicon.js'
import { hasCue, caseMatches, needsCue, type AliasMode } from './context.js'

interface AliasRef {
  entry: KbEntry
  rank: number
  words: string[]
  mode: AliasMode
  canonical: boolean
}

interface TrieNode {
  next: Map<string, TrieNode>
  refs: AliasRef[]
}

const newNode = (): TrieNode => ({ next: new Map(), refs: [] })

/** Matching over tokens the caller already has: one tokenisation per article (see matchDoc). */
interface TokenMatcher {
  matchTokens(text: string, tokens: Token[]): GazetteerHit[]
}

export function buildGazetteer(entries: KbEntry[]): Gazetteer & TokenMatcher {
  const root = newNode()
  const merged = mergeById(entries)
  merged.forEach((entry, rank) => {
    for (const alias of new Set([entry.name, ...entry.aliases])) addAlias(root, entry, rank, alias)
  })
  sortRefs(root)
  let size = merged.length
  return {
    get size() {
      return size
    },
    match: (text) => matchText(root, text, tokenize(text)),
    matchTokens: (text, tokens) => matchText(root, text, tokens),
    lookup: (alias) => findNode(root, tokenize(alias))?.refs.find(namesByItself)?.entry,
    add(entry) {
      const rank = size++
      for (const alias of new Set([entry.name, ...entry.aliases])) {
        const node = addAlias(root, entry, rank, alias)
        if (node) sortOwnRefs(node)
      }
    },
  }
}

/** Two entries with one id are one entity: their aliases are pooled, the first one's name kept. */
function mergeById(entries: KbEntry[]): KbEntry[] {
  const byId = new Map<string, KbEntry>()
  for (const e of entries) {
    const prev = byId.get(e.id)
    if (!prev) {
      byId.set(e.id, { ...e, aliases: [...e.aliases] })
      continue
    }
    prev.aliases = [...new Set([...prev.aliases, ...e.aliases])]
    prev.ambiguous = [...new Set([...(prev.ambiguous ?? []), ...(e.ambiguous ?? [])])]
    prev.caseSensitive = [...new Set([...(prev.caseSensitive ?? []), ...(e.caseSensitive ?? [])])]
  }
  return [...byId.values()]
}

/**
 * An ordinary word on a gang or malware list names nothing by itself: "Proton" found as a
 * company by a pattern stays a company though a ransomware list calls a gang "proton", and
 * "Sandworm" in a novel is no actor. Curated products and companies ("Bash", "Teams") do.
 */
const namesByItself = (r: AliasRef) =>
  !needsCue(r.mode) || (r.entry.type !== 'threat_actor' && r.entry.type !== 'malware')

function aliasMode(entry: KbEntry, alias: string): AliasMode {
  // A file that writes a name in lower case ("play", "8base") says nothing about its case.
  if (entry.ambiguous?.includes(alias)) return isLowerCase(alias) ? 'ambiguous-cap' : 'ambiguous'
  if (entry.caseSensitive?.includes(alias)) return 'exact'
  // Entries read back from storage carry no marks: short or lower-case names ("FBI", "cmd")
  // are case-exact, so that only their usual spelling counts.
  if (!isCommonPhrase(alias)) {
    if (alias.length <= 3 || alias === alias.toLowerCase()) return 'exact'
    // "Lookout", "Proofpoint": a brand when capitalised, maybe a word when not.
    return /^\p{Lu}\p{Ll}+$/u.test(alias) ? 'cap' : 'fold'
  }
  // An unmarked ordinary word ("Hive", "Options") is never a name on its own; a phrase of
  // ordinary words ("Salt Typhoon") is one when proper-cased.
  return /[\s-]/.test(alias.trim()) ? 'exact' : 'ambiguous'
}

const isLowerCase = (s: string) => /\p{L}/u.test(s) && s === s.toLowerCase()

function addAlias(
  root: TrieNode,
  entry: KbEntry,
  rank: number,
  alias: string,
): TrieNode | undefined {
  const tokens = tokenize(alias.trim())
  if (tokens.length === 0) return undefined
  let node = root
  for (const t of tokens) {
    let child = node.next.get(t.key)
    if (!child) node.next.set(t.key, (child = newNode()))
    node = child
  }
  const canonical = alias.toLowerCase() === entry.name.toLowerCase()
  const words = tokens.map((t) => t.text)
  node.refs.push({ entry, rank, words, mode: aliasMode(entry, alias), canonical })
  return node
}

/** Several entities on one alias: the one named exactly so first, then input order. */
function sortRefs(node: TrieNode): void {
  sortOwnRefs(node)
  for (const child of node.next.values()) sortRefs(child)
}

function sortOwnRefs(node: TrieNode): void {
  node.refs.sort((a, b) => Number(b.canonical) - Number(a.canonical) || a.rank - b.rank)
}

function findNode(root: TrieNode, tokens: Token[]): TrieNode | undefined {
  let node: TrieNode | undefined = root
  for (const t of tokens) node = node?.next.get(t.key)
  return node
}

interface Pending {
  hit: GazetteerHit
  end: number
}

/** The doc's own tokens when the gazetteer can take them, else its text. */
export function matchDoc(gazetteer: Gazetteer, doc: Doc): GazetteerHit[] {
  return 'matchTokens' in gazetteer
    ? (gazetteer as Gazetteer & TokenMatcher).matchTokens(doc.text, doc.tokens)
    : gazetteer.match(doc.text)
}

function matchText(root: TrieNode, text: string, tokens: Token[]): GazetteerHit[] {
  const hits: GazetteerHit[] = []
  const pending: Pending[] = []
  let i = 0
  while (i < tokens.length) {
    const end = matchAt(root, text, tokens, i, hits, pending)
    i = end > i ? end : i + 1
  }
  return confirmPending(hits, pending).sort((a, b) => a.offset - b.offset)
}

/** Tries the longest alias at token i first; returns the token index after an accepted hit. */
function matchAt(
  root: TrieNode,
  text: string,
  tokens: Token[],
  i: number,
  hits: GazetteerHit[],
  pending: Pending[],
): number {
  // Most tokens start no alias: answer those with one lookup and no allocation.
  let node: TrieNode | undefined = root.next.get(tokens[i]!.key)
  if (!node) return i
  const found: { end: number; refs: AliasRef[] }[] = []
  for (let j = i + 1; node; j++) {
    if (node.refs.length) found.push({ end: j, refs: node.refs })
    node = j < tokens.length ? node.next.get(tokens[j]!.key) : undefined
  }
  for (let f = found.length - 1; f >= 0; f--) {
    const { end, refs } = found[f]!
    for (const ref of refs) {
      if (!caseMatches(ref.mode, ref.words, tokens, i)) continue
      const first = tokens[i]!
      const last = tokens[end - 1]!
      const hit = {
        entity: ref.entry,
        surface: text.slice(first.start, last.end),
        offset: first.start,
        length: last.end - first.start,
      }
      if (!needsCue(ref.mode) || hasCue(ref.entry.type, tokens, i, end)) {
        hits.push(hit)
        return end
      }
      pending.push({ hit, end: last.end })
    }
  }
  return i
}

const firstWord = (name: string) => name.split(' ')[0]!.toLowerCase()

/** "Meltdown and Spectre": an ordinary-word alias listed right next to a name of its type. */
function listedWith(p: Pending, hits: GazetteerHit[]): boolean {
  return hits.some((h) => {
    if (h.entity.type !== p.hit.entity.type) return false
    const gap = h.offset < p.hit.offset ? [h.offset + h.length, p.hit.offset] : [p.end, h.offset]
    return gap[1]! - gap[0]! <= 6 && gap[1]! >= gap[0]!
  })
}

/**
 * An ordinary-word alias without a cue still counts when its entity is named plainly elsewhere,
 * or when its vendor is ("Teams" in an article that names Microsoft).
 */
function confirmPending(hits: GazetteerHit[], pending: Pending[]): GazetteerHit[] {
  const seen = new Set(hits.map((h) => h.entity.id))
  const vendors = new Set(hits.map((h) => firstWord(h.entity.name)))
  const out = [...hits]
  for (const p of pending) {
    const e = p.hit.entity
    const byVendor = e.type === 'software' && e.name.includes(' ') && vendors.has(firstWord(e.name))
    if (!seen.has(e.id) && !byVendor && !listedWith(p, out)) continue
    const overlaps = out.some((h) => h.offset < p.end && p.hit.offset < h.offset + h.length)
    if (!overlaps) out.push(p.hit)
  }
  return out
}
