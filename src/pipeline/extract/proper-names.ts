// The last resort: a proper name that no KB entry and no pattern explains, kept only when the
// article repeats it and the words around it say what it is. People (a given name, a title, or
// the surname of a full name seen earlier) are never kept.
import type { EntityType } from '../../core/types.js'
import type { Candidate } from './types.js'
import { NAME, acceptName, trimName } from './names.js'
import type { Token } from './tokenize.js'
import { asDoc, type Doc } from './doc.js'
import { isCommonWord, isFirstName, isPersonTitle, isPlace, isStopWord } from './lexicon.js'
import { neighbours } from './context.js'
import { NAME_CUES } from './kb-data/name-cues.js'

const NAME_RE = new RegExp(String.raw`(?<![\p{L}\p{N}$'’-])${NAME}(?![\p{L}\p{N}$])`, 'gu')
const HEURISTIC_RANK = 1
const MIN_SCORE = 2

interface Occurrence {
  name: string
  offset: number
  /** Token index of the name's first and last word. */
  first: number
  last: number
}

/** A sentence-initial ordinary word is not part of the name ("However Acme" -> "Acme"). */
function dropSentenceStart(raw: string, tok: Token | undefined): string {
  if (!tok?.sentStart) return raw
  const [head, ...rest] = raw.split(' ')
  return head && (isCommonWord(head) || isStopWord(head)) ? rest.join(' ') : raw
}

function occurrences(doc: Doc): Occurrence[] {
  const { text, tokens, at } = doc
  const out: Occurrence[] = []
  for (const m of text.matchAll(NAME_RE)) {
    const tok = at.get(m.index)
    if (tok === undefined || tokens[tok]!.titleLine) continue
    const name = trimName(dropSentenceStart(m[0], tokens[tok]))
    if (!name || isPlace(name)) continue
    const offset = text.indexOf(name, m.index)
    const first = at.get(offset)
    if (first === undefined) continue
    const last = at.get(offset + name.length - (name.split(/\s/).at(-1)?.length ?? 0)) ?? first
    out.push({ name, offset, first, last })
  }
  return out
}

/** Full names with a given name, names after a title, and surnames of either. */
function people(occ: Occurrence[], tokens: Token[]): Set<string> {
  const names = new Set<string>()
  for (const o of occ) {
    const words = o.name.split(' ')
    const before = tokens[o.first - 1]
    const titled = before !== undefined && isPersonTitle(before.text)
    if ((words.length >= 2 && isFirstName(words[0]!)) || (titled && words.length <= 3)) {
      names.add(o.name)
      names.add(words.at(-1)!)
    }
  }
  return names
}

function typeScores(group: Occurrence[], tokens: Token[]): Map<EntityType, number> {
  const scores = new Map<EntityType, number>()
  for (const o of group) {
    const around = [...neighbours(tokens, o.first - 1, -1), ...neighbours(tokens, o.last + 1, 1)]
    for (const t of around) {
      for (const [type, cues] of NAME_CUES)
        if (cues.has(t.key)) scores.set(type, (scores.get(type) ?? 0) + 1)
    }
  }
  return scores
}

function bestType(scores: Map<EntityType, number>): EntityType | undefined {
  const ranked = [...scores].sort((a, b) => b[1] - a[1])
  const [top, second] = ranked
  if (!top || top[1] < MIN_SCORE || (second && second[1] === top[1])) return undefined
  return top[0]
}

/** Names the article shows to be people's: after a title, or led by a given name. */
export function personNames(doc: Doc): ReadonlySet<string> {
  return people(occurrences(doc), doc.tokens)
}

export function findProperNames(input: string | Doc): Candidate[] {
  const doc = asDoc(input)
  const tokens = doc.tokens
  const occ = occurrences(doc)
  const persons = people(occ, tokens)
  const groups = new Map<string, Occurrence[]>()
  for (const o of occ) {
    if (persons.has(o.name) || !acceptName(o.name, false)) continue
    groups.set(o.name, [...(groups.get(o.name) ?? []), o])
  }
  const out: Candidate[] = []
  for (const [name, group] of groups) {
    if (group.length < 2) continue
    const type = bestType(typeScores(group, tokens))
    if (!type) continue
    for (const o of group)
      out.push({
        type,
        name,
        surface: name,
        offset: o.offset,
        rank: HEURISTIC_RANK,
        source: 'proper',
      })
  }
  return out
}
