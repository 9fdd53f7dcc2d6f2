// Minimal shapes of the DOM for functions that run inside the page (page.evaluate): the project
// compiles without lib.dom, and these are type-only, so nothing here reaches the browser.
export interface DomAttr {
  name: string
  value: string
}

export interface DomElement {
  tagName: string
  outerHTML: string
  textContent: string | null
  attributes: Iterable<DomAttr>
  getAttribute(name: string): string | null
}

export interface DomDocument {
  baseURI: string
  body: DomElement
  documentElement: DomElement & { scrollWidth: number }
  querySelectorAll(selector: string): Iterable<DomElement>
}

/** `globalThis` inside the page: `const w = globalThis as unknown as DomWindow`. */
export interface DomWindow {
  document: DomDocument
  getComputedStyle(el: DomElement): { backgroundColor: string }
  [key: string]: unknown
}
