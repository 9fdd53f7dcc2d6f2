// Assertions from rss-parser's expected outputs (test/output/<name>.json is the expected parse of
// test/input/<name>.*). One assertion per field sitrep models; fields that are renderings of the
// same value are folded into it (isoDate/pubDate/date/dc:date are one date; content:encoded,
// content, summary and their *Snippet texts are one body), and the rest count under their names.
import type { Assertion, Category } from './conformance-assertions.js'
import type { PyValue } from './conformance-expect.js'

type Json = Record<string, unknown>

const EMPTY_TAG = 'EMPTY'

const FOLDED_ITEM_KEYS: ReadonlySet<string> = new Set([
  'pubDate',
  'date',
  'dc:date',
  'isoDate',
  'content',
  'contentSnippet',
  'content:encoded',
  'content:encodedSnippet',
  'summary',
  'guid',
  'id',
  'title',
  'link',
])

/** Plain-text length of an HTML body, roughly: enough to pick the fullest body. */
const textLength = (html: string): number => html.replace(/<[^>]*>/g, '').trim().length

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** The fullest body the peer reports, since sitrep keeps one text per item (the longest). */
function fullestBody(item: Json): string | null {
  const bodies = [item['content:encoded'], item['content'], item['summary']]
    .map(str)
    .filter((b): b is string => b !== null && b.trim() !== '')
  return bodies.sort((a, b) => textLength(b) - textLength(a))[0] ?? null
}

function checkable(
  source: string,
  category: Category,
  entry: number | null,
  expected: PyValue,
): Assertion {
  return { kind: 'checkable', source, alternatives: [{ category, entry, expected }] }
}

function itemAssertions(item: Json, i: number): Assertion[] {
  const at = `items[${i}]`
  const out: Assertion[] = []
  const add = (category: Category, key: string, value: string | null) => {
    const source = `${at}.${key} == ${JSON.stringify(value)}`
    // rss-parser's xml2js-options test sets xml2js `emptyTag: 'EMPTY'`: a placeholder, not data.
    if (value === EMPTY_TAG) out.push({ kind: 'unchecked', source, label: 'xml2js emptyTag value' })
    else if (value !== null) out.push(checkable(source, category, i, value))
  }
  add('item title', 'title', str(item['title']))
  add('item link', 'link', str(item['link']))
  add('item guid', 'guid', str(item['guid']) ?? str(item['id']))
  add('item date', 'isoDate', str(item['isoDate']) ?? str(item['pubDate']))
  add('item content', 'content', fullestBody(item))
  for (const key of Object.keys(item)) {
    if (!FOLDED_ITEM_KEYS.has(key)) {
      out.push({ kind: 'unchecked', source: `${at}.${key}`, label: `items[].${key}` })
    }
  }
  return out
}

/** Every assertion an rss-parser expected output makes. */
export function rssParserAssertions(expected: unknown): Assertion[] {
  const feed = ((expected as Json | null)?.['feed'] ?? {}) as Json
  const out: Assertion[] = []
  for (const [key, value] of Object.entries(feed)) {
    if (key === 'items') continue
    const text = str(value)
    if (key === 'title' && text !== null) {
      out.push(checkable(`feed.title == ${JSON.stringify(text)}`, 'feed title', null, text))
    } else if (key === 'link' && text !== null) {
      out.push(checkable(`feed.link == ${JSON.stringify(text)}`, 'feed link', null, text))
    } else out.push({ kind: 'unchecked', source: `feed.${key}`, label: `feed.${key}` })
  }
  const items = Array.isArray(feed['items']) ? (feed['items'] as Json[]) : []
  return [...out, ...items.flatMap((item, i) => itemAssertions(item, i))]
}
