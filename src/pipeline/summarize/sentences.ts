// Sentence splitter tuned for security news: abbreviations (U.S., Inc., e.g.), initials, versions
// (v1.2.3), CVE ids and decimals must not end a sentence, while bullets and line breaks must.

/** Work cap: summaries and timelines only need the opening of very long articles. */
const MAX_CHARS = 60_000
const MAX_SENTENCES = 600

/** Never end a sentence: titles and reference words are always followed by more of it. */
const NEVER_FINAL = new Set(
  'mr mrs ms dr prof st gen gov sen rep lt col capt sgt rev hon fig figs no nos vol pp approx ca cf vs e.g i.e viz'.split(
    ' ',
  ),
)

/** Usually inside a sentence, but can close one ("acquired by Acme Inc. The deal ..."). */
const SOFT_FINAL = new Set(
  'inc ltd corp co llc plc jr sr etc al bros dept est govt intl jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
)

/** Words that, after a soft abbreviation, show a new sentence has started. */
const STARTERS = new Set(
  (
    'the this that these those it its he she they we i you a an in on at but however and according ' +
    'after as while when since meanwhile also there researchers officials both if for last earlier ' +
    'later today yesterday on'
  ).split(' '),
)

const BULLET = /^\s*(?:[-*•▪◦‣–—]|\d{1,2}[.)]|[a-z][.)])\s+/u
const TERMINAL = /[.!?…]["'”’)\]]*$/u
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu

export function splitSentences(text: string): string[] {
  const out: string[] = []
  for (const block of toBlocks(text.slice(0, MAX_CHARS))) {
    for (const sentence of splitBlock(block)) {
      out.push(sentence)
      if (out.length >= MAX_SENTENCES) return out
    }
  }
  return out
}

/**
 * Lines become blocks; a line is glued to the next only when it stops mid-sentence and the next
 * line carries on in lower case (hard-wrapped text). Bullets always stand alone.
 */
function toBlocks(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .split('\n')
  const blocks: string[] = []
  let current = ''
  for (const raw of lines) {
    const isBullet = BULLET.test(raw)
    const line = raw.replace(BULLET, '').replace(/\s+/g, ' ').trim()
    if (!line) {
      if (current) blocks.push(current)
      current = ''
      continue
    }
    const continues = current && !isBullet && !TERMINAL.test(current) && /^[\p{Ll}]/u.test(line)
    if (continues) current = `${current} ${line}`
    else {
      if (current) blocks.push(current)
      current = line
    }
  }
  if (current) blocks.push(current)
  return blocks
}

function splitBlock(block: string): string[] {
  const parts: string[] = []
  let start = 0
  for (const m of block.matchAll(BOUNDARY)) {
    const end = m.index + m[1]!.length + m[2]!.length
    if (m[1] === '.' && !endsSentence(block, m.index, m.index + m[0].length)) continue
    pushTrimmed(parts, block.slice(start, end))
    start = m.index + m[0].length
  }
  pushTrimmed(parts, block.slice(start))
  return parts
}

function pushTrimmed(parts: string[], s: string): void {
  const t = s.trim()
  if (t) parts.push(t)
}

/** Decides whether the single period at `dot` closes a sentence, from the words around it. */
function endsSentence(block: string, dot: number, nextStart: number): boolean {
  const before = /(\S+)$/.exec(block.slice(Math.max(0, dot - 40), dot))?.[1] ?? ''
  const word = before.replace(/^["'“‘(\[]+/u, '').toLowerCase()
  const next = /^["'“‘(\[]?([\p{L}\p{N}]+)/u.exec(block.slice(nextStart))?.[1] ?? ''
  const nextIsStarter = STARTERS.has(next.toLowerCase())
  if (NEVER_FINAL.has(word)) return false
  // Initials ("John F. Kennedy") and dotted acronyms ("U.S.", "a.m.") end a sentence only when a
  // typical sentence opener follows.
  if (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return nextIsStarter
  if (SOFT_FINAL.has(word)) return nextIsStarter
  return true
}
