import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors.js'
import { parseOpml, toOpml } from '../../../src/pipeline/parse/opml.js'
import { fixture } from './fixture.js'

describe('parseOpml', () => {
  it('flattens nested outlines, accepts any xmlUrl case and dedups by canonical URL', () => {
    expect(parseOpml(fixture('nested.opml'))).toEqual([
      {
        url: 'https://krebsonsecurity.test/feed/',
        name: 'Krebs on Security',
        siteUrl: 'https://krebsonsecurity.test/',
      },
      { url: 'https://acme.test/psirt.xml', name: 'Acme PSIRT', siteUrl: null },
      { url: 'http://att.example.test/rss', name: 'AT&T Threat Intel', siteUrl: null },
    ])
  })

  it('throws parse_failed for documents that are not OPML', () => {
    expect(() => parseOpml(fixture('rss2.xml'))).toThrow(AppError)
    expect(() => parseOpml('just text')).toThrow(/not an OPML document/)
  })
})

describe('toOpml', () => {
  const feeds = [
    { url: 'https://a.test/feed?x=1&y=2', name: 'A & "B" <C>', siteUrl: 'https://a.test/' },
    { url: 'https://b.test/rss', name: null },
  ]

  it('writes escaped OPML 2.0', () => {
    const xml = toOpml(feeds, 'My <feeds>')
    expect(xml).toContain('<opml version="2.0">')
    expect(xml).toContain('<title>My &lt;feeds&gt;</title>')
    expect(xml).toContain('text="A &amp; &quot;B&quot; &lt;C&gt;"')
    expect(xml).toContain('xmlUrl="https://a.test/feed?x=1&amp;y=2"')
    expect(xml).toContain('text="https://b.test/rss"')
  })

  it('round-trips through parseOpml', () => {
    expect(parseOpml(toOpml(feeds, 'x'))).toEqual([
      { url: 'https://a.test/feed?x=1&y=2', name: 'A & "B" <C>', siteUrl: 'https://a.test/' },
      { url: 'https://b.test/rss', name: 'https://b.test/rss', siteUrl: null },
    ])
  })
})
