// Tokens of the Python expressions in feedparser's `Expect:` test headers: string literals with
// Python escapes (\xNN, \uNNNN, octal, u/b/r prefixes), numbers, names and punctuation.

export type Token =
  { k: 'str'; v: string } | { k: 'num'; v: number } | { k: 'id' | 'punct'; v: string }

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
}

/** Decodes one Python escape at `body[i]` (just after the backslash): [text, chars consumed]. */
function unescapeAt(body: string, i: number): [string, number] {
  const c = body[i] ?? ''
  const hex = { x: 2, u: 4, U: 8 }[c]
  if (hex !== undefined) {
    const digits = body.slice(i + 1, i + 1 + hex)
    if (/^[0-9a-fA-F]+$/.test(digits) && digits.length === hex) {
      return [String.fromCodePoint(Number.parseInt(digits, 16)), 1 + hex]
    }
  }
  const octal = /^[0-7]{1,3}/.exec(body.slice(i))?.[0]
  if (octal !== undefined) {
    return [String.fromCharCode(Number.parseInt(octal, 8)), octal.length]
  }
  const simple = SIMPLE_ESCAPES[c]
  return simple === undefined ? [`\\${c}`, 1] : [simple, 1]
}

/** The value of a Python string literal body; raw strings keep backslashes. */
export function unescapePython(body: string, raw = false): string {
  if (raw) return body
  let out = ''
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      out += body[i]
      continue
    }
    const [text, used] = unescapeAt(body, i + 1)
    out += text
    i += used
  }
  return out
}

const TOKEN_RE =
  /\s*(?:([uUbBrR]{0,2})('''(?:\\[\s\S]|(?!''')[^\\])*'''|"""(?:\\[\s\S]|(?!""")[^\\])*"""|'(?:\\[\s\S]|[^'\\])*'|"(?:\\[\s\S]|[^"\\])*")|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_]\w*)|(==|!=|<=|>=|[-+*/%<>()[\]{},:.]))/y

export function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  TOKEN_RE.lastIndex = 0
  while (TOKEN_RE.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN_RE.lastIndex))) break
    const at = TOKEN_RE.lastIndex
    const m = TOKEN_RE.exec(source)
    if (m === null)
      throw new SyntaxError(`unexpected character at ${at}: ${source.slice(at, at + 10)}`)
    const [, prefix, quoted, num, id, punct] = m
    if (quoted !== undefined) {
      const raw = /r/i.test(prefix ?? '')
      const quote = /^('''|""")/.test(quoted) ? 3 : 1
      tokens.push({ k: 'str', v: unescapePython(quoted.slice(quote, -quote), raw) })
    } else if (num !== undefined) tokens.push({ k: 'num', v: Number(num) })
    else if (id !== undefined) tokens.push({ k: 'id', v: id })
    else tokens.push({ k: 'punct', v: punct as string })
  }
  return tokens
}
