// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1), parsed by hand: it is small enough that a
// zod schema is clearer than another dependency. Items are validated one by one so a single odd
// item does not cost the whole feed.
import { z } from 'zod'
import { AppError } from '../../core/errors.js'
import { buildEntry, cleanTitle, type FeedDocument, type FeedEntry } from './feed-item.js'
import { canonicalizeUrl } from './url.js'

const optionalText = z.string().nullish().catch(null)

const jsonFeedSchema = z.object({
  version: z.string().optional(),
  title: optionalText,
  home_page_url: optionalText,
  items: z.array(z.unknown()),
})

const authorSchema = z.object({ name: z.string().nullish(), url: z.string().nullish() })

const jsonItemSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish().catch(null),
  url: optionalText,
  external_url: optionalText,
  title: optionalText,
  content_html: optionalText,
  content_text: optionalText,
  summary: optionalText,
  date_published: optionalText,
  date_modified: optionalText,
  // Authors are validated for shape only: RawItem has no author field yet.
  authors: z.array(authorSchema).nullish().catch(null),
  author: authorSchema.nullish().catch(null),
})

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'invalid JSON'
    throw new AppError('parse_failed', `not a valid JSON Feed: ${reason}`, { cause: err })
  }
}

function toEntry(value: unknown, base: string, now: Date): FeedEntry | null {
  const parsed = jsonItemSchema.safeParse(value)
  if (!parsed.success) return null
  const item = parsed.data
  const id = item.id === null || item.id === undefined ? null : String(item.id)
  return buildEntry(
    {
      links: [item.url, item.external_url],
      guid: id,
      title: item.title ?? null,
      // content_text is already text; the longest body wins, so a short summary never shadows it.
      bodies: [item.content_html, item.content_text, item.summary],
      dates: [item.date_published, item.date_modified],
      base,
    },
    now,
  )
}

/** Parses a JSON Feed document. Throws AppError for invalid JSON or JSON that is not a feed. */
export function parseJsonFeed(text: string, feedUrl: string, now: Date): FeedDocument {
  const parsed = jsonFeedSchema.safeParse(parseJson(text))
  if (!parsed.success) {
    throw new AppError(
      'unsupported_input',
      'not a feed: JSON document without a JSON Feed items list',
    )
  }
  const feed = parsed.data
  if (feed.version !== undefined && !feed.version.includes('jsonfeed.org')) {
    throw new AppError(
      'unsupported_input',
      `not a feed: unknown JSON Feed version "${feed.version}"`,
    )
  }
  // Relative item URLs resolve against where the feed was fetched, not the self-declared feed_url.
  const base = feedUrl
  const title = cleanTitle(feed.title)
  const siteUrl = canonicalizeUrl(feed.home_page_url ?? '', base)
  const entries = feed.items
    .map((value) => toEntry(value, base, now))
    .filter((entry): entry is FeedEntry => entry !== null)
  return { kind: 'json', title, siteUrl, entries, ttlMinutes: null }
}
