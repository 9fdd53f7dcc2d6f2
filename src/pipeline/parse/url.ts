// URL canonicalisation. Article ids are hashes of the canonical URL (core/ids.ts), so two links to
// the same story must come out byte-identical here, whatever tracking junk or port noise they carry.

/** Query parameters that only identify a campaign or a click, never the resource. */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'twclid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref',
  'ref_src',
  'ref_url',
  'cmpid',
  'ncid',
  'sr_share',
  'ocid',
  'igshid',
  'yclid',
  'spm',
  'ito',
  'icid',
  '__twitter_impression',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  '_ga',
  '_gl',
])

function isTrackingParam(key: string): boolean {
  const k = key.toLowerCase()
  return k.startsWith('utm_') || TRACKING_PARAMS.has(k)
}

function decodeKey(part: string): string {
  const raw = part.split('=', 1)[0] ?? ''
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return raw
  }
}

/**
 * Filters and sorts the query by key. Pairs keep their original encoding (re-encoding could break
 * signed URLs), and values of a repeated key keep their order because the sort is stable.
 */
function canonicalQuery(search: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !isTrackingParam(decodeKey(part)))
    .map((part) => ({ key: decodeKey(part), part }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return kept.length > 0 ? `?${kept.map((p) => p.part).join('&')}` : ''
}

function tryUrl(raw: string, base?: string): URL | null {
  try {
    return new URL(raw, base)
  } catch {
    return null
  }
}

/**
 * The canonical form of an http(s) URL, resolved against `base` when relative; null for anything
 * else (mailto:, javascript:, garbage). Path case is kept: paths are case-sensitive on most servers.
 */
export function canonicalizeUrl(raw: string, base?: string): string | null {
  const trimmed = raw.trim()
  if (trimmed === '') return null
  const baseUrl = base === undefined ? undefined : (tryUrl(base)?.href ?? undefined)
  const url = tryUrl(trimmed, baseUrl)
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null
  if (url.hostname === '') return null
  // WHATWG URL already lower-cases scheme and host and drops default ports.
  url.hostname = url.hostname.replace(/\.$/, '')
  url.hash = ''
  url.pathname = url.pathname.replace(/\/{2,}/g, '/')
  url.search = canonicalQuery(url.search)
  return url.href.replace(/\?$/, '')
}

/** The host of a URL without a leading `www.` (port kept when non-default); null if unparsable. */
export function hostOf(url: string): string | null {
  const parsed = tryUrl(url.trim())
  if (parsed === null || parsed.host === '') return null
  return parsed.host.toLowerCase().replace(/^www\./, '')
}
