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

export function foldKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(DASHES, '-')
    .replace(QUOTES, "'")
    .toLowerCase()
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let prevEnd = 0
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index
    const raw = m[0]
    tokens.push({
      text: raw,
      key: foldKey(raw),
      start,
      end: start + raw.length,
      isWord: /[\p{L}\p{N}$]/u.test(raw),
      sentStart: false,
      titleLine: false,
      spaceBefore: start > prevEnd,
    })
    prevEnd = start + raw.length
  }
  markSentenceStarts(text, tokens)
  markTitleLines(text, tokens)
  return tokens
}

function markSentenceStarts(text: string, tokens: Token[]): void {
  let atStart = true
  let prev: Token | undefined
  for (const t of tokens) {
    if (prev && text.slice(prev.end, t.start).includes('\n')) atStart = true
    if (t.isWord) {
      t.sentStart = atStart
      atStart = false
    } else if (SENTENCE_END.has(t.text)) {
      atStart = true
    } else if (!OPENERS.has(t.text)) {
      atStart = false
    }
    prev = t
  }
}

/** Lines where nearly every content word is capitalised are headlines, not prose. */
function markTitleLines(text: string, tokens: Token[]): void {
  let lineStart = 0
  while (lineStart < tokens.length) {
    let lineEnd = lineStart + 1
    while (lineEnd < tokens.length && !newlineBetween(text, tokens, lineEnd)) lineEnd++
    const line = tokens.slice(lineStart, lineEnd)
    if (isTitleCased(line)) for (const t of line) t.titleLine = true
    lineStart = lineEnd
  }
}

function newlineBetween(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]
  const cur = tokens[i]
  return prev !== undefined && cur !== undefined && text.slice(prev.end, cur.start).includes('\n')
}

function isTitleCased(line: Token[]): boolean {
  const words = line.filter((t) => /^\p{L}/u.test(t.text) && !TITLE_SMALL.has(t.key))
  if (words.length < 3) return false
  const capped = words.filter((t) => /^\p{Lu}/u.test(t.text)).length
  return capped / words.length >= 0.75
}
