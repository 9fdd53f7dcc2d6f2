import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors.js'
import { parseFeed } from '../../../src/pipeline/parse/feed.js'
import { fixture } from './fixture.js'

const now = new Date('2024-05-20T00:00:00Z')
const feedUrl = 'https://www.example-sec.test/feed/'

async function parseError(text: string): Promise<AppError> {
  const err: unknown = await parseFeed(text, feedUrl, now).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(AppError)
  return err as AppError
}

describe('parseFeed: RSS 2.0', () => {
  it('reads channel metadata and ttl', async () => {
    const feed = await parseFeed(fixture('rss2.xml'), feedUrl, now)
    expect(feed).toMatchObject({
      kind: 'rss',
      title: 'Example Security & Threat News',
      siteUrl: 'https://www.example-sec.test/',
      ttlMinutes: 30,
    })
  })

  it('prefers content:encoded, strips HTML and canonicalizes links', async () => {
    const [first] = (await parseFeed(fixture('rss2.xml'), feedUrl, now)).items
    expect(first).toEqual({
      url: 'https://www.example-sec.test/2024/05/acme-vpn-zero-day/',
      title: 'Acme VPN zero-day exploited in the wild',
      published: '2024-05-14T07:30:00.000Z',
      text:
        'Attackers are exploiting CVE-2024-0001 in Acme VPN appliances.\n\n' +
        'The vendor released a patch on Monday. Customers should update now.\n\n' +
        'Upgrade to 9.1.2\nRotate credentials',
      guid: 'example-sec-1001',
      source: 'Example Security & Threat News',
    })
  })

  it('resolves relative links, reads dc:date and decodes escaped HTML descriptions', async () => {
    const item = (await parseFeed(fixture('rss2.xml'), feedUrl, now)).items[1]
    expect(item).toMatchObject({
      url: 'https://www.example-sec.test/2024/05/relative-story',
      published: '2024-05-13T08:00:00.000Z',
      text: 'Escaped HTML description & entities.',
    })
  })

  it('uses a permalink guid as URL and text as title fallback; skips items without a URL', async () => {
    const { items } = await parseFeed(fixture('rss2.xml'), feedUrl, now)
    expect(items.map((i) => i.url)).not.toContain(expect.stringContaining('not-a-url'))
    expect(items).toHaveLength(4)
    const guidOnly = items[2]
    expect(guidOnly?.url).toBe('https://www.example-sec.test/2024/05/guid-only')
    expect(guidOnly?.title).toMatch(/^An item with neither title nor link .*…$/)
    expect(guidOnly?.title.length).toBeLessThanOrEqual(81)
    expect(guidOnly?.published).toBe('2024-05-13T12:00:00.000Z')
  })

  it('clamps a scheduled post dated in the future to now', async () => {
    const { items } = await parseFeed(fixture('rss2.xml'), feedUrl, now)
    expect(items[3]?.published).toBe(now.toISOString())
  })
})

describe('parseFeed: Atom and RDF', () => {
  it('parses Atom 1.0: alternate link, xml:base, xhtml content, published before updated', async () => {
    const feed = await parseFeed(fixture('atom.xml'), feedUrl, now)
    expect(feed).toMatchObject({
      kind: 'atom',
      title: 'Threat Lab Blog',
      siteUrl: 'https://blog.example.test/',
    })
    expect(feed.items[0]).toEqual({
      url: 'https://blog.example.test/posts/leak?page=2',
      title: 'Ransomware gang leaks data',
      published: '2024-05-14T12:15:00.000Z',
      text: 'The gang published 2 TB of files.\n\nVictims were notified.',
      guid: 'tag:blog.example.test,2024:post-7',
      source: 'Threat Lab Blog',
    })
    expect(feed.items[1]).toMatchObject({
      published: '2024-05-12T12:00:00.000Z',
      text: 'Escaped HTML content.',
    })
  })

  it('parses Atom 0.3 (issued, escaped content)', async () => {
    const feed = await parseFeed(fixture('atom03.xml'), feedUrl, now)
    expect(feed.kind).toBe('atom')
    expect(feed.items[0]).toMatchObject({
      url: 'http://old.example.test/2004/01/entry',
      published: '2004-01-01T19:48:21.000Z',
      text: 'Old style content.',
    })
  })

  it('parses RSS 1.0 (RDF) with the syndication module as ttl', async () => {
    const feed = await parseFeed(fixture('rdf.xml'), feedUrl, now)
    expect(feed).toMatchObject({ kind: 'rdf', title: 'RDF Advisories', ttlMinutes: 360 })
    expect(feed.items).toEqual([
      {
        url: 'http://rdf.example.test/adv/1',
        title: 'Advisory 1: buffer overflow',
        published: '2024-05-10T06:00:00.000Z',
        text: 'A buffer overflow in the parser.',
        guid: null,
        source: 'RDF Advisories',
      },
    ])
  })
})

describe('parseFeed: JSON Feed', () => {
  it('parses JSON Feed 1.1 items, skipping ones without a URL', async () => {
    const feed = await parseFeed(fixture('feed.json'), feedUrl, now)
    expect(feed).toMatchObject({
      kind: 'json',
      title: 'JSON & Friends',
      siteUrl: 'https://json.example.test/',
    })
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://json.example.test/posts/1',
      'https://json.example.test/posts/2',
      'https://elsewhere.test/story',
    ])
    expect(feed.items[0]).toMatchObject({
      title: 'First post',
      text: 'Hello world.\n\nSecond paragraph.',
      published: '2024-05-01T08:00:00.000Z',
    })
    expect(feed.items[1]?.published).toBe('2024-05-02T00:00:00.000Z')
  })

  it('rejects JSON that is not a feed and broken JSON with clear errors', async () => {
    expect((await parseError('{"hello": "world"}')).code).toBe('unsupported_input')
    const broken = await parseError('{"version": "https://jsonfeed.org/version/1.1", "items": [')
    expect(broken.code).toBe('parse_failed')
    expect(broken.message).toMatch(/^not a valid JSON Feed: /)
  })
})

describe('parseFeed: broken input', () => {
  it('recovers from a bare & and HTML entities such as &nbsp; and &mdash;', async () => {
    const feed = await parseFeed(fixture('broken-entities.xml'), feedUrl, now)
    expect(feed.title).toBe('Tom & Jerry Security')
    expect(feed.items[0]).toMatchObject({
      url: 'https://tj.example.test/story?id=1&page=2',
      title: 'Patch Tuesday — 12 fixes & more',
      text: 'Microsoft’s update fixes &foo; bugs & more.',
    })
  })

  it('fails a truncated feed with a clear parse_failed error', async () => {
    const err = await parseError(fixture('truncated.xml'))
    expect(err.code).toBe('parse_failed')
    expect(err.message).toBe('not a valid RSS/Atom feed: document ends early (truncated?)')
  })

  it('rejects an HTML page as unsupported input', async () => {
    const err = await parseError(fixture('page-as-feed.html'))
    expect(err.code).toBe('unsupported_input')
    expect(err.message).toBe('not a feed: looks like an HTML page')
  })

  it.each([
    ['', 'not a valid RSS/Atom feed: empty document'],
    [
      '<opml version="2.0"/>',
      'not a valid RSS/Atom feed: root element <opml> is not rss, feed or rdf:RDF',
    ],
    ['<rss version="2.0"></rss>', 'not a valid RSS/Atom feed: <rss> has no <channel>'],
    [
      '<rss><channel><title>x</tit></channel></rss>',
      expect.stringMatching(/^not a valid RSS\/Atom feed: .*line 1/),
    ],
    ['hello world', 'not a valid RSS/Atom feed: no XML root element'],
  ])('fails %j with a one-line AppError', async (input, message) => {
    const err = await parseError(input)
    expect(err.code).toBe('parse_failed')
    expect(err.message).toEqual(message)
  })
})
