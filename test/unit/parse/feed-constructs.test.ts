// Feed shapes the conformance run (npm run conformance) turned up: inline XHTML and naked markup,
// Atom text/base64 constructs, prefixed roots, extra date and body elements, DOCTYPE entities.
// Every document here is written for this test.
import { describe, expect, it } from 'vitest'
import { parseDateValue } from '../../../src/pipeline/parse/dates.js'
import { parseFeed, parseFeedDocument } from '../../../src/pipeline/parse/feed.js'

const now = new Date('2024-06-01T00:00:00Z')
const feedUrl = 'https://feeds.example.test/feed'

const atom = (entry: string, head = '') =>
  `<feed xmlns="http://www.w3.org/2005/Atom">${head}<entry><link href="https://a.example.test/1"/>${entry}</entry></feed>`
const rss = (item: string, ns = '') =>
  `<rss version="2.0"${ns}><channel><title>T</title><item><link>https://r.example.test/1</link>${item}</item></channel></rss>`

async function first(xml: string) {
  const doc = await parseFeedDocument(xml, feedUrl, now)
  return { doc, entry: doc.entries[0] }
}

describe('text constructs', () => {
  it('reads Atom XHTML titles and content in document order', async () => {
    const { doc, entry } = await first(
      atom(
        '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b> &amp; more</div></title>' +
          '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One <i>two</i> three</p><![CDATA[ & <four> ]]></div></content>',
        '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Feed <em>name</em></div></title>',
      ),
    )
    expect(doc.title).toBe('Feed name')
    expect(entry?.title).toBe('Example Atom & more')
    expect(entry?.text).toBe('One two three\n\n& <four>')
  })

  it('keeps the order of naked markup in RSS descriptions', async () => {
    const { entry } = await first(
      rss(
        '<description><p>submitted by <a href="u">alice</a> to <a href="s">news</a></p></description>',
      ),
    )
    expect(entry?.text).toBe('submitted by alice to news')
  })

  it('keeps angle brackets in Atom plain-text titles, decodes html ones', async () => {
    const { entry } = await first(
      atom(
        '<title>XSS via &lt;img&gt; onerror &amp; more</title><summary type="html">&lt;p&gt;Body&lt;/p&gt;</summary>',
      ),
    )
    expect(entry?.title).toBe('XSS via <img> onerror & more')
    expect(entry?.text).toBe('Body')
  })

  it('decodes base64: Atom 0.3 mode="base64" and Atom 1.0 non-text MIME types', async () => {
    const html = Buffer.from('Example <b>Atom</b>').toString('base64')
    const old = await first(
      `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title type="text/html" mode="base64">${html}</title></entry></feed>`,
    )
    expect(old.entry?.title).toBe('Example Atom')
    const modern = await first(atom(`<content type="application/octet-stream">${html}</content>`))
    expect(modern.entry?.text).toBe('Example Atom')
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]).toString(
      'base64',
    )
    const image = await first(atom(`<content type="image/png">${png}</content>`))
    expect(image.entry?.text).toBe('')
  })

  it('maps C1 controls from numeric references to windows-1252 punctuation', async () => {
    const { entry } = await first(rss('<description>don&#146;t &#147;quote&#148;</description>'))
    expect(entry?.text).toBe('don\u2019t \u201cquote\u201d')
  })

  it('does not let a self-closed iframe or an unclosed object swallow the text after it', async () => {
    const iframe = await first(
      rss('<description>safe&lt;iframe src="x"/&gt; description</description>'),
    )
    expect(iframe.entry?.text).toBe('safe description')
    const object = await first(
      rss('<description>safe&lt;object data="x"&gt; description</description>'),
    )
    expect(object.entry?.text).toBe('safe description')
  })
})

describe('elements and documents', () => {
  it('reads a root with a namespace prefix', async () => {
    const feed = await parseFeed(
      '<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>P</r:title>' +
        '<r:item><r:title>Item</r:title><r:link>https://p.example.test/1</r:link></r:item></r:channel></r:rss>',
      feedUrl,
      now,
    )
    expect(feed).toMatchObject({ kind: 'rss', title: 'P' })
    expect(feed.items[0]).toMatchObject({ title: 'Item', url: 'https://p.example.test/1' })
  })

  it('reads dcterms dates, media:title and fallback bodies', async () => {
    const ns =
      ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media="http://search.yahoo.com/mrss/"'
    const { entry } = await first(
      rss(
        '<media:title>Clip</media:title><dcterms:issued>2024-05-02T10:00:00Z</dcterms:issued>' +
          '<itunes:summary xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">Podcast notes</itunes:summary>',
        ns,
      ),
    )
    expect(entry).toMatchObject({
      title: 'Clip',
      published: '2024-05-02T10:00:00.000Z',
      text: 'Podcast notes',
    })
    const described = await first(
      rss(
        '<description>Main</description><dc:description xmlns:dc="http://purl.org/dc/elements/1.1/">A much longer duplicate</dc:description>',
      ),
    )
    expect(described.entry?.text).toBe('Main')
  })

  it('expands plain-text entities declared in the DOCTYPE', async () => {
    const { entry } = await first(
      '<!DOCTYPE rss [<!ENTITY id "tag:example.test,">]>' +
        rss('<guid isPermaLink="false">&id;2024:1</guid>'),
    )
    expect(entry?.guid).toBe('tag:example.test,2024:1')
  })

  it('accepts a final closing tag without its ">", still rejects a cut document', async () => {
    const { entry } = await first(rss('<title>Whole</title>').replace(/>$/, ''))
    expect(entry?.title).toBe('Whole')
    await expect(parseFeed(rss('<title>Cut</title>').slice(0, -30), feedUrl, now)).rejects.toThrow(
      'document ends early',
    )
  })

  it('keeps entries without a URL in the document, drops them for ingest', async () => {
    const xml =
      '<rss version="2.0"><channel><item><title>No link</title></item>' +
      '<item><title>Linked</title><link>https://r.example.test/2</link></item></channel></rss>'
    const doc = await parseFeedDocument(xml, feedUrl, now)
    expect(doc.entries.map((e) => [e.title, e.url])).toEqual([
      ['No link', null],
      ['Linked', 'https://r.example.test/2'],
    ])
    expect((await parseFeed(xml, feedUrl, now)).items.map((i) => i.title)).toEqual(['Linked'])
  })
})

describe('hostile documents', () => {
  it('stays linear on unterminated sections and deep nesting of text elements', async () => {
    const started = performance.now()
    const unterminated = rss(`<description>${'<![CDATA[ <!-- <?x '.repeat(20000)}</description>`)
    await expect(parseFeed(unterminated, feedUrl, now)).rejects.toThrow('not a valid RSS/Atom feed')
    const depth = 3000
    const nested = rss(`${'<description>a '.repeat(depth)}${'</description>'.repeat(depth)}`)
    await parseFeedDocument(nested, feedUrl, now).catch(() => null)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('localised RFC 822 dates', () => {
  it.each([
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Di, 5 Mär 2024 10:00:00 +0100', '2024-03-05T09:00:00.000Z'],
    ['12 févr. 2024 10:00:00 +0100', '2024-02-12T09:00:00.000Z'],
    ['mer., 3 juil. 2024 08:00:00 GMT', '2024-07-03T08:00:00.000Z'],
    ['Lun, 2 Dic 2024 08:00:00 GMT', '2024-12-02T08:00:00.000Z'],
  ])('%j -> %s', (input, iso) => {
    expect(parseDateValue(input)?.toISOString()).toBe(iso)
  })

  it('rejects words that are no month or an ambiguous abbreviation', () => {
    expect(parseDateValue('1 Marmalade 2024 10:00:00 GMT')).toBeNull()
    expect(parseDateValue('1 Jui 2024 10:00:00 GMT')).toBeNull()
  })
})
