// Main-content extraction for article pages, used when a feed only carries a summary. Semantic
// containers win when present; otherwise a readability-style score over <p> parents picks the
// block with the most paragraph text and the fewest links.
import { load } from 'cheerio/slim'
import {
  elementsBelow,
  linkDensity,
  matcher,
  removeAll,
  textLength,
  type DomElement,
} from './dom.js'
import { nodesToText, type DomNode } from './html-text.js'
import { readPageMeta, type PageMeta } from './page-meta.js'

export interface ArticlePage extends PageMeta {
  text: string
}

/** Never content: removed before anything is measured. */
const STRIP_TAGS: ReadonlySet<string> = new Set(
  'script style noscript iframe svg form template button input select textarea object embed canvas dialog link meta'.split(
    ' ',
  ),
)
const STRUCTURAL_NOISE_TAGS: ReadonlySet<string> = new Set(['nav', 'header', 'footer', 'aside'])
const NOISE_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
])

/** Main-content containers, most specific first. */
const CONTENT = [
  '[itemprop=articleBody]',
  'article',
  '.entry-content',
  '.post-content',
  '.article-body',
  '.article-content',
  '.article__body',
  '.post-body',
  '.story-body',
  '.content-body',
  '#article-body',
  'main',
  '[role=main]',
  '#content',
  '.content',
].map(matcher)

/** Containers specific enough that a block holding one is never page furniture. */
const PROTECTED = CONTENT.slice(0, 13)

/** class/id segments (split on space, - and _) that mark page furniture rather than the article. */
const NOISE_SEGMENTS: ReadonlySet<string> = new Set(
  (
    'share sharing social related recommended newsletter subscribe subscription signup promo ' +
    'advert advertisement ads ad sponsor sponsored cookie cookies consent breadcrumb breadcrumbs ' +
    'comment comments disqus respond sidebar widget popup modal overlay outbrain taboola tags ' +
    'tagcloud pagination pager nav navbar navbox menu footer header masthead toolbar print'
  ).split(' '),
)

const MIN_CONTAINER_CHARS = 140
const MIN_PARAGRAPH_CHARS = 25

function isStructuralNoise(el: DomElement): boolean {
  const a = el.attribs
  return (
    STRIP_TAGS.has(el.name) ||
    STRUCTURAL_NOISE_TAGS.has(el.name) ||
    NOISE_ROLES.has(a['role'] ?? '') ||
    a['aria-hidden'] === 'true' ||
    'hidden' in a
  )
}

function hasNoisyName(el: DomElement): boolean {
  if (el.name === 'html' || el.name === 'body') return false
  const words = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase()
  return words.split(/[\s_-]+/).some((w) => NOISE_SEGMENTS.has(w))
}

function holdsContent(el: DomElement): boolean {
  const isContent = (e: DomElement) => PROTECTED.some((match) => match(e))
  return isContent(el) || elementsBelow(el).some(isContent)
}

/** Drops page furniture; by class/id only when `aggressive`, and never a block holding the article. */
function removeNoise(root: DomNode, aggressive: boolean): void {
  const noise = elementsBelow(root).filter(
    (el) => isStructuralNoise(el) || (aggressive && hasNoisyName(el) && !holdsContent(el)),
  )
  removeAll(noise)
}

function bestBySelector(root: DomNode): DomNode | null {
  const all = elementsBelow(root)
  for (const match of CONTENT) {
    let best: DomNode | null = null
    let bestLength = MIN_CONTAINER_CHARS - 1
    for (const el of all.filter(match)) {
      const length = textLength(el)
      if (length > bestLength) [best, bestLength] = [el, length]
    }
    if (best !== null) return best
  }
  return null
}

/** Readability-style fallback: paragraph text credited to parents (and half to grandparents). */
function bestByScore(root: DomNode): DomNode | null {
  const scores = new Map<DomNode, number>()
  const credit = (node: DomNode | null | undefined, points: number) => {
    if (node && node !== root) scores.set(node, (scores.get(node) ?? 0) + points)
  }
  for (const p of elementsBelow(root)) {
    if (p.name !== 'p' && p.name !== 'pre') continue
    const length = textLength(p)
    if (length < MIN_PARAGRAPH_CHARS) continue
    credit(p.parent, length)
    credit((p.parent as DomElement | null | undefined)?.parent, length / 2)
  }
  let best: DomNode | null = null
  let bestScore = 0
  for (const [node, score] of scores) {
    const adjusted = score * (1 - linkDensity(node))
    if (adjusted > bestScore) [best, bestScore] = [node, adjusted]
  }
  return best
}

const LINK_LIST_TAGS: ReadonlySet<string> = new Set(['ul', 'ol', 'div', 'section', 'p', 'table'])

/** Link lists inside the chosen block ("Read more", unlabelled related-post lists). */
function dropLinkLists(root: DomNode): void {
  const lists = elementsBelow(root).filter((el) => {
    if (!LINK_LIST_TAGS.has(el.name)) return false
    const links = elementsBelow(el).filter((e) => e.name === 'a').length
    return links >= 2 && linkDensity(el) > 0.8
  })
  removeAll(lists)
}

function parse(html: string): DomNode {
  return load(html).root()[0] as unknown as DomNode
}

/** The main text below `root`. Mutates the tree: noise is detached as it is found. */
function extractText(root: DomNode, aggressive: boolean): string {
  removeNoise(root, aggressive)
  const main = bestBySelector(root) ?? bestByScore(root) ?? root
  if (aggressive) dropLinkLists(main)
  return nodesToText(main.children ?? [])
}

/**
 * Extracts an article page: metadata plus the main text with paragraph breaks. Pass `now` to
 * clamp future publication dates the way feed dates are clamped.
 */
export function extractArticlePage(html: string, pageUrl: string, now?: Date): ArticlePage {
  const root = parse(html)
  const meta = readPageMeta(root, pageUrl, now)
  let text = extractText(root, true)
  // Class-name heuristics can misfire (a wrapper called "post has-comments"); if they left almost
  // nothing, re-parse and keep a pass that only strips structural noise.
  if (text.length < MIN_CONTAINER_CHARS) {
    const conservative = extractText(parse(html), false)
    if (conservative.length > text.length) text = conservative
  }
  return { ...meta, text }
}
