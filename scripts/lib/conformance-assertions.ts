// Turns a parsed `Expect:` expression into assertions. An assertion is *checkable* when it compares
// a field sitrep's parser produces (see Category) with a literal; everything else (bozo flags,
// authors, tags, enclosures, *_detail types, language, encoding...) is counted under a label.
import type { Expr, PyValue } from './conformance-expect.js'

export const CATEGORIES = [
  'feed title',
  'feed link',
  'item title',
  'item link',
  'item guid',
  'item date',
  'item content',
] as const
export type Category = (typeof CATEGORIES)[number]

export interface Check {
  category: Category
  /** Entry index, or null for a feed-level field. */
  entry: number | null
  expected: PyValue
}

export type Assertion =
  | { kind: 'checkable'; source: string; alternatives: Check[] }
  | { kind: 'unchecked'; source: string; label: string }

type PathKey = string | number
interface Path {
  root: string
  keys: PathKey[]
}

const DATE_KEYS = 'published issued created date updated modified'.split(' ')

/** `feed['a'][0].b` and `entries[0].get('x')` as a root name and keys; null for anything else. */
function pathOf(expr: Expr): Path | null {
  if (expr.t === 'name') return { root: expr.name, keys: [] }
  if (expr.t === 'attr') {
    const base = pathOf(expr.obj)
    return base && { root: base.root, keys: [...base.keys, expr.name] }
  }
  if (expr.t === 'index' && expr.key.t === 'lit') {
    const base = pathOf(expr.obj)
    const key = expr.key.value
    if (base === null || (typeof key !== 'string' && typeof key !== 'number')) return null
    return { root: base.root, keys: [...base.keys, key] }
  }
  if (expr.t === 'call' && expr.fn.t === 'attr' && expr.fn.name === 'get') {
    const base = pathOf(expr.fn.obj)
    const arg = expr.args[0]
    if (base === null || arg?.t !== 'lit' || typeof arg.value !== 'string') return null
    return { root: base.root, keys: [...base.keys, arg.value] }
  }
  return null
}

function feedCategory(keys: PathKey[]): Category | null {
  const k = keys.join('.')
  if (k === 'title' || k === 'title_detail.value') return 'feed title'
  if (k === 'link') return 'feed link'
  return null
}

function entryCategory(keys: PathKey[]): Category | null {
  const k = keys.join('.')
  if (k === 'title' || k === 'title_detail.value') return 'item title'
  if (k === 'link') return 'item link'
  if (k === 'id' || k === 'guid') return 'item guid'
  if (DATE_KEYS.some((d) => k === d || k === `${d}_parsed`)) return 'item date'
  if (['content.0.value', 'summary', 'description', 'summary_detail.value'].includes(k)) {
    return 'item content'
  }
  return null
}

/** The label an unchecked path is counted under: root plus its first named key. */
function labelOf(path: Path): string {
  const name = path.keys.find((k) => typeof k === 'string')
  const root = path.root === 'entries' ? 'entries[]' : path.root
  return name === undefined ? root : `${root}.${name}`
}

/** A checkable field reference for `path`, or a label when sitrep does not model it. */
function classify(path: Path): { category: Category; entry: number | null } | string {
  if (path.root === 'feed') {
    const category = feedCategory(path.keys)
    return category ? { category, entry: null } : labelOf(path)
  }
  const [index, ...rest] = path.keys
  if (path.root === 'entries' && typeof index === 'number') {
    const category = entryCategory(rest)
    return category ? { category, entry: index } : labelOf(path)
  }
  return labelOf(path)
}

/** Assertions from one `==` chain with one literal: `a == b == 'x'` asserts a and b. */
function fromComparison(expr: Extract<Expr, { t: 'cmp' }>, source: string): Assertion[] {
  const literals = expr.operands.filter((o) => o.t === 'lit')
  const literal = literals[0]
  const paths = expr.operands.filter((o) => o.t !== 'lit').map(pathOf)
  const plain = expr.ops.every((op) => op === '==') && literals.length === 1 && literal
  if (!plain || paths.some((p) => p === null)) {
    const first = paths.find((p): p is Path => p !== null)
    return [{ kind: 'unchecked', source, label: first ? labelOf(first) : 'other expression' }]
  }
  return (paths as Path[]).map((path) => {
    const field = classify(path)
    if (typeof field === 'string') return { kind: 'unchecked', source, label: field }
    return { kind: 'checkable', source, alternatives: [{ ...field, expected: literal.value }] }
  })
}

/** `A or B`: one assertion that holds when any checkable comparison in any branch holds. */
function fromDisjunction(items: Expr[], source: string): Assertion[] {
  const alternatives = items
    .flatMap((item) => extractAssertions(item, source))
    .flatMap((a) => (a.kind === 'checkable' ? a.alternatives : []))
  if (alternatives.length === 0) return [{ kind: 'unchecked', source, label: 'other expression' }]
  return [{ kind: 'checkable', source, alternatives }]
}

/** All assertions in an expression; `and` chains are split into their parts. */
export function extractAssertions(expr: Expr, source: string): Assertion[] {
  if (expr.t === 'bool' && expr.op === 'and') {
    return expr.items.flatMap((item) => extractAssertions(item, source))
  }
  if (expr.t === 'bool') return fromDisjunction(expr.items, source)
  if (expr.t === 'cmp') return fromComparison(expr, source)
  const inner = expr.t === 'not' ? expr.expr : expr
  const path = pathOf(inner)
  if (path !== null && path.keys.length === 0 && path.root === 'bozo') {
    return [{ kind: 'unchecked', source, label: 'bozo' }]
  }
  return [{ kind: 'unchecked', source, label: path ? labelOf(path) : 'other expression' }]
}
