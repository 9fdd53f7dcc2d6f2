// OPML import/export for feed lists. Import is lenient about what exporters actually write
// (nested folders, `xmlurl`/`XMLURL` attribute spellings, missing titles); export is strict OPML 2.0.
import { load } from 'cheerio/slim'
import { AppError } from '../../core/errors.js'
import { xmlRootName } from './detect.js'
import type { DomNode } from './html-text.js'
import { canonicalizeUrl } from './url.js'

export interface OpmlFeed {
  url: string
  name: string | null
  siteUrl: string | null
}

/** An attribute by case-insensitive name: exporters disagree on `xmlUrl` vs `xmlurl`. */
function attr(node: DomNode, name: string): string | null {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(node.attribs ?? {})) {
    if (key.toLowerCase() === wanted && value.trim() !== '') return value.trim()
  }
  return null
}

/** All <outline> elements, depth-first in document order (folders nest them). */
function outlines(nodes: readonly DomNode[]): DomNode[] {
  const found: DomNode[] = []
  const stack = [...nodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop() as DomNode
    if (node.type === 'tag' && node.name?.toLowerCase() === 'outline') found.push(node)
    const children = node.children ?? []
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode)
  }
  return found
}

/**
 * The feeds in an OPML document, deduplicated by canonical URL (first occurrence wins). Outlines
 * without a usable xmlUrl (folders, links) are skipped. Throws AppError('parse_failed') for
 * documents that are not OPML.
 */
export function parseOpml(text: string): OpmlFeed[] {
  const root = xmlRootName(text)
  if (root === null || root.toLowerCase() !== 'opml') {
    const what = root === null ? 'no XML root element' : `root element is <${root}>`
    throw new AppError('parse_failed', `not an OPML document: ${what}, expected <opml>`)
  }
  const $ = load(text, { xml: true })
  const seen = new Set<string>()
  const feeds: OpmlFeed[] = []
  for (const node of outlines(($.root()[0] as unknown as DomNode).children ?? [])) {
    const url = canonicalizeUrl(attr(node, 'xmlUrl') ?? '')
    if (url === null || seen.has(url)) continue
    seen.add(url)
    const htmlUrl = attr(node, 'htmlUrl')
    feeds.push({
      url,
      name: attr(node, 'title') ?? attr(node, 'text'),
      siteUrl: htmlUrl === null ? null : canonicalizeUrl(htmlUrl),
    })
  }
  return feeds
}

/** Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot carry. */
function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function outlineXml(feed: { url: string; name: string | null; siteUrl?: string | null }): string {
  // OPML 2.0 requires `text`; fall back to the URL so every outline stays valid and readable.
  const label = escapeXml(feed.name?.trim() || feed.url)
  const site = feed.siteUrl ? ` htmlUrl="${escapeXml(feed.siteUrl)}"` : ''
  return `    <outline type="rss" text="${label}" title="${label}" xmlUrl="${escapeXml(feed.url)}"${site}/>`
}

/** An OPML 2.0 document listing `feeds` under `title`. */
export function toOpml(
  feeds: { url: string; name: string | null; siteUrl?: string | null }[],
  title: string,
): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    '  </head>',
    '  <body>',
    ...feeds.map(outlineXml),
    '  </body>',
    '</opml>',
    '',
  ].join('\n')
}
