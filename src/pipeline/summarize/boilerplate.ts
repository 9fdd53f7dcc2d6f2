// Feed and page furniture that must never reach a summary or a timeline: syndication footers,
// calls to action, bylines, "related" blocks. Patterns come from the outlets sitrep reads most.

/** Footers that feeds append to every item; everything from the marker on is dropped. */
const FOOTERS: RegExp[] = [
  /\s*The post\s.{3,300}?\sappeared first on\s[^.]{2,60}\s?\.?\s*$/su,
  /\s*This is a post from \S+ Read the original post:.*$/su,
  /\s*(?:Read the original post|Read more|Continue reading)\b[^.]*\.?\s*$/su,
]

const TRUNCATION = /\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*$/u

const BOILERPLATE: RegExp[] = [
  /\bclick here\b/i,
  /\bsubscribe\b/i,
  /\bsign up\b/i,
  /\bnewsletter\b/i,
  /\beditorial summary\b/i,
  /^(?:related|recommended|see also|also read|read also|don[’']t miss|more from)\b/i,
  /\bread (?:more|the original|the full)\b/i,
  /\bappeared first on\b/i,
  /\bthis is a post from\b/i,
  /\bfollow us\b/i,
  /\bshare (?:this (?:article|story|post)|on (?:facebook|twitter|linkedin|x)\b)/i,
  /\ball rights reserved\b/i,
  /^(?:advertisement|sponsored(?: content| post)?)\b/i,
  /\bsponsored (?:content|post|by)\b/i,
  /^(?:photo|image|credit|source|via|updated?|editor['’]s note)\s*[:|]/i,
  /^(?:written |reported )?by\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,2}(?:\s*[,|].*)?$/u,
  /\b(?:join us|register now|download our|learn more|webinar)\b/i,
  /\b(?:file photo|photo taken|pictured)\b/i,
]

/** Leading bylines that feeds glue onto the first sentence ("By Deeba Ahmed The hacker …"). */
const BYLINES: RegExp[] = [
  /^\s*By\s+[^.\n]{1,40}?\s+Key Findings\s+/u,
  /^\s*By\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\p{L}*\b)\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+(?=\p{Lu})/u,
]

/** A complete last sentence followed by a feed's "[...]" marker: the marker is just a link. */
const TRAILING_MORE = /([.!?]["'”’)]?)\s*\[\s*(?:\.\.\.|…)\s*\]\s*$/u

/**
 * Strips what feeds wrap around the prose: "The post … appeared first on SecurityWeek." footers,
 * leading bylines and a "[...]" after a finished sentence.
 */
export function stripFeedFurniture(text: string): string {
  let out = text
  for (const re of FOOTERS) out = out.replace(re, '')
  for (const re of BYLINES) out = out.replace(re, '')
  return out.replace(TRAILING_MORE, '$1')
}

export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE.some((re) => re.test(sentence))
}

/** True when a feed cut the sentence off ("… a cyberattack disrupted […]"). */
export function isTruncated(sentence: string): boolean {
  return TRUNCATION.test(sentence)
}

/** Normalises a feed's cut-off marker to a plain ellipsis. */
export function markTruncation(sentence: string): string {
  return isTruncated(sentence) ? `${sentence.replace(TRUNCATION, '').trim()}…` : sentence
}
