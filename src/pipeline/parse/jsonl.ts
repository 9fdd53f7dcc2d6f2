// JSON Lines ingest: one `{url, title, published, text, source}` object per line. A bad line is
// reported with its number and skipped; it never costs the rest of the file.
import { z } from 'zod'
import type { RawItem } from '../../core/types.js'
import { parseFeedDate } from './dates.js'
import { cleanTitle, truncateWords } from './feed-item.js'
import { htmlToText } from './html-text.js'
import { canonicalizeUrl } from './url.js'

export interface JsonLinesResult {
  items: RawItem[]
  errors: { line: number; message: string }[]
}

const lineSchema = z.object({
  url: z.string(),
  title: z.string().nullish(),
  published: z.union([z.string(), z.number()]).nullish(),
  text: z.string().nullish(),
  source: z.string().nullish(),
  guid: z.union([z.string(), z.number()]).nullish(),
})

type Line = z.infer<typeof lineSchema>

/** One readable sentence for the first schema problem ("missing url", "title must be a string"). */
function describeIssue(issue: z.core.$ZodIssue, record: Record<string, unknown>): string {
  const field = issue.path.map(String).join('.') || 'line'
  if (record[field] === undefined || record[field] === null) return `missing ${field}`
  const expected = field === 'published' || field === 'guid' ? 'a string or number' : 'a string'
  return `${field} must be ${expected}`
}

function parseObject(raw: string): Record<string, unknown> | string {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return 'not valid JSON'
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'expected a JSON object'
  }
  return value as Record<string, unknown>
}

function toItem(line: Line, now: Date): RawItem | string {
  if (line.url.trim() === '') return 'missing url'
  const url = canonicalizeUrl(line.url)
  if (url === null) return 'url is not an absolute http(s) URL'
  const text = htmlToText(line.text ?? '')
  const title = cleanTitle(line.title) ?? (text === '' ? url : truncateWords(text, 80))
  // Epoch numbers and date strings both go through the feed date rules (incl. the future clamp).
  const published = line.published == null ? null : parseFeedDate(String(line.published), now)
  const source = line.source?.trim() || null
  const guid = line.guid == null ? null : String(line.guid)
  return { url, title, published, text, source, guid }
}

/** The item on one line, or the reason it was rejected. */
function parseOne(raw: string, now: Date): RawItem | string {
  const record = parseObject(raw)
  if (typeof record === 'string') return record
  const checked = lineSchema.safeParse(record)
  if (!checked.success) return describeIssue(checked.error.issues[0] as z.core.$ZodIssue, record)
  return toItem(checked.data, now)
}

/** Parses JSON Lines text. Blank lines are skipped; line numbers in errors are 1-based. */
export function parseJsonLines(text: string, now: Date): JsonLinesResult {
  const result: JsonLinesResult = { items: [], errors: [] }
  text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if (raw.trim() === '') return
      const item = parseOne(raw, now)
      if (typeof item !== 'string') result.items.push(item)
      else result.errors.push({ line: index + 1, message: `line ${index + 1}: ${item}` })
    })
  return result
}
