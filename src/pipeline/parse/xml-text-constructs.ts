// Rewrites the text-bearing elements of a feed (title, summary, content, description...) into one
// CDATA string of HTML before rss-parser sees them. rss-parser hands back xml2js objects, which
// lose the order of text and child elements (`Example <b>Atom</b>` becomes "Example " plus a `b`
// key) and drop the attributes that say how to read the text. Here we still have the source, so:
// - inline markup (Atom type="xhtml", Atom 0.3 mode="xml", or naked tags in RSS) is kept as HTML;
// - base64 is decoded: Atom 0.3 mode="base64", and Atom 1.0 content of a MIME type that is neither
//   text nor XML (RFC 4287 4.1.3.3); a payload that is not UTF-8 text is dropped;
// - Atom plain-text constructs (type="text", the default) are HTML-escaped, so a title such as
//   "XSS via <img> onerror" keeps its "<img>" when the text is later read as HTML.
// Anything that does not scan as well-formed is left alone for the XML parser to report.
import { scanXml, type XmlTag } from './xml-scan.js'

/** Elements sitrep reads text from (local names; `rss:` and a root prefix are stripped). */
const TARGETS: ReadonlySet<string> = new Set([
  'title',
  'summary',
  'content',
  'description',
  'content:encoded',
  'dc:description',
  'body',
  'xhtml:body',
  'fullitem',
])

interface Open extends XmlTag {
  innerStart: number
  hasChild: boolean
  /** Inside a target element: the outer one is rewritten whole (and scanned once). */
  nested: boolean
}

interface Edit {
  from: number
  to: number
  text: string
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
}

function decodeXmlEntities(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/gi,
    (m, hex, dec, name) => {
      if (name !== undefined) return XML_ENTITIES[(name as string).toLowerCase()] ?? m
      const code = hex !== undefined ? Number.parseInt(hex as string, 16) : Number(dec)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
    },
  )
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function attribute(attrs: string, name: string): string {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs)
  return (m?.[1] ?? m?.[2] ?? '').trim().toLowerCase()
}

/**
 * The element's content as HTML (markup kept, CDATA escaped, comments dropped) when `markup`,
 * else as plain text (entities decoded, CDATA literal). `inner` has scanned well-formed already.
 */
function innerAs(inner: string, markup: boolean): string {
  let out = ''
  let last = 0
  const text = (s: string) => (markup ? s : decodeXmlEntities(s))
  for (const token of scanXml(inner) ?? []) {
    out += text(inner.slice(last, token.start))
    last = token.end
    if (token.cdata !== undefined) out += markup ? escapeHtml(token.cdata) : token.cdata
    else if (token.tag !== undefined && markup) out += inner.slice(token.start, token.end)
  }
  return out + text(inner.slice(last))
}

/** Decoded base64 when it is UTF-8 text, else '' (an image or a PDF is not article text). */
function decodeBase64(text: string): string {
  try {
    const binary = atob(text.replace(/\s+/g, ''))
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return /[\u0000-\u0008\u000e-\u001f]/.test(decoded) ? '' : decoded
  } catch {
    return ''
  }
}

/** A MIME type whose Atom content is base64: neither text/* nor an XML type. */
const isBinaryType = (type: string): boolean =>
  type.includes('/') && !type.startsWith('text/') && !/[/+]xml$/.test(type)

/** The HTML an element should carry, or null to leave it as written. */
function constructHtml(open: Open, inner: string, atom: boolean): string | null {
  const type = attribute(open.attrs, 'type')
  const mode = attribute(open.attrs, 'mode')
  // Atom text constructs default to plain text; Atom 0.3's mode="escaped" meant escaped HTML.
  const plain =
    atom && (type === 'text' || type === 'text/plain' || (type === '' && mode !== 'escaped'))
  if (mode === 'base64' || (atom && isBinaryType(type))) {
    const decoded = decodeBase64(innerAs(inner, false))
    return plain ? escapeHtml(decoded) : decoded
  }
  if (open.hasChild) return innerAs(inner, true)
  const text = innerAs(inner, false)
  return plain && /[<&]/.test(text) ? escapeHtml(text) : null
}

const cdata = (html: string): string => `<![CDATA[${html.split(']]>').join(']]]]><![CDATA[>')}]]>`

function applyEdits(xml: string, edits: Edit[]): string {
  if (edits.length === 0) return xml
  const out: string[] = []
  let pos = 0
  for (const edit of edits) {
    out.push(xml.slice(pos, edit.from), edit.text)
    pos = edit.to
  }
  out.push(xml.slice(pos))
  return out.join('')
}

/**
 * Rewrites text constructs as described above. `atom` switches on Atom's type/mode rules;
 * `prefixes` are namespace prefixes to ignore when matching element names (e.g. `rss`).
 */
export function normalizeTextConstructs(xml: string, atom: boolean, prefixes: string[]): string {
  const names = ['rss', ...prefixes].map((p) => p.replace(/[.\-]/g, '\\$&'))
  const strip = new RegExp(`^(?:${names.join('|')}):`)
  const tokens = scanXml(xml)
  if (tokens === null) return xml
  const isTarget = (name: string) => TARGETS.has(name.replace(strip, ''))
  const stack: Open[] = []
  const edits: Edit[] = []
  for (const { tag, start, end } of tokens) {
    if (tag === undefined) continue
    if (!tag.close) {
      const parent = stack[stack.length - 1]
      if (parent !== undefined) parent.hasChild = true
      const nested = parent !== undefined && (parent.nested || isTarget(parent.name))
      if (!tag.selfClosing) stack.push({ ...tag, innerStart: end, hasChild: false, nested })
      continue
    }
    const open = stack.pop()
    if (open === undefined || open.name !== tag.name) return xml
    if (open.nested || !isTarget(open.name)) continue
    const html = constructHtml(open, xml.slice(open.innerStart, start), atom)
    if (html !== null) edits.push({ from: open.innerStart, to: start, text: cdata(html) })
  }
  return stack.length === 0 ? applyEdits(xml, edits) : xml
}
