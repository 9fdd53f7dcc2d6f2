// Sniffs what an uploaded or fetched document is, so callers can route it to the right parser
// without trusting a Content-Type header (feeds are routinely served as text/html or text/plain).

export type InputKind = 'xml-feed' | 'json-feed' | 'jsonl' | 'html' | 'unknown'

const SNIFF_BYTES = 4096
const MAX_SNIFFED_LINES = 20

/** Strips a byte-order mark and leading whitespace. */
export function stripBom(text: string): string {
  return text.replace(/^\ufeff/, '').trimStart()
}

/**
 * The name of the root element of an XML/HTML document (as written, prefix included), skipping the
 * prolog: XML declaration, processing instructions, comments and a DOCTYPE with internal subset.
 */
export function xmlRootName(text: string): string | null {
  let rest = stripBom(text).slice(0, 64 * 1024)
  const prolog = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^[>]*(?:\[[\s\S]*?\])?\s*>)/i
  for (let m = prolog.exec(rest); m !== null; m = prolog.exec(rest)) rest = rest.slice(m[0].length)
  const root = /^\s*<([A-Za-z_][\w.:-]*)/.exec(rest)
  return root === null ? null : (root[1] as string)
}

/** True for the root names a feed can have: rss, feed (Atom 0.3/1.0), any-prefix:rss/RDF. */
export function isFeedRoot(name: string): boolean {
  const lower = name.toLowerCase()
  return /^(?:[\w.-]+:)?(?:rss|rdf)$/.test(lower) || lower === 'feed'
}

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function detectJson(text: string): InputKind {
  const whole = parseObject(text)
  if (whole !== null) {
    const version = whole['version']
    if (typeof version === 'string' && version.includes('jsonfeed.org')) return 'json-feed'
    return 'url' in whole && 'title' in whole ? 'jsonl' : 'unknown'
  }
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, MAX_SNIFFED_LINES)
  const objects = lines.filter((line) => parseObject(line) !== null).length
  // One bad line must not hide a whole JSONL upload from the parser that reports it.
  return lines.length > 1 && parseObject(lines[0] as string) !== null && objects * 2 >= lines.length
    ? 'jsonl'
    : 'unknown'
}

/** Tags that only start an HTML document or a fragment of one, never a feed. */
const HTML_ROOTS: ReadonlySet<string> = new Set([
  'html',
  'head',
  'body',
  'div',
  'p',
  'meta',
  'title',
  'link',
  'script',
])

function detectMarkup(text: string): InputKind {
  const root = xmlRootName(text)
  if (root !== null && isFeedRoot(root)) return 'xml-feed'
  if (root !== null && HTML_ROOTS.has(root.toLowerCase())) return 'html'
  const head = text.slice(0, SNIFF_BYTES).toLowerCase()
  if (/<!doctype html/.test(head)) return 'html'
  // A feed behind junk the root sniffing could not skip (e.g. a stray PHP warning).
  if (/<rss[\s>]|<feed[\s>]|<rdf:rdf[\s>]/.test(head)) return 'xml-feed'
  return 'unknown'
}

/** What kind of input `text` is: an XML feed, a JSON Feed, JSON Lines, an HTML page or unknown. */
export function detectInputKind(text: string): InputKind {
  const body = stripBom(text)
  if (body.startsWith('{')) return detectJson(body)
  if (body.startsWith('<')) return detectMarkup(body)
  return 'unknown'
}
