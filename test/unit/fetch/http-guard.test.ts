// SSRF rails around fetchResource with private networks disallowed: redirects into private
// space, and DNS rebinding (the pre-check sees a public address, the connection a loopback one).
import type * as Dns from 'node:dns'
import type * as DnsPromises from 'node:dns/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../src/core/errors.js'
import { fetchResource } from '../../../src/pipeline/fetch/http.js'
import type { FetchOptions, HttpClient } from '../../../src/pipeline/fetch/types.js'
import { createNodeHttpClient } from '../../../src/platform/node/http-client.js'
import { startServer } from './local-server.js'
import type { LocalServer } from './local-server.js'

// A resolver that lies: `rebind.test` is public for the pre-check (dns/promises) but loopback
// for the socket's own lookup (callback dns). Every other name goes to the real functions.
vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof Dns>()
  const lookup = (host: string, options: object, cb: (...args: unknown[]) => void) => {
    if (host !== 'rebind.test') return real.lookup(host, options, cb)
    cb(null, [{ address: '127.0.0.1', family: 4 }])
  }
  return { ...real, default: { ...real, lookup }, lookup }
})
vi.mock('node:dns/promises', async (importOriginal) => {
  const real = await importOriginal<typeof DnsPromises>()
  const lookup = async (host: string, options: object) =>
    host === 'rebind.test' ? [{ address: '93.184.216.34', family: 4 }] : real.lookup(host, options)
  return { ...real, default: { ...real, lookup }, lookup }
})

const strictOpts: FetchOptions = {
  timeoutMs: 5000,
  maxBytes: 100_000,
  allowPrivateNetworks: false,
  userAgent: 'sitrep-test/1.0',
}

async function failure(client: HttpClient, url: string): Promise<AppError> {
  const err = await fetchResource(client, url, strictOpts).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`)
  return err
}

/** A client that answers from a table and never opens a socket. */
function fakeClient(dns: Record<string, string[]>, responses: Record<string, () => Response>) {
  const requested: string[] = []
  const client: HttpClient = {
    async fetch(url) {
      requested.push(url)
      const make = responses[url]
      if (!make) throw new Error(`fake client has no response for ${url}`)
      return make()
    },
    async resolve(host) {
      return dns[host] ?? []
    },
  }
  return { client, requested }
}

const redirect = (location: string) => () =>
  new Response(null, { status: 302, headers: { location } })

describe('redirects into private space', () => {
  const dns = { 'feeds.example.com': ['93.184.216.34'], 'cdn.example.net': ['10.0.0.7'] }

  it('refuses a redirect from a public host to 127.0.0.1 before requesting it', async () => {
    const { client, requested } = fakeClient(dns, {
      'https://feeds.example.com/rss': redirect('http://127.0.0.1:8080/admin'),
    })
    const err = await failure(client, 'https://feeds.example.com/rss')
    expect(err.code).toBe('blocked_address')
    expect(err.message).toContain('http://127.0.0.1:8080/admin')
    expect(requested).toEqual(['https://feeds.example.com/rss'])
  })

  it('refuses a redirect to a hostname that resolves privately', async () => {
    const { client, requested } = fakeClient(dns, {
      'https://feeds.example.com/rss': redirect('//cdn.example.net/rss'),
    })
    const err = await failure(client, 'https://feeds.example.com/rss')
    expect(err.message).toContain('cdn.example.net resolves to 10.0.0.7, a private address')
    expect(requested).toHaveLength(1)
  })

  it('follows a redirect between public hosts', async () => {
    const { client, requested } = fakeClient(
      { ...dns, 'www.example.org': ['2606:2800:220:1::1'] },
      {
        'https://feeds.example.com/rss': redirect('https://www.example.org/feed'),
        'https://www.example.org/feed': () => new Response('<rss/>', { status: 200 }),
      },
    )
    const r = await fetchResource(client, 'https://feeds.example.com/rss', strictOpts)
    expect(r.url).toBe('https://www.example.org/feed')
    expect(requested).toHaveLength(2)
  })
})

describe('deadline', () => {
  it('also bounds a DNS lookup that never answers', async () => {
    const client: HttpClient = {
      fetch: async () => new Response('never'),
      resolve: () => new Promise<string[]>(() => {}),
    }
    const url = 'https://slow-dns.example.com/rss'
    const err = await fetchResource(client, url, { ...strictOpts, timeoutMs: 100 }).catch((e) => e)
    expect(err).toMatchObject({
      code: 'fetch_failed',
      message: `timed out after 100 ms fetching ${url}`,
    })
  })
})

describe('connect-time address check (DNS rebinding)', () => {
  let server: LocalServer
  const strict = createNodeHttpClient({ allowPrivateNetworks: false, connectTimeoutMs: 2000 })
  beforeAll(async () => {
    server = await startServer((_req, res) => res.end('secret'))
  })
  afterAll(async () => {
    await strict.close()
    await server.close()
  })

  it('passes the pre-check but refuses the connection', async () => {
    await expect(strict.resolve?.('rebind.test')).resolves.toEqual(['93.184.216.34'])
    const err = await failure(strict, `http://rebind.test:${server.port}/`)
    expect(err.code).toBe('blocked_address')
    expect(err.message).toContain('rebind.test: it resolves to 127.0.0.1, a loopback address')
    expect(server.seen).toHaveLength(0)
  })

  it('guards raw client.fetch too', async () => {
    const err = await strict.fetch(`http://rebind.test:${server.port}/`, {}).catch((e) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as Error).cause).toMatchObject({ code: 'blocked_address' })
    expect(server.seen).toHaveLength(0)
  })
})
