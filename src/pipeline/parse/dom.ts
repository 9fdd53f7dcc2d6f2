// Small iterative DOM helpers over htmlparser2 nodes. Article extraction walks the tree itself
// rather than through cheerio selectors: cheerio's find() de-duplicates its context with a
// quadratic pass over the context's children, which takes minutes on broken pages with tens of
// thousands of sibling nodes, and domutils' recursive textContent overflows on very deep trees.
import type { DomNode } from './html-text.js'

export interface DomElement extends DomNode {
  name: string
  attribs: Record<string, string>
  children: DomNode[]
  parent?: DomNode | null
  prev?: DomNode | null
  next?: DomNode | null
}

export function isElement(node: DomNode): node is DomElement {
  return (
    (node.type === 'tag' || node.type === 'script' || node.type === 'style') &&
    node.name !== undefined
  )
}

/** All elements below `root` (not `root` itself), in document order. */
export function elementsBelow(root: DomNode): DomElement[] {
  const found: DomElement[] = []
  const stack = [...(root.children ?? [])].reverse()
  while (stack.length > 0) {
    const node = stack.pop() as DomNode
    if (isElement(node)) found.push(node)
    const children = node.children ?? []
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode)
  }
  return found
}

/** Approximate text length below `node` (whitespace runs counted once per text node). */
export function textLength(node: DomNode): number {
  let length = 0
  const stack: DomNode[] = [node]
  while (stack.length > 0) {
    const current = stack.pop() as DomNode
    if (current.type === 'text') length += (current.data ?? '').replace(/\s+/g, ' ').trim().length
    for (const child of current.children ?? []) stack.push(child)
  }
  return length
}

/** Share of the text below `node` that sits inside links (1 for an empty node). */
export function linkDensity(node: DomNode): number {
  const total = textLength(node)
  if (total === 0) return 1
  let linked = 0
  const stack = [...(node.children ?? [])]
  while (stack.length > 0) {
    const current = stack.pop() as DomNode
    // Outermost links only: broken pages nest unclosed <a> tags, which would count text twice.
    if (isElement(current) && current.name === 'a') linked += textLength(current)
    else for (const child of current.children ?? []) stack.push(child)
  }
  return Math.min(1, linked / total)
}

/**
 * Detaches `nodes` from their parents in one pass per parent (removing one by one is quadratic
 * on pages with thousands of siblings), relinking sibling pointers for later readers.
 */
export function removeAll(nodes: readonly DomElement[]): void {
  const doomed = new Set<DomNode>(nodes)
  const parents = new Set(nodes.map((n) => n.parent).filter((p) => p !== null && p !== undefined))
  for (const parent of parents) {
    const kept = (parent.children ?? []).filter((child) => !doomed.has(child)) as DomElement[]
    kept.forEach((child, i) => {
      child.prev = kept[i - 1] ?? null
      child.next = kept[i + 1] ?? null
    })
    parent.children = kept
  }
  for (const node of nodes) node.parent = node.prev = node.next = null
}

/**
 * A predicate for the tiny selector subset extraction needs: `tag`, `.class`, `#id` and
 * `[attr=value]` (value compared case-insensitively).
 */
export function matcher(spec: string): (el: DomElement) => boolean {
  if (spec.startsWith('.')) {
    const cls = spec.slice(1)
    return (el) => (el.attribs['class'] ?? '').split(/\s+/).includes(cls)
  }
  if (spec.startsWith('#')) return (el) => el.attribs['id'] === spec.slice(1)
  const attr = /^\[([\w-]+)=(.+)\]$/.exec(spec)
  if (attr !== null) {
    const [, name, value] = attr as unknown as [string, string, string]
    return (el) => el.attribs[name]?.toLowerCase() === value.toLowerCase()
  }
  return (el) => el.name === spec
}
