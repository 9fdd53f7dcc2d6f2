// Sentence and token splitting for reading version statements out of article text. Version
// tokens need at least one dot (`1.82.7`, `v2.3`): a bare number is a count or a date part.

export interface Tok {
  kind: 'version' | 'word' | 'op' | 'punct' | 'number'
  /** Lower-cased text (versions without a leading `v`). */
  text: string
  start: number
  end: number
}

export interface Sentence {
  text: string
  offset: number
}

const TOKEN =
  /v?\d+(?:\.\d+)+(?:[-.]?(?:alpha|beta|rc|dev|post|pre|a|b)\.?\d*)?|<=|>=|==|≤|≥|<|>|=|[A-Za-z][A-Za-z0-9'’_-]*|\d+|[.!?;:,()&/–—-]/g

/** Words after a number that make it a quantity, not a version ("3.4 million downloads"). */
const UNITS = new Set([
  'million',
  'billion',
  'thousand',
  'percent',
  'per',
  'times',
  'x',
  'mb',
  'gb',
  'tb',
  'kb',
  'ms',
  'seconds',
  'minutes',
  'hours',
  'days',
])

const SENTENCE = /(?:[^.!?\n]|[.!?](?!\s|$))+[.!?]*/g

/** Sentences with their offsets: a `.` ends one only before white space (not inside 1.82.7). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  for (const m of text.matchAll(SENTENCE)) {
    if (m[0].trim()) out.push({ text: m[0], offset: m.index })
  }
  return out
}

function kindOf(raw: string): Tok['kind'] {
  if (/^v?\d+\./.test(raw)) return 'version'
  if (/^\d+$/.test(raw)) return 'number'
  if (/^[A-Za-z]/.test(raw)) return 'word'
  return /^[<>=≤≥]/.test(raw) ? 'op' : 'punct'
}

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = []
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0]
    const kind = kindOf(raw)
    const lower = raw.toLowerCase().replace(/['’]s$/, '')
    toks.push({
      kind,
      text: kind === 'version' ? lower.replace(/^v/, '') : lower,
      start: m.index,
      end: m.index + raw.length,
    })
  }
  // A "version" followed by a unit is a quantity.
  for (let i = 0; i < toks.length - 1; i++) {
    if (toks[i]!.kind === 'version' && UNITS.has(toks[i + 1]!.text)) toks[i]!.kind = 'number'
  }
  return toks
}
