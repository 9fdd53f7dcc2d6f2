// Entry point for feed documents: routes XML and JSON Feed to their parsers and turns inputs that
// are not feeds at all (an HTML page behind a feed URL, JSON Lines) into clear AppErrors.
import { AppError } from '../../core/errors.js'
import { detectInputKind, stripBom } from './detect.js'
import { toParsedFeed, type FeedDocument, type ParsedFeed } from './feed-item.js'
import { parseJsonFeed } from './json-feed.js'
import { parseXmlFeed } from './xml-feed.js'

export { toParsedFeed } from './feed-item.js'
export type { FeedDocument, FeedEntry, ParsedFeed } from './feed-item.js'

/**
 * Every entry of an RSS, RSS 1.0 (RDF), Atom or JSON Feed document fetched from `feedUrl`, in
 * document order, including entries without a usable URL. Relative links resolve against
 * `feedUrl`. Every failure is an AppError: 'unsupported_input' when the document is not a feed,
 * 'parse_failed' when it is broken.
 */
export async function parseFeedDocument(
  text: string,
  feedUrl: string,
  now: Date,
): Promise<FeedDocument> {
  const body = stripBom(text)
  if (body === '') throw new AppError('parse_failed', 'not a valid RSS/Atom feed: empty document')
  const kind = detectInputKind(body)
  if (kind === 'html')
    throw new AppError('unsupported_input', 'not a feed: looks like an HTML page')
  if (kind === 'jsonl') throw new AppError('unsupported_input', 'not a feed: looks like JSON Lines')
  if (body.startsWith('{')) return parseJsonFeed(body, feedUrl, now)
  return parseXmlFeed(body, feedUrl, now)
}

/** Parses a feed document for ingest: items without a usable http(s) URL are skipped. */
export async function parseFeed(text: string, feedUrl: string, now: Date): Promise<ParsedFeed> {
  return toParsedFeed(await parseFeedDocument(text, feedUrl, now), feedUrl)
}
