import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors.js'
import {
  assertUrlAllowed,
  blockReason,
  isBlockedAddress,
} from '../../../src/pipeline/fetch/ssrf.js'

const BLOCKED = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.5', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['169.254.0.1', 'link-local'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['100.127.255.255', 'carrier-grade NAT'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['255.255.255.255', 'broadcast'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'link-local'],
  ['febf::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456::1', 'unique-local'],
  ['fd00:ec2::254', 'unique-local'],
  ['fec0::1', 'site-local'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['100::1', 'discard'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::127.0.0.1', 'loopback'],
  ['::ffff:0:a00:1', 'private'],
  ['64:ff9b::127.0.0.1', 'loopback'],
  ['64:ff9b::a9fe:a9fe', 'link-local'],
  ['64:ff9b:1::1', 'NAT64'],
  ['2002:7f00:1::', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
  ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'private'],
  ['', 'not a valid'],
  ['localhost', 'not a valid'],
  ['[::1]', 'not a valid'],
  ['1.2.3.4.5', 'not a valid'],
  ['fe80::zz', 'not a valid'],
] as const

const ALLOWED = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '11.0.0.1',
  '2606:4700:4700::1111',
  '2a00:1450:4001:82a::200e',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
]

describe('isBlockedAddress', () => {
  it.each(BLOCKED)('blocks %s (%s)', (ip, why) => {
    expect(isBlockedAddress(ip)).toBe(true)
    expect(blockReason(ip)).toContain(why)
  })

  it.each(ALLOWED)('allows %s', (ip) => {
    expect(isBlockedAddress(ip)).toBe(false)
    expect(blockReason(ip)).toBeNull()
  })
})

async function refusal(url: string, resolve?: (h: string) => Promise<string[]>) {
  const err = await assertUrlAllowed(url, { allowPrivateNetworks: false, resolve }).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof AppError)) throw new Error(`expected an AppError for ${url}, got ${err}`)
  return err
}

describe('assertUrlAllowed: URL forms', () => {
  it.each([
    'http://127.0.0.1/',
    'http://127.0.0.1:8080/feed',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://127.0.0.1./',
    'http://%31%32%37.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[0:0:0:0:0:ffff:7f00:1]/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/',
    'http://0/',
    'http://localhost/',
    'http://LOCALHOST./',
    'http://api.localhost:3000/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://printer.local/',
    'http://router.home.arpa/',
  ])('refuses %s', async (url) => {
    const err = await refusal(url)
    expect(err.code).toBe('blocked_address')
    expect(err.message).toMatch(/^refused to fetch .*SITREP_ALLOW_PRIVATE_NETWORKS=1/)
  })

  it('names the address and why for literals', async () => {
    const err = await refusal('http://2130706433/x')
    expect(err.message).toBe(
      'refused to fetch http://127.0.0.1/x: 127.0.0.1 is a loopback address ' +
        '(set SITREP_ALLOW_PRIVATE_NETWORKS=1 to allow)',
    )
  })

  it.each([
    'file:///etc/passwd',
    'ftp://example.com/',
    'gopher://x/',
    'javascript:alert(1)',
    'nope',
  ])('rejects %s as a bad request', async (url) => {
    expect((await refusal(url)).code).toBe('bad_request')
  })

  it('rejects credentials without echoing them', async () => {
    const err = await refusal('https://user:hunter2@example.com/feed')
    expect(err.code).toBe('bad_request')
    expect(err.message).not.toContain('hunter2')
  })

  it.each(['https://example.com/feed.xml', 'http://8.8.8.8/', 'http://[2606:4700::1111]/'])(
    'allows %s without a resolver',
    async (url) => {
      await expect(assertUrlAllowed(url, { allowPrivateNetworks: false })).resolves.toBeUndefined()
    },
  )

  it('allows every http(s) host when private networks are allowed, but not other schemes', async () => {
    const opts = { allowPrivateNetworks: true, resolve: async () => ['10.0.0.1'] }
    for (const url of ['http://127.0.0.1/', 'http://localhost:8080/', 'http://internal.example/']) {
      await expect(assertUrlAllowed(url, opts)).resolves.toBeUndefined()
    }
    await expect(assertUrlAllowed('file:///etc/passwd', opts)).rejects.toMatchObject({
      code: 'bad_request',
    })
  })
})

describe('assertUrlAllowed: resolved hostnames', () => {
  const dns = (table: Record<string, string[]>) => async (host: string) => {
    const found = table[host]
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    return found
  }
  const resolve = dns({
    x: ['10.0.0.5'],
    'feeds.example.com': ['93.184.216.34', '2606:2800:220:1::1'],
    'mixed.example.com': ['93.184.216.34', '127.0.0.1'],
    'mapped.example.com': ['::ffff:169.254.169.254'],
    'empty.example.com': [],
  })

  it('passes a host whose addresses are all public', async () => {
    await expect(
      assertUrlAllowed('https://feeds.example.com/rss', { allowPrivateNetworks: false, resolve }),
    ).resolves.toBeUndefined()
  })

  it('explains a private resolution', async () => {
    const err = await refusal('http://x/', resolve)
    expect(err.code).toBe('blocked_address')
    expect(err.message).toBe(
      'refused to fetch http://x/: x resolves to 10.0.0.5, a private address ' +
        '(set SITREP_ALLOW_PRIVATE_NETWORKS=1 to allow)',
    )
  })

  it('blocks when any one address is blocked', async () => {
    expect((await refusal('http://mixed.example.com/', resolve)).message).toContain('127.0.0.1')
    expect((await refusal('http://mapped.example.com/', resolve)).code).toBe('blocked_address')
  })

  it('reports DNS failure as fetch_failed', async () => {
    for (const url of ['http://nowhere.example/', 'http://empty.example.com/']) {
      const err = await refusal(url, resolve)
      expect(err.code).toBe('fetch_failed')
      expect(err.message).toContain('could not resolve host')
    }
  })
})
