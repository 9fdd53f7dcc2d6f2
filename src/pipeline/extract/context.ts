// Case and context rules for aliases that are also ordinary words: "the Play ransomware gang"
// is a name, "kids play games" is not.
import type { EntityType } from '../../core/types.js'
import type { Token } from './tokenize.js'
import { CUES } from './lexicon.js'

/** fold: any case. cap: capitalised. exact: as written. ambiguous: as written, plus a cue. */
export type AliasMode = 'fold' | 'cap' | 'exact' | 'ambiguous'

const WINDOW = 2
const SENTENCE_END = new Set(['.', '!', '?', ';', '\n'])

export function caseMatches(mode: AliasMode, words: string[], tokens: Token[], i: number): boolean {
  if (mode === 'fold') return true
  if (mode === 'cap') return words.every((_, k) => /^\p{Lu}/u.test(tokens[i + k]?.text ?? ''))
  return words.every((w, k) => {
    const t = tokens[i + k]
    if (!t) return false
    // ALL CAPS headlines keep the name but lose its case.
    return (
      t.text === w || (t.titleLine && t.text === t.text.toUpperCase() && t.key === w.toLowerCase())
    )
  })
}

function cueSet(type: EntityType): ReadonlySet<string>[] {
  // A gang is often named by its strain ("Play ransomware") and a strain by its gang.
  if (type === 'threat_actor' || type === 'malware') return [CUES.threat_actor, CUES.malware]
  return [CUES[type]]
}

/** A cue word within two words before or after tokens [start, end), in the same sentence. */
export function hasCue(type: EntityType, tokens: Token[], start: number, end: number): boolean {
  const sets = cueSet(type)
  const isCue = (t: Token) => sets.some((s) => s.has(t.key))
  return neighbours(tokens, end, 1).some(isCue) || neighbours(tokens, start - 1, -1).some(isCue)
}

/** Up to WINDOW word tokens from index `from` stepping by `step`, stopping at a sentence end. */
export function neighbours(tokens: Token[], from: number, step: 1 | -1): Token[] {
  const out: Token[] = []
  for (let j = from; j >= 0 && j < tokens.length && out.length < WINDOW; j += step) {
    const t = tokens[j]!
    if (SENTENCE_END.has(t.text)) break
    if (t.isWord) out.push(t)
  }
  return out
}

const GANG_CUES = new Set(
  `gang gangs group groups operators operator affiliates affiliate actor actors crew cybergang
  members claimed claims claim leak extortion hackers`.split(/\s+/),
)

/** "the X gang", "X operators", "X claimed": a ransomware name used for the people behind it. */
export function gangContext(tokens: Token[], start: number, end: number): boolean {
  const around = [...neighbours(tokens, end, 1), ...neighbours(tokens, start - 1, -1)]
  return around.some((t) => GANG_CUES.has(t.key))
}
