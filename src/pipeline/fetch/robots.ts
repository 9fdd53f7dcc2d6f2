// robots.txt per RFC 9309, as pure functions: parse once, then answer "may sitrep fetch this
// path?" for many URLs. Patterns are compiled at parse time and the result is plain data, so a
// parsed file can be cached across crawl runs.

/** Our product token: the name robots.txt authors write in `User-agent:` lines. */
export const ROBOTS_PRODUCT_TOKEN = 'sitrep'

/** RFC 9309 2.5: crawlers may stop parsing after 500 KiB, which bounds work on hostile files. */
export const ROBOTS_MAX_CHARS = 500 * 1024

export interface RobotsRule {
  allow: boolean
  /** The normalised pattern split at `*`; every piece is literal. */
  pieces: string[]
  /** True when the pattern ended in `$`: the path must end where the pattern does. */
  anchored: boolean
  /** Octets in the normalised pattern: longer patterns are more specific and take precedence. */
  specificity: number
}

export interface RobotsGroup {
  /** Lower-cased product tokens, or `*`. */
  agents: string[]
  rules: RobotsRule[]
  crawlDelaySeconds: number | null
}

export interface RobotsRules {
  groups: RobotsGroup[]
  sitemaps: string[]
}

export function parseRobots(text: string): RobotsRules {
  const groups: RobotsGroup[] = []
  const sitemaps: string[] = []
  let current: RobotsGroup | null = null
  // Consecutive User-agent lines share one group; the first other group line closes the list.
  let collectingAgents = false
  for (const line of lines(text)) {
    const record = splitRecord(line)
    if (!record) continue
    const { key, value } = record
    if (key === 'user-agent') {
      if (!current || !collectingAgents) {
        current = { agents: [], rules: [], crawlDelaySeconds: null }
        groups.push(current)
      }
      collectingAgents = true
      const agent = agentToken(value)
      if (agent) current.agents.push(agent)
    } else if (key === 'sitemap') {
      // Sitemaps belong to the file, not to a group, and do not end the agent list.
      if (value) sitemaps.push(value)
    } else if (current && isGroupKey(key)) {
      collectingAgents = false
      addToGroup(current, key, value)
    }
    // Rules before the first User-agent line and unknown keys are ignored, as RFC 9309 2.2 says.
  }
  return { groups, sitemaps }
}

export function isAllowed(rules: RobotsRules, userAgent: string, pathWithQuery: string): boolean {
  const path = normalisePath(pathWithQuery || '/')
  // RFC 9309 2.2.2: /robots.txt itself is implicitly allowed.
  if (path === '/robots.txt') return true
  let best: RobotsRule | null = null
  for (const group of groupsFor(rules, userAgent)) {
    for (const rule of group.rules) {
      if (!matches(rule, path)) continue
      const better =
        !best ||
        rule.specificity > best.specificity ||
        (rule.specificity === best.specificity && rule.allow && !best.allow)
      if (better) best = rule
    }
  }
  return best ? best.allow : true
}

/** The group's `Crawl-delay` in seconds (not in RFC 9309, but widely published), or null. */
export function crawlDelaySeconds(rules: RobotsRules, userAgent: string): number | null {
  const delays = groupsFor(rules, userAgent)
    .map((g) => g.crawlDelaySeconds)
    .filter((d): d is number => d !== null)
  return delays.length ? Math.max(...delays) : null
}

/**
 * The groups that apply to a crawler: every group naming its product token (RFC 9309 2.2.1 says
 * matching groups are combined), else every `*` group, else none (everything allowed).
 */
function groupsFor(rules: RobotsRules, userAgent: string): RobotsGroup[] {
  const token = productToken(userAgent)
  const own = rules.groups.filter((g) => token !== '' && g.agents.includes(token))
  return own.length ? own : rules.groups.filter((g) => g.agents.includes('*'))
}

function* lines(text: string): Generator<string> {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (body.length > ROBOTS_MAX_CHARS) {
    // Drop the line the cap cut through: half a rule could mean something else entirely.
    body = body.slice(0, ROBOTS_MAX_CHARS)
    body = body.slice(0, Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r'), 0))
  }
  yield* body.split(/\r\n|\r|\n/)
}

function splitRecord(line: string): { key: string; value: string } | null {
  const hash = line.indexOf('#')
  const content = hash === -1 ? line : line.slice(0, hash)
  const colon = content.indexOf(':')
  if (colon === -1) return null
  const key = content.slice(0, colon).trim().toLowerCase()
  return key ? { key, value: content.slice(colon + 1).trim() } : null
}

function isGroupKey(key: string): boolean {
  return key === 'allow' || key === 'disallow' || key === 'crawl-delay'
}

function addToGroup(group: RobotsGroup, key: string, value: string): void {
  if (key === 'crawl-delay') {
    const seconds = Number(value)
    if (value !== '' && Number.isFinite(seconds) && seconds >= 0) {
      group.crawlDelaySeconds = Math.max(group.crawlDelaySeconds ?? 0, seconds)
    }
    return
  }
  // An empty Disallow allows everything and an empty Allow says nothing: neither is a rule.
  if (value) group.rules.push(compileRule(key === 'allow', value))
}

/** `*` for the wildcard group, else the leading product token ("SiteBot/2.1" -> "sitebot"). */
function agentToken(value: string): string | null {
  if (value.startsWith('*')) return '*'
  return productToken(value) || null
}

function productToken(value: string): string {
  return (/^[A-Za-z_-]+/.exec(value.trim())?.[0] ?? '').toLowerCase()
}

function compileRule(allow: boolean, raw: string): RobotsRule {
  // Paths always start with "/", so a pattern without one ("private/") could never match; the
  // author evidently meant it from the root.
  const pattern = raw.startsWith('/') || raw.startsWith('*') ? raw : `/${raw}`
  const anchored = pattern.endsWith('$')
  const body = anchored ? pattern.slice(0, -1) : pattern
  const pieces = body.split('*').map(normalisePath)
  const specificity = pieces.reduce((n, p) => n + p.length, 0) + pieces.length - 1
  return { allow, pieces, anchored, specificity: specificity + (anchored ? 1 : 0) }
}

/** Glob match: the first piece is a prefix, the rest appear in order, `$` pins the end. */
function matches(rule: RobotsRule, path: string): boolean {
  const [first = '', ...rest] = rule.pieces
  if (!path.startsWith(first)) return false
  let pos = first.length
  const last = rest.pop()
  if (last === undefined) return !rule.anchored || pos === path.length
  for (const piece of rest) {
    const at = path.indexOf(piece, pos)
    if (at === -1) return false
    pos = at + piece.length
  }
  if (rule.anchored) return path.length - last.length >= pos && path.endsWith(last)
  return path.indexOf(last, pos) !== -1
}

const UNRESERVED = /[A-Za-z0-9\-._~]/
const HEX = /^[0-9A-Fa-f]{2}$/

/**
 * One spelling for equivalent octets (RFC 9309 2.2.2 with RFC 3986 6.2.2): percent-escapes of
 * unreserved characters are decoded, other escapes get upper-case hex, and non-ASCII, spaces
 * and controls are percent-encoded as UTF-8. Reserved characters keep their form, since "/" and
 * "%2F" are different paths.
 */
function normalisePath(s: string): string {
  const encoder = new TextEncoder()
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string
    const hex = s.slice(i + 1, i + 3)
    if (ch === '%' && HEX.test(hex)) {
      const decoded = String.fromCharCode(parseInt(hex, 16))
      out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`
      i += 2
    } else if (ch > ' ' && ch < '\x7f') {
      out += ch
    } else {
      const cp = s.codePointAt(i) ?? 0
      if (cp > 0xffff) i++
      for (const b of encoder.encode(String.fromCodePoint(cp))) out += `%${hex2(b)}`
    }
  }
  return out
}

function hex2(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0')
}
