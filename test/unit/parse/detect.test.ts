import { describe, expect, it } from 'vitest'
import { detectInputKind } from '../../../src/pipeline/parse/detect.js'
import { fixture } from './fixture.js'

describe('detectInputKind', () => {
  it.each([
    ['rss2.xml', 'xml-feed'],
    ['atom.xml', 'xml-feed'],
    ['rdf.xml', 'xml-feed'],
    ['feed.json', 'json-feed'],
    ['items.jsonl', 'jsonl'],
    ['page-as-feed.html', 'html'],
    ['nested.opml', 'unknown'],
  ])('%s -> %s', (name, kind) => {
    expect(detectInputKind(fixture(name))).toBe(kind)
  })

  it('skips a BOM, whitespace and a prolog with comments and a doctype', () => {
    const xml =
      '\ufeff  <?xml version="1.0"?>\n<!-- hi -->\n<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss version="2.0"/>'
    expect(detectInputKind(xml)).toBe('xml-feed')
  })

  it('treats a single object with url and title as JSON Lines', () => {
    expect(detectInputKind('{"url": "https://a.test/", "title": "A"}')).toBe('jsonl')
    expect(detectInputKind('{"name": "other json"}')).toBe('unknown')
  })

  it('recognises XHTML and bare HTML fragments as html', () => {
    expect(
      detectInputKind('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'),
    ).toBe('html')
    expect(detectInputKind('<div><p>x</p></div>')).toBe('html')
  })

  it('returns unknown for plain text and empty input', () => {
    expect(detectInputKind('just some words')).toBe('unknown')
    expect(detectInputKind('')).toBe('unknown')
  })
})
