import { describe, expect, it } from 'vitest'
import { extractArticlePage } from '../../../src/pipeline/parse/article-page.js'
import { fixture } from './fixture.js'

describe('extractArticlePage', () => {
  const page = extractArticlePage(fixture('article.html'), 'https://www.example-sec.test/x')

  it('keeps the article body with paragraph breaks', () => {
    expect(page.text).toContain(
      'researchers said on Tuesday.\n\nThe vulnerability allows unauthenticated remote code execution.',
    )
    expect(page.text).toContain('Federal agencies were ordered to patch within three weeks.')
  })

  it.each([
    'Home',
    'About us',
    'Share on',
    'ADVERTISEMENT',
    'Subscribe to our newsletter',
    'Related stories',
    'Another VPN bug',
    'First! This comment',
    'Most read stories',
    'All rights reserved',
    'font-family',
  ])('drops the noise %j', (noise) => {
    expect(page.text).not.toContain(noise)
  })

  it('reads title, site name and canonical/published from JSON-LD @graph', () => {
    expect(page).toMatchObject({
      title: 'Acme VPN zero-day exploited',
      siteName: 'Example Security',
      canonicalUrl: 'https://www.example-sec.test/2024/05/acme-vpn-zero-day/',
      publishedAt: '2024-05-14T07:30:00.000Z',
    })
  })

  it('scores plain <div> layouts and reads og:url and <time datetime>', () => {
    const divs = extractArticlePage(fixture('article-divs.html'), 'https://divs.example.test/x')
    expect(divs.title).toBe('Water utility hit by ransomware')
    expect(divs.canonicalUrl).toBe('https://divs.example.test/story/42?id=42')
    expect(divs.publishedAt).toBe('2024-04-30T15:45:00.000Z')
    expect(divs.text.split('\n\n')).toHaveLength(3)
    expect(divs.text).toMatch(/^A regional water utility confirmed/)
    expect(divs.text).not.toMatch(/Top story|Contact|Privacy/)
  })

  it('prefers <link rel=canonical>, then falls back to <title>', () => {
    const html =
      '<html><head><title>Only a title</title><link rel="canonical" href="/c?utm_source=x">' +
      '<meta property="article:published_time" content="2024-01-02T03:04:05Z"></head>' +
      '<body><p>Short.</p></body></html>'
    expect(extractArticlePage(html, 'https://site.test/a/b')).toEqual({
      title: 'Only a title',
      canonicalUrl: 'https://site.test/c',
      publishedAt: '2024-01-02T03:04:05.000Z',
      siteName: null,
      text: 'Short.',
    })
  })

  it('clamps a future publication date when given now', () => {
    const html = '<meta property="article:published_time" content="2030-01-01T00:00:00Z"><p>x</p>'
    const now = new Date('2024-05-20T00:00:00Z')
    expect(extractArticlePage(html, 'https://site.test/', now).publishedAt).toBe(now.toISOString())
  })

  it('returns empty text rather than throwing on an empty document', () => {
    expect(extractArticlePage('', 'https://site.test/')).toMatchObject({ title: null, text: '' })
  })
})

describe('extractArticlePage fallbacks', () => {
  it('keeps the text when class heuristics would drop the only wrapper', () => {
    const body = 'A long paragraph about an incident that must survive extraction. '.repeat(4)
    const html = `<body><div class="post has-comments"><p>${body}</p><p>${body}</p></div></body>`
    const page = extractArticlePage(html, 'https://site.test/')
    expect(page.text.split('\n\n')).toHaveLength(2)
  })

  it('handles fragments with thousands of top-level siblings quickly', () => {
    const html = '<p>short</p><a href="/x">x</a>'.repeat(20000)
    const started = Date.now()
    extractArticlePage(html, 'https://site.test/')
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
