import { describe, expect, it } from 'vitest'
import { canonicalizeUrl, hostOf } from '../../../src/pipeline/parse/url.js'

describe('canonicalizeUrl', () => {
  it.each([
    ['HTTPS://Example.COM:443/Path/To?b=2&a=1#frag', 'https://example.com/Path/To?a=1&b=2'],
    ['http://example.com:80/', 'http://example.com/'],
    ['http://example.com:8080/x', 'http://example.com:8080/x'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/a?utm_source=x&utm_MEDIUM=y&id=7', 'https://example.com/a?id=7'],
    [
      'https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&_hsenc=5&ref=6&ref_src=7&igshid=8',
      'https://example.com/a',
    ],
    [
      'https://example.com/a?ocid=1&ncid=2&cmpid=3&spm=4&__twitter_impression=true',
      'https://example.com/a',
    ],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com//a///b//', 'https://example.com/a/b/'],
    ['https://example.com/a?tag=x&tag=a&b=1', 'https://example.com/a?b=1&tag=x&tag=a'],
    ['https://example.com/search?q=a%20b+c', 'https://example.com/search?q=a%20b+c'],
    ['  https://example.com/x  ', 'https://example.com/x'],
  ])('%s -> %s', (raw, expected) => {
    expect(canonicalizeUrl(raw)).toBe(expected)
  })

  it('resolves relative URLs against the base', () => {
    expect(canonicalizeUrl('../b?x=1', 'https://example.com/a/c/feed.xml')).toBe(
      'https://example.com/a/b?x=1',
    )
    expect(canonicalizeUrl('/p', 'https://example.com/feed')).toBe('https://example.com/p')
    expect(canonicalizeUrl('//cdn.example.com/p', 'https://example.com/')).toBe(
      'https://cdn.example.com/p',
    )
  })

  it('is idempotent', () => {
    const once = canonicalizeUrl('HTTP://WWW.Example.com:80//x/?utm_source=a&b=2&a=1#top') as string
    expect(canonicalizeUrl(once)).toBe(once)
  })

  it.each([
    'mailto:a@example.com',
    'javascript:alert(1)',
    'ftp://example.com/x',
    'not a url',
    '',
    '/relative',
  ])('rejects %j', (raw) => {
    expect(canonicalizeUrl(raw)).toBeNull()
  })

  it('ignores an unusable base instead of throwing', () => {
    expect(canonicalizeUrl('https://example.com/a', 'feeds/local.xml')).toBe(
      'https://example.com/a',
    )
    expect(canonicalizeUrl('/a', 'not a base')).toBeNull()
  })
})

describe('hostOf', () => {
  it('strips www. and keeps non-default ports', () => {
    expect(hostOf('https://www.Example.com/a')).toBe('example.com')
    expect(hostOf('http://news.example.com:8080/')).toBe('news.example.com:8080')
    expect(hostOf('nope')).toBeNull()
  })
})
