// A linear scan of XML markup into tokens: tags, CDATA sections and skipped sections (comments,
// processing instructions, DOCTYPE). Sections are found with indexOf rather than one big regex,
// so a document full of unterminated `<![CDATA[` costs one pass, not one pass per occurrence.

export interface XmlTag {
  close: boolean
  name: string
  /** The raw attribute text, e.g. ` type="xhtml"`. */
  attrs: string
  selfClosing: boolean
}

export interface XmlToken {
  start: number
  end: number
  /** The content of a CDATA section. */
  cdata?: string
  tag?: XmlTag
}

const SECTIONS: readonly (readonly [string, string])[] = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
]

const TAG_SOURCE = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/
  .source

/** End of a DOCTYPE starting at `at` (past its `>`), skipping an internal subset; -1 if none. */
function doctypeEnd(text: string, at: number): number {
  const gt = text.indexOf('>', at)
  const bracket = text.indexOf('[', at)
  if (bracket < 0 || (gt >= 0 && gt < bracket)) return gt < 0 ? -1 : gt + 1
  const close = text.indexOf(']', bracket)
  const end = close < 0 ? -1 : text.indexOf('>', close)
  return end < 0 ? -1 : end + 1
}

/** One token at `at` (a `<`): a section, a tag, or null for a stray `<` in text. */
function tokenAt(text: string, at: number, tagRe: RegExp): XmlToken | null | 'unterminated' {
  const section = SECTIONS.find(([open]) => text.startsWith(open, at))
  if (section !== undefined) {
    const [open, closer] = section
    const close = text.indexOf(closer, at + open.length)
    if (close < 0) return 'unterminated'
    const end = close + closer.length
    return open === '<![CDATA['
      ? { start: at, end, cdata: text.slice(at + open.length, close) }
      : { start: at, end }
  }
  if (/^<!doctype/i.test(text.slice(at, at + 9))) {
    const end = doctypeEnd(text, at)
    return end < 0 ? 'unterminated' : { start: at, end }
  }
  tagRe.lastIndex = at
  const m = tagRe.exec(text)
  if (m === null) return null
  const [whole, slash, name, attrs, selfClosing] = m
  return {
    start: at,
    end: at + whole.length,
    tag: {
      close: slash === '/',
      name: name as string,
      attrs: attrs ?? '',
      selfClosing: selfClosing === '/',
    },
  }
}

/** The markup tokens of `text` in order, or null when a section never ends (not well-formed). */
export function scanXml(text: string): XmlToken[] | null {
  const tagRe = new RegExp(TAG_SOURCE, 'y')
  const tokens: XmlToken[] = []
  for (let at = text.indexOf('<'); at >= 0;) {
    const token = tokenAt(text, at, tagRe)
    if (token === 'unterminated') return null
    if (token !== null) tokens.push(token)
    at = text.indexOf('<', token === null ? at + 1 : token.end)
  }
  return tokens
}
