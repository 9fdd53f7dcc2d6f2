// SSRF guard. Pure (ipaddr.js + WHATWG URL only) so it runs on Node and Workers alike.
// Policy is an allowlist: only global unicast passes, so any special-purpose range ipaddr.js
// knows about (and any future one it adds) is refused by default, and so is anything unparseable.
import ipaddr from 'ipaddr.js'
import { AppError } from '../../core/errors.js'

type IPv4 = ipaddr.IPv4
type IPv6 = ipaddr.IPv6

export const PRIVATE_NETWORKS_HINT = '(set SITREP_ALLOW_PRIVATE_NETWORKS=1 to allow)'

const V4_REASONS: Record<string, string> = {
  unspecified: 'an unspecified (0.0.0.0/8) address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (the range of cloud metadata endpoints)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  reserved: 'a reserved address',
}

const V6_REASONS: Record<string, string> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local (private) address',
  multicast: 'a multicast address',
  deprecatedSiteLocal: 'a site-local (private) address',
  rfc6052: 'a local-use NAT64 address',
  reserved: 'a reserved address',
}

// Names that never denote a public host: loopback aliases, cloud metadata, and TLDs reserved
// for private use (.internal, .local mDNS, .home.arpa) that public DNS will never answer.
const BLOCKED_NAMES = new Set(['metadata', 'instance-data', 'ip6-localhost', 'ip6-loopback'])
const BLOCKED_SUFFIXES = ['localhost', 'localdomain', 'internal', 'local', 'home.arpa']

function v4Reason(addr: IPv4): string | null {
  const range = addr.range()
  if (range === 'unicast') return null
  return V4_REASONS[range] ?? `a special-purpose (${range}) address`
}

function v4FromParts(hi: number, lo: number): IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff])
}

/** The IPv4 address an IPv6 address tunnels to, for the forms that embed one. */
function embeddedV4(addr: IPv6, range: string): IPv4 | null {
  const p = addr.parts as [number, number, number, number, number, number, number, number]
  const nat64 = addr.match(ipaddr.IPv6.parse('64:ff9b::'), 96)
  const compat = p.slice(0, 6).every((x) => x === 0)
  if (range === 'ipv4Mapped' || range === 'rfc6145' || nat64 || (range === 'unicast' && compat)) {
    return v4FromParts(p[6], p[7])
  }
  if (range === '6to4') return v4FromParts(p[1], p[2])
  // Teredo stores the client's IPv4 address bit-inverted in the last 32 bits.
  if (range === 'teredo') return v4FromParts(~p[6] & 0xffff, ~p[7] & 0xffff)
  return null
}

function v6Reason(addr: IPv6): string | null {
  const range: string = addr.range()
  const v4 = embeddedV4(addr, range)
  if (v4) {
    const reason = v4Reason(v4)
    return reason && `${reason} (${v4.toString()} embedded in IPv6)`
  }
  if (range === 'unicast') return null
  return V6_REASONS[range] ?? `a special-purpose (${range}) address`
}

/** Why an IP address must not be fetched, as "a private address" etc., or null if it is public. */
export function blockReason(ip: string): string | null {
  let addr: IPv4 | IPv6
  try {
    addr = ipaddr.parse(ip)
  } catch {
    return 'not a valid IP address'
  }
  return addr.kind() === 'ipv4' ? v4Reason(addr as IPv4) : v6Reason(addr as IPv6)
}

export function isBlockedAddress(ip: string): boolean {
  return blockReason(ip) !== null
}

function isBlockedName(host: string): boolean {
  const name = host.replace(/\.+$/, '')
  if (BLOCKED_NAMES.has(name)) return true
  return BLOCKED_SUFFIXES.some((s) => name === s || name.endsWith(`.${s}`))
}

/** WHATWG URL has already turned 2130706433, 0x7f.1 etc. into dotted quads, so this suffices. */
function literalAddress(hostname: string): string | null {
  if (hostname.startsWith('[') && hostname.endsWith(']')) return hostname.slice(1, -1)
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) ? hostname : null
}

function parseHttpUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppError('bad_request', `invalid URL: ${url}`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError(
      'bad_request',
      `refused to fetch ${url}: only http and https URLs are allowed`,
    )
  }
  if (parsed.username || parsed.password) {
    // Never echo the password back into logs or API errors.
    const redacted = new URL(parsed.href)
    redacted.username = ''
    redacted.password = ''
    throw new AppError(
      'bad_request',
      `refused to fetch ${redacted.href}: URLs with credentials are not allowed`,
    )
  }
  return parsed
}

function blocked(href: string, what: string, reason: string, context: Record<string, unknown>) {
  return new AppError(
    'blocked_address',
    `refused to fetch ${href}: ${what} ${reason} ${PRIVATE_NETWORKS_HINT}`,
    { context: { url: href, ...context } },
  )
}

async function resolveHost(
  href: string,
  host: string,
  resolve: (host: string) => Promise<string[]>,
): Promise<string[]> {
  let addresses: string[]
  try {
    addresses = await resolve(host)
  } catch (err) {
    throw new AppError('fetch_failed', `could not resolve host ${host} (fetching ${href})`, {
      cause: err,
      context: { url: href, host },
    })
  }
  if (addresses.length === 0) {
    throw new AppError('fetch_failed', `could not resolve host ${host} (fetching ${href})`, {
      context: { url: href, host },
    })
  }
  return addresses
}

/**
 * Throws unless `url` is an http(s) URL without credentials whose host is not (and does not
 * resolve to) a non-public address. Scheme and credential rules apply even when private
 * networks are allowed; only the address checks are skipped then.
 */
export async function assertUrlAllowed(
  url: string,
  opts: { allowPrivateNetworks: boolean; resolve?: (host: string) => Promise<string[]> },
): Promise<void> {
  const parsed = parseHttpUrl(url)
  if (opts.allowPrivateNetworks) return
  const { href, hostname } = parsed
  const literal = literalAddress(hostname)
  if (literal !== null) {
    const reason = blockReason(literal)
    if (reason) throw blocked(href, `${hostname} is`, reason, { address: literal })
    return
  }
  if (isBlockedName(hostname)) {
    throw blocked(href, hostname, 'is a local-only hostname', { host: hostname })
  }
  if (!opts.resolve) return
  for (const ip of await resolveHost(href, hostname, opts.resolve)) {
    const reason = blockReason(ip)
    if (reason) {
      throw blocked(href, `${hostname} resolves to ${ip},`, reason, { host: hostname, address: ip })
    }
  }
}
