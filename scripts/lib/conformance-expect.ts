// A mini-parser for the Python expressions in feedparser's test headers
// (`Expect: not bozo and entries[0]['title'] == u'Example entry'`). It covers the subset those
// headers use: and/or/not, chained comparisons (==, !=, is, in), subscripts, attributes, calls,
// literals (strings with Python escapes and `+` concatenation, numbers, None/True/False, tuples,
// lists, dicts). It only builds a tree; conformance-assertions.ts decides what is checkable.
import { tokenize, type Token } from './conformance-expect-tokens.js'

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue }

export type Expr =
  | { t: 'lit'; value: PyValue }
  | { t: 'name'; name: string }
  | { t: 'index'; obj: Expr; key: Expr }
  | { t: 'attr'; obj: Expr; name: string }
  | { t: 'call'; fn: Expr; args: Expr[] }
  | { t: 'cmp'; ops: string[]; operands: Expr[] }
  | { t: 'bool'; op: 'and' | 'or'; items: Expr[] }
  | { t: 'not'; expr: Expr }
  | { t: 'op'; op: string; left: Expr; right: Expr }
  | { t: 'seq'; items: Expr[] }
  | { t: 'dict'; entries: [Expr, Expr][] }

const CONSTANTS: Readonly<Record<string, PyValue>> = { None: null, True: true, False: false }
const CMP_OPS: ReadonlySet<string> = new Set(['==', '!=', '<', '>', '<=', '>='])

const isLit = (e: Expr): e is { t: 'lit'; value: PyValue } => e.t === 'lit'

class ExpectParser {
  private pos = 0
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.orExpr()
    if (this.pos < this.tokens.length) throw new SyntaxError(`unexpected '${this.peek()?.v}'`)
    return expr
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset]
  }

  private isWord(v: string, offset = 0): boolean {
    const tok = this.peek(offset)
    return tok !== undefined && (tok.k === 'id' || tok.k === 'punct') && tok.v === v
  }

  private take(v: string): boolean {
    if (!this.isWord(v)) return false
    this.pos++
    return true
  }

  private expect(v: string): void {
    if (!this.take(v)) throw new SyntaxError(`expected '${v}', got '${this.peek()?.v ?? 'end'}'`)
  }

  private boolChain(op: 'and' | 'or', next: () => Expr): Expr {
    const items = [next()]
    while (this.take(op)) items.push(next())
    return items.length === 1 ? (items[0] as Expr) : { t: 'bool', op, items }
  }

  private orExpr(): Expr {
    return this.boolChain('or', () => this.andExpr())
  }

  private andExpr(): Expr {
    return this.boolChain('and', () => this.notExpr())
  }

  private notExpr(): Expr {
    return this.take('not') ? { t: 'not', expr: this.notExpr() } : this.comparison()
  }

  private cmpOp(): string | null {
    const tok = this.peek()
    if (tok?.k === 'punct' && CMP_OPS.has(tok.v)) return (this.pos++, tok.v)
    if (this.take('in')) return 'in'
    if (this.isWord('not') && this.isWord('in', 1)) return ((this.pos += 2), 'not in')
    if (this.take('is')) return this.take('not') ? 'is not' : 'is'
    return null
  }

  private comparison(): Expr {
    const operands = [this.sum()]
    const ops: string[] = []
    for (let op = this.cmpOp(); op !== null; op = this.cmpOp()) {
      ops.push(op)
      operands.push(this.sum())
    }
    return ops.length === 0 ? (operands[0] as Expr) : { t: 'cmp', ops, operands }
  }

  private sum(): Expr {
    let left = this.unary()
    while (this.isWord('+') || this.isWord('-')) {
      const op = this.tokens[this.pos++]?.v as string
      const right = this.unary()
      const folded =
        op === '+' && isLit(left) && isLit(right) && typeof left.value === 'string'
          ? { t: 'lit' as const, value: left.value + String(right.value) }
          : null
      left = folded ?? { t: 'op', op, left, right }
    }
    return left
  }

  private unary(): Expr {
    if (!this.take('-')) return this.postfix()
    const inner = this.unary()
    return isLit(inner) && typeof inner.value === 'number'
      ? { t: 'lit', value: -inner.value }
      : { t: 'op', op: 'neg', left: { t: 'lit', value: 0 }, right: inner }
  }

  private postfix(): Expr {
    let expr = this.atom()
    for (;;) {
      if (this.take('[')) {
        expr = { t: 'index', obj: expr, key: this.orExpr() }
        this.expect(']')
      } else if (this.take('.')) {
        const name = this.tokens[this.pos++]
        if (name?.k !== 'id') throw new SyntaxError('expected a name after "."')
        expr = { t: 'attr', obj: expr, name: name.v }
      } else if (this.take('(')) {
        expr = { t: 'call', fn: expr, args: this.items(')') }
      } else return expr
    }
  }

  /** Comma-separated expressions up to `close` (consumed); a trailing comma is allowed. */
  private items(close: string): Expr[] {
    const items: Expr[] = []
    while (!this.take(close)) {
      items.push(this.orExpr())
      if (!this.take(',')) {
        this.expect(close)
        break
      }
    }
    return items
  }

  private atom(): Expr {
    const tok = this.tokens[this.pos++]
    if (tok === undefined) throw new SyntaxError('unexpected end of expression')
    if (tok.k === 'str') {
      let value = tok.v
      // Adjacent literals concatenate, as in Python: 'a' 'b' == 'ab'.
      while (this.peek()?.k === 'str') value += this.tokens[this.pos++]?.v as string
      return { t: 'lit', value }
    }
    if (tok.k === 'num') return { t: 'lit', value: tok.v }
    if (tok.k === 'id')
      return tok.v in CONSTANTS
        ? { t: 'lit', value: CONSTANTS[tok.v] ?? null }
        : { t: 'name', name: tok.v }
    if (tok.v === '(') return this.group()
    if (tok.v === '[') return this.sequence(this.items(']'))
    if (tok.v === '{') return this.dict()
    throw new SyntaxError(`unexpected '${tok.v}'`)
  }

  private group(): Expr {
    const items = this.items(')')
    // `(x)` is grouping; `()`, `(x,)` and `(x, y)` are tuples.
    const isTuple = items.length !== 1 || this.tokens[this.pos - 2]?.v === ','
    return isTuple ? this.sequence(items) : (items[0] as Expr)
  }

  private sequence(items: Expr[]): Expr {
    return items.every(isLit) ? { t: 'lit', value: items.map((e) => e.value) } : { t: 'seq', items }
  }

  private dict(): Expr {
    const entries: [Expr, Expr][] = []
    while (!this.take('}')) {
      const key = this.orExpr()
      this.expect(':')
      entries.push([key, this.orExpr()])
      if (!this.take(',')) {
        this.expect('}')
        break
      }
    }
    const literal = entries.every(([k, v]) => isLit(k) && typeof k.value === 'string' && isLit(v))
    if (!literal) return { t: 'dict', entries }
    const value: { [key: string]: PyValue } = {}
    for (const [k, v] of entries)
      value[(k as { value: string }).value] = (v as { value: PyValue }).value
    return { t: 'lit', value }
  }
}

/** Parses one `Expect:` expression. Throws SyntaxError for text outside the supported subset. */
export function parseExpect(source: string): Expr {
  return new ExpectParser(tokenize(source)).parse()
}

export { tokenize, unescapePython } from './conformance-expect-tokens.js'
