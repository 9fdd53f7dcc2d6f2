// One tokenizer for both aliases and article text, so that an alias matches exactly when its
// token sequence occurs. Words are runs of letters, digits and `$` (Lapsus$); every other
// non-space character is a token of its own, which keeps "Storm-0558" or ".NET" matchable
// while word boundaries come for free.

export interface Token {
  /** As written. */
  text: string
  /** Case- and accent-folded, dashes and quotes unified: the lookup key. */
  key: string
  start: number
  end: number
  isWord: boolean
  /** First word of a sentence: capitalisation says nothing about names there. */
  sentStart: boolean
  /** Inside a Title Case or ALL CAPS line (headlines): capitalisation says nothing either. */
  titleLine: boolean
  spaceBefore: boolean
}

const TOKEN_RE = /[\p{L}\p{N}$]+|\S/gu
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g
const QUOTES = /[\u2018\u2019\u201B\u0060\u00B4]/g
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '|', '•'])
// Quotes, brackets and Markdown marks ("## Heading", "* item") keep the next word sentence-initial.
const OPENERS = new Set(['"', "'", '(', '[', '“', '«', '‘', '’', '”', '-', '#', '*', '>', '_', '•'])
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or'])
const TITLE_SMALL = new Set([...SMALL_WORDS, 'the', 'to', 'vs', 'via', 'with', 'from', 'is'])

/** Word characters as TOKEN_RE defines them; ASCII is answered without a regex. */
const WORD_CHAR = /[\p{L}\p{N}$]/u
const STARTS_LETTER = /^\p{L}/u
const STARTS_UPPER = /^\p{Lu}/u
const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a
const isAsciiUpper = (c: number) => c >= 0x41 && c <= 0x5a
const isAsciiWordChar = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x24

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false
  return true
}

export function foldKey(s: string): string {
  // ASCII is already in NFKD and has no accents or typographic dashes; of the quotes only "`".
  if (isAscii(s)) return (s.includes('`') ? s.replace(QUOTES, "'") : s).toLowerCase()
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(DASHES, '-')
    .replace(QUOTES, "'")
    .toLowerCase()
}

function isWordToken(raw: string): boolean {
  const c = raw.charCodeAt(0)
  return c < 0x80 ? isAsciiWordChar(c) : WORD_CHAR.test(raw)
}

/** Whether the whitespace between two tokens holds a line break. */
function newlineIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true
  return false
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  // lineBreak[i]: a newline between token i - 1 and token i (never for the first token).
  const lineBreak: boolean[] = []
  let prevEnd = 0
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index
    const raw = m[0]
    tokens.push({
      text: raw,
      key: foldKey(raw),
      start,
      end: start + raw.length,
      isWord: isWordToken(raw),
      sentStart: false,
      titleLine: false,
      spaceBefore: start > prevEnd,
    })
    lineBreak.push(tokens.length > 1 && newlineIn(text, prevEnd, start))
    prevEnd = start + raw.length
  }
  markSentenceStarts(tokens, lineBreak)
  markTitleLines(tokens, lineBreak)
  return tokens
}

function markSentenceStarts(tokens: Token[], lineBreak: boolean[]): void {
  let atStart = true
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (lineBreak[i]) atStart = true
    if (t.isWord) {
      t.sentStart = atStart
      atStart = false
    } else if (SENTENCE_END.has(t.text)) {
      atStart = true
    } else if (!OPENERS.has(t.text)) {
      atStart = false
    }
  }
}

/** Lines where nearly every content word is capitalised are headlines, not prose. */
function markTitleLines(tokens: Token[], lineBreak: boolean[]): void {
  let lineStart = 0
  while (lineStart < tokens.length) {
    let lineEnd = lineStart + 1
    while (lineEnd < tokens.length && !lineBreak[lineEnd]) lineEnd++
    if (isTitleCased(tokens, lineStart, lineEnd)) {
      for (let i = lineStart; i < lineEnd; i++) tokens[i]!.titleLine = true
    }
    lineStart = lineEnd
  }
}

/** Tokens [from, to) are one line. */
function isTitleCased(tokens: Token[], from: number, to: number): boolean {
  let words = 0
  let capped = 0
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    const c = t.text.charCodeAt(0)
    const letter = c < 0x80 ? isAsciiLetter(c) : STARTS_LETTER.test(t.text)
    if (!letter || TITLE_SMALL.has(t.key)) continue
    words++
    if (c < 0x80 ? isAsciiUpper(c) : STARTS_UPPER.test(t.text)) capped++
  }
  if (words < 3) return false
  return capped / words >= 0.75
}
