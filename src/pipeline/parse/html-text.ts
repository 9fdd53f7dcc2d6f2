// HTML to plain text for feed bodies and article pages. Uses cheerio/slim (htmlparser2 only): the
// default 'cheerio' entry pulls undici and node:stream, which must not reach the Workers bundle.
import { load } from 'cheerio/slim'
import { fixC1Controls } from './cp1252.js'

/**
 * The few domhandler node fields the walker reads. Structural, so this module does not import
 * domhandler (a transitive dependency) just for its types.
 */
export interface DomNode {
  type: string
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: DomNode[]
}

/**
 * Elements whose content is never reader-visible text. Not <object>: its content is the fallback
 * browsers show when the plugin is missing, which nowadays is always.
 */
const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'svg',
  'form',
  'template',
  'embed',
  'canvas',
  'button',
  'select',
  'textarea',
  'head',
])

/** Elements that end a paragraph: separated by a blank line in the output. */
const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(
  'p h1 h2 h3 h4 h5 h6 blockquote pre ul ol dl table figure hr article section header footer aside main nav address details'.split(
    ' ',
  ),
)

/** Elements that end a line. */
const LINE_TAGS: ReadonlySet<string> = new Set(
  'div li dt dd tr figcaption summary caption'.split(' '),
)

type Frame = { node: DomNode } | { close: string }

// Break markers: block ends are only known as "line" or "paragraph" until the runs are merged,
// so that </div><div> is one line break while <br><br> (a common paragraph idiom) is a blank line.
const LINE = '\u0001'
const PARA = '\u0002'

function mergeBreaks(raw: string): string {
  // One pass over whitespace runs (a pattern anchored on the break itself would go quadratic on
  // long runs of spaces inside <pre>).
  return raw.replace(/[\s\u0001\u0002]+/g, (run) => {
    if (run.includes(PARA) || run.split('\n').length > 2) return '\n\n'
    return run.includes('\n') || run.includes(LINE) ? '\n' : run
  })
}

/** Text of a node list, with block structure kept as newlines. Iterative: deep nesting is common. */
export function nodesToText(nodes: readonly DomNode[]): string {
  const out: string[] = []
  const stack: Frame[] = [...nodes].reverse().map((node) => ({ node }))
  let preDepth = 0
  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    if ('close' in frame) {
      if (frame.close === 'pre') preDepth--
      out.push(PARAGRAPH_TAGS.has(frame.close) ? PARA : LINE)
      continue
    }
    const { node } = frame
    if (node.type === 'text') {
      // Control characters are our break markers, so source ones are dropped first. Source
      // newlines in HTML are just spaces; inside <pre> they are real line breaks.
      const data = (node.data ?? '').replace(/[\u0000-\u0002]/g, '')
      out.push(preDepth > 0 ? data.replace(/\n/g, '\u0000') : data.replace(/\s+/g, ' '))
      continue
    }
    if (node.type === 'comment' || node.type === 'directive') continue
    const name = (node.name ?? '').toLowerCase()
    if (DROPPED_TAGS.has(name)) continue
    if (name === 'br') {
      out.push('\n')
      continue
    }
    const block = PARAGRAPH_TAGS.has(name) || LINE_TAGS.has(name)
    if (block) {
      out.push(PARAGRAPH_TAGS.has(name) ? PARA : LINE)
      if (name === 'pre') preDepth++
      stack.push({ close: name })
    }
    // Inline cells would otherwise run together: "Name" + "Value" -> "NameValue".
    if (name === 'td' || name === 'th') out.push(' ')
    const children = node.children ?? []
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as DomNode })
  }
  return normalizeText(mergeBreaks(out.join('')))
}

/**
 * Collapses runs of spaces (incl. nbsp), trims lines and keeps at most one blank line between
 * paragraphs. Newlines inside <pre> were parked as U+0000 so they survive the collapse. C1
 * controls (from `&#146;` and the like) become the windows-1252 characters they stand for.
 */
export function normalizeText(text: string): string {
  return fixC1Controls(text)
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[^\S\n\u0000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\u0000/g, '\n')
    .trim()
}

/** True when the string contains markup or character references worth parsing as HTML. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i.test(
    s,
  )
}

/** Plain text of an HTML fragment or document. Plain text input only gets whitespace cleanup. */
export function htmlToText(html: string): string {
  if (!looksLikeHtml(html)) return normalizeText(html.replace(/\r\n?/g, '\n'))
  // Feed HTML is often XHTML-ish: `<iframe src="..."/>` must not swallow the rest as iframe content.
  const $ = load(html, { xml: { xmlMode: false, recognizeSelfClosing: true } })
  const root = $.root()[0] as unknown as DomNode
  return nodesToText(root.children ?? [])
}
