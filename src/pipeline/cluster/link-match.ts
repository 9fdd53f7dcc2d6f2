// Finding an incident's entities in a sentence, and how central an entity is to an incident.
// Centrality decides which incident a shared name belongs to: "LiteLLM" is in every Mercor
// article, but it is in the LiteLLM incident's title as well, so a Mercor sentence naming
// LiteLLM points at the LiteLLM incident and never the other way round.
import { isGenericName } from './link-cues.js'
import type { LinkEntity, LinkIncident } from './links.js'

export interface Span {
  start: number
  end: number
}

interface Matcher {
  exact: RegExp | null
  loose: RegExp | null
  /** Lower-cased forms: a text containing none of them cannot match, so no regex runs. */
  needles: string[]
}

/** Names shorter than this are too ambiguous to match in free text. */
const MIN_FORM = 3
/** Share of an incident's articles naming an entity for it to be one of the incident's own. */
export const KEY_SHARE = 0.5
/** Per article naming an entity, up to the cap (other incidents load only a few articles). */
const COVERAGE_WEIGHT = 0.01
const COVERAGE_CAP = 5

/** Per-call caches: built inside `detectLinks`, never shared between calls. */
export interface MatchContext {
  matchers: Map<string, Matcher>
  centrality: Map<string, number>
  keys: Map<string, LinkEntity[]>
  lower: Map<string, string>
  /** incident id -> the text of each of its articles (its sentences joined). */
  texts: Map<string, string[]>
  /** incident id -> ids of the entities it names as its own cause (see link-cause.ts). */
  causes: Map<string, Set<string>>
}

export function matchContext(): MatchContext {
  return {
    matchers: new Map(),
    centrality: new Map(),
    keys: new Map(),
    lower: new Map(),
    texts: new Map(),
    causes: new Map(),
  }
}

export function isGeneric(e: LinkEntity): boolean {
  return isGenericName(e.name) || (e.aliases ?? []).some(isGenericName)
}

/** Where the entity's name or one of its aliases occurs in `text`. */
export function entitySpans(ctx: MatchContext, e: LinkEntity, text: string): Span[] {
  const m = matcherOf(ctx, e)
  const lower = lowerOf(ctx, text)
  if (!m.needles.some((n) => lower.includes(n))) return []
  const spans: Span[] = []
  for (const re of [m.exact, m.loose]) {
    if (!re) continue
    for (const hit of text.matchAll(re)) {
      spans.push({ start: hit.index, end: hit.index + hit[0].length })
    }
  }
  return spans.sort((a, b) => a.start - b.start)
}

export function mentions(ctx: MatchContext, e: LinkEntity, text: string): boolean {
  return entitySpans(ctx, e, text).length > 0
}

/**
 * 1 when the incident's title names the entity, plus the share of its articles that do, plus a
 * little for each such article. An incident without sentences counts every entity as
 * half-central.
 */
export function centrality(ctx: MatchContext, e: LinkEntity, inc: LinkIncident): number {
  const key = `${inc.id}\u0000${e.id}`
  const cached = ctx.centrality.get(key)
  if (cached !== undefined) return cached
  const inTitle = mentions(ctx, e, inc.title) ? 1 : 0
  const texts = articleTexts(ctx, inc)
  const naming = texts.filter((t) => mentions(ctx, e, t)).length
  // The article count breaks ties in favour of the wider story: the MOVEit campaign, with
  // dozens of articles, owns "MOVEit" over one victim's disclosure that also headlines it.
  const share = texts.length === 0 ? KEY_SHARE : naming / texts.length
  const value = inTitle + share + COVERAGE_WEIGHT * Math.min(naming, COVERAGE_CAP)
  ctx.centrality.set(key, value)
  return value
}

/** The incident's own entities: not generic, and in its title or in half of its articles. */
export function keyEntities(ctx: MatchContext, inc: LinkIncident): LinkEntity[] {
  const cached = ctx.keys.get(inc.id)
  if (cached) return cached
  const keys = inc.entities
    .filter((e) => !isGeneric(e) && centrality(ctx, e, inc) >= KEY_SHARE)
    .sort((a, b) => a.id.localeCompare(b.id))
  ctx.keys.set(inc.id, keys)
  return keys
}

function matcherOf(ctx: MatchContext, e: LinkEntity): Matcher {
  const cached = ctx.matchers.get(e.id)
  if (cached) return cached
  const forms = [...new Set([e.name, ...(e.aliases ?? [])].map((f) => f.trim()))]
    .filter((f) => f.length >= MIN_FORM)
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
  const m = {
    exact: alternation(
      forms.filter((f) => !isLoose(f)),
      'gu',
    ),
    loose: alternation(forms.filter(isLoose), 'giu'),
    needles: forms.map((f) => f.toLowerCase()),
  }
  ctx.matchers.set(e.id, m)
  return m
}

function articleTexts(ctx: MatchContext, inc: LinkIncident): string[] {
  const cached = ctx.texts.get(inc.id)
  if (cached) return cached
  const byArticle = new Map<string, string[]>()
  for (const s of inc.sentences)
    byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), s.text])
  const texts = [...byArticle.values()].map((parts) => parts.join('\n'))
  ctx.texts.set(inc.id, texts)
  return texts
}

/** Each article's headline and first sentence: what the story is about. */
export function leads(ctx: MatchContext, inc: LinkIncident): string[] {
  const key = `lead\u0000${inc.id}`
  const cached = ctx.texts.get(key)
  if (cached) return cached
  const seen = new Map<string, number>()
  const out: string[] = []
  for (const s of inc.sentences) {
    const n = seen.get(s.articleId) ?? 0
    if (n < 2) out.push(s.text)
    seen.set(s.articleId, n + 1)
  }
  ctx.texts.set(key, out)
  return out
}

function lowerOf(ctx: MatchContext, text: string): string {
  let lower = ctx.lower.get(text)
  if (lower === undefined) {
    lower = text.toLowerCase()
    ctx.lower.set(text, lower)
  }
  return lower
}

/**
 * Forms matched without regard to case: package-like (litellm), brand-like with inner capitals
 * (LiteLLM, TeamPCP) and anything with digits (CVE ids, versions). Plain words keep their case so
 * that "Delve" the company is not "delve" the verb.
 */
function isLoose(form: string): boolean {
  return /\d/u.test(form) || /\p{Ll}\p{Lu}/u.test(form) || form === form.toLowerCase()
}

function alternation(forms: string[], flags: string): RegExp | null {
  if (forms.length === 0) return null
  const body = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags)
}
