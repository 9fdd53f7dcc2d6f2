// Main-content extraction for article pages, used when a feed only carries a summary. Semantic
// containers win when present; otherwise a readability-style score over <p> parents picks the
// block with the most paragraph text and the fewest links.
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim'
import { nodesToText, type DomNode } from './html-text.js'
import { readPageMeta, type PageMeta } from './page-meta.js'

export interface ArticlePage extends PageMeta {
  text: string
}

/** Never content: removed before anything is measured. */
const STRIP = 'script, style, noscript, iframe, svg, form, template, button, input, select, textarea, object, embed, canvas, dialog, link, meta'
const STRUCTURAL_NOISE =
  'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden]'

/** Main-content containers, most specific first. */
const CONTENT_SELECTORS = [
  '[itemprop="articleBody"]',
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
  '[role="main"]',
  '#content',
  '.content',
]

/** class/id segments (split on space, - and _) that mark page furniture rather than the article. */
const NOISE_SEGMENTS = new Set(
  ('share sharing social related recommended newsletter subscribe subscription signup promo ' +
    'advert advertisement ads ad sponsor sponsored cookie cookies consent breadcrumb breadcrumbs ' +
    'comment comments disqus respond sidebar widget popup modal overlay outbrain taboola tags ' +
    'tagcloud pagination pager nav navbar menu footer header masthead toolbar print')
    .split(' '),
)

const MIN_CONTAINER_CHARS = 140
const MIN_PARAGRAPH_CHARS = 25

type El = Cheerio<never>

function textLength($el: Cheerio<unknown>): number {
  return $el.text().replace(/\s+/g, ' ').trim().length
}

function linkDensity($: CheerioAPI, $el: El): number {
  const total = textLength($el)
  if (total === 0) return 1
  let linked = 0
  $el.find('a').each((_, a) => void (linked += textLength($(a))))
  return linked / total
}

function isNoisy(attrs: Record<string, string>): boolean {
  const words = `${attrs['class'] ?? ''} ${attrs['id'] ?? ''}`.toLowerCase().split(/[\s_-]+/)
  return words.some((w) => NOISE_SEGMENTS.has(w))
}

/** Drops page furniture, but never a block that holds the article itself. */
function removeNoise($: CheerioAPI): void {
  $(STRUCTURAL_NOISE).remove()
  const protectedSel = CONTENT_SELECTORS.slice(0, 12).join(', ')
  $('[class], [id]').each((_, el) => {
    const $el = $(el)
    if (['html', 'body'].includes(el.tagName) || !isNoisy(el.attribs)) return
    if ($el.is(protectedSel) || $el.find(protectedSel).length > 0) return
    $el.remove()
  })
}

function bestBySelector($: CheerioAPI): El | null {
  for (const selector of CONTENT_SELECTORS) {
    let best: El | null = null
    let bestLength = MIN_CONTAINER_CHARS - 1
    $(selector).each((_, el) => {
      const length = textLength($(el))
      if (length > bestLength) [best, bestLength] = [$(el) as El, length]
    })
    if (best !== null) return best
  }
  return null
}

/** Readability-style fallback: paragraph text credited to parents (and half to grandparents). */
function bestByScore($: CheerioAPI): El | null {
  const scores = new Map<unknown, { $el: El; score: number }>()
  const credit = ($el: El, points: number) => {
    const node = $el.get(0)
    if (node === undefined) return
    const entry = scores.get(node) ?? { $el, score: 0 }
    entry.score += points
    scores.set(node, entry)
  }
  $('p, pre').each((_, p) => {
    const length = textLength($(p))
    if (length < MIN_PARAGRAPH_CHARS) return
    const parent = $(p).parent() as El
    credit(parent, length)
    credit(parent.parent() as El, length / 2)
  })
  let best: El | null = null
  let bestScore = 0
  for (const { $el, score } of scores.values()) {
    const adjusted = score * (1 - linkDensity($, $el))
    if (adjusted > bestScore) [best, bestScore] = [$el, adjusted]
  }
  return best
}

/** Link lists inside the chosen block ("Read more", unlabelled related-post lists). */
function dropLinkLists($: CheerioAPI, $root: El): void {
  $root.find('ul, ol, div, section, p').each((_, el) => {
    const $el = $(el) as El
    if ($el.find('a').length >= 2 && linkDensity($, $el) > 0.8) $el.remove()
  })
}

function extractText(html: string, aggressive: boolean): string {
  const $ = load(html)
  $(STRIP).remove()
  if (aggressive) removeNoise($)
  const $root = bestBySelector($) ?? bestByScore($) ?? ($('body') as El)
  if (aggressive) dropLinkLists($, $root)
  return nodesToText($root.contents().toArray() as unknown as DomNode[])
}

/**
 * Extracts an article page: metadata plus the main text with paragraph breaks. Pass `now` to
 * clamp future publication dates the way feed dates are clamped.
 */
export function extractArticlePage(html: string, pageUrl: string, now?: Date): ArticlePage {
  const meta = readPageMeta(load(html), pageUrl, now)
  let text = extractText(html, true)
  // Class-name heuristics can misfire (a wrapper called "post has-comments"); if they left almost
  // nothing, fall back to a pass that only strips structural noise.
  if (text.length < MIN_CONTAINER_CHARS) {
    const conservative = extractText(html, false)
    if (conservative.length > text.length) text = conservative
  }
  return { ...meta, text }
}
