// The Node HttpClient: undici's fetch over an Agent whose DNS lookup refuses blocked addresses.
// assertUrlAllowed checks a hostname before each request, but a hostile DNS server can answer
// that check with a public address and the connection's own lookup with 127.0.0.1 (DNS
// rebinding). Checking inside the lookup the socket actually uses closes that window.
import { lookup as dnsLookup } from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'
import { lookup as dnsLookupAll } from 'node:dns/promises'
import { Agent, fetch as undiciFetch } from 'undici'
import { AppError } from '../../core/errors.js'
import { PRIVATE_NETWORKS_HINT, blockReason } from '../../pipeline/fetch/ssrf.js'
import type { HttpClient } from '../../pipeline/fetch/types.js'

export interface NodeHttpClient extends HttpClient {
  /** Closes pooled keep-alive connections so a CLI process can exit promptly. */
  close(): Promise<void>
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

function blockedError(hostname: string, address: string, reason: string): AppError {
  return new AppError(
    'blocked_address',
    `refused to connect to ${hostname}: it resolves to ${address}, ${reason} ${PRIVATE_NETWORKS_HINT}`,
    { context: { host: hostname, address } },
  )
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
}

/** Net's lookup option, checking every address it returns (all of them, for happy eyeballs). */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '')
    for (const { address } of addresses) {
      const reason = blockReason(address)
      if (reason) return callback(blockedError(hostname, address, reason), '')
    }
    if (options.all) return callback(null, addresses)
    const first = addresses[0]
    // dns.lookup reports ENOTFOUND rather than an empty list; this only satisfies the types.
    if (!first) return callback(notFound(hostname), '')
    callback(null, first.address, first.family)
  })
}

export function createNodeHttpClient(opts: {
  allowPrivateNetworks: boolean
  connectTimeoutMs: number
}): NodeHttpClient {
  const agent = new Agent({
    connect: {
      timeout: opts.connectTimeoutMs,
      ...(opts.allowPrivateNetworks ? {} : { lookup: guardedLookup }),
    },
  })
  return {
    async fetch(url, init) {
      // undici's own fetch (not Node's bundled copy) so the dispatcher is the agent above; its
      // Request/Response types differ nominally from the DOM ones but are the same at runtime.
      const res = await undiciFetch(url, { ...(init as object), dispatcher: agent })
      return res as unknown as Response
    },
    async resolve(hostname) {
      const addresses = await dnsLookupAll(hostname, { all: true })
      return addresses.map((a) => a.address)
    },
    close: () => agent.close(),
  }
}
