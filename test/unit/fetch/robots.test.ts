import { describe, expect, it } from 'vitest'
import {
  ROBOTS_MAX_CHARS,
  crawlDelaySeconds,
  isAllowed,
  parseRobots,
} from '../../../src/pipeline/fetch/robots.js'

const UA = 'sitrep/0.1 (+https://github.com/sitrep-dev/sitrep; security news incident tracker)'

/** [robots.txt, user agent, path, allowed?] */
type Case = [string, string, string, boolean]

const check = ([text, ua, path, allowed]: Case) =>
  expect(isAllowed(parseRobots(text), ua, path), `${ua} ${path}`).toBe(allowed)

// The example file of RFC 9309 section 5.1.
const RFC_EXAMPLE = [
  'User-Agent: *',
  'Disallow: *.gif$',
  'Disallow: /example/',
  'Allow: /publications/',
  '',
  'User-Agent: foobot',
  'Disallow:/',
  'Allow:/example/page.html',
  'Allow:/example/allowed.gif',
  '',
  'User-Agent: barbot',
  'User-Agent: bazbot',
  'Disallow: /example/page.html',
  '',
  'User-Agent: quxbot',
  '',
].join('\n')

describe('group selection', () => {
  it.each<Case>([
    [RFC_EXAMPLE, 'foobot', '/example/page.html', true],
    [RFC_EXAMPLE, 'foobot', '/example/allowed.gif', true],
    [RFC_EXAMPLE, 'foobot', '/other', false],
    // barbot and bazbot share one group (consecutive User-agent lines).
    [RFC_EXAMPLE, 'barbot', '/example/page.html', false],
    [RFC_EXAMPLE, 'bazbot', '/example/page.html', false],
    [RFC_EXAMPLE, 'bazbot', '/example/other.html', true],
    // quxbot has its own, empty, group: it does not fall back to `*`.
    [RFC_EXAMPLE, 'quxbot', '/example/page.html', true],
    [RFC_EXAMPLE, 'otherbot', '/example/page.html', false],
    [RFC_EXAMPLE, 'otherbot', '/a/picture.gif', false],
    [RFC_EXAMPLE, 'otherbot', '/publications/x', true],
    [RFC_EXAMPLE, 'otherbot', '/', true],
  ])('RFC 9309 example: %#', (...c) => check(c))

  const OURS = 'User-agent: *\nDisallow: /\n\nUser-agent: SiTrEp\nDisallow: /private\n'
  it.each<Case>([
    // Product tokens match case-insensitively, and a full User-Agent header is reduced to one.
    [OURS, UA, '/news', true],
    [OURS, UA, '/private/x', false],
    [OURS, 'SITREP', '/news', true],
    [OURS, 'otherbot', '/news', false],
    // A version after the token in robots.txt still names us; a longer token does not.
    ['User-agent: sitrep/2.0\nDisallow: /a\n', UA, '/a', false],
    ['User-agent: sitrep-news\nDisallow: /a\n', UA, '/a', true],
    // Every group naming us is combined.
    ['User-agent: sitrep\nDisallow: /a\n\nUser-agent: sitrep\nDisallow: /b\n', UA, '/b', false],
    ['User-agent: sitrep\nDisallow: /a\n\nUser-agent: sitrep\nDisallow: /b\n', UA, '/a', false],
    // A User-agent line after rules starts a new group.
    ['User-agent: a\nDisallow: /x\nUser-agent: sitrep\nAllow: /\n', UA, '/x', true],
    // Sitemap and unknown lines do not end the list of agents.
    [
      'User-agent: sitrep\nSitemap: https://x/s.xml\nUser-agent: a\nDisallow: /x\n',
      UA,
      '/x',
      false,
    ],
    ['User-agent: sitrep\nHost: x\nUser-agent: a\nDisallow: /x\n', UA, '/x', false],
  ])('%#: %j as %s on %s', (...c) => check(c))
})

describe('rule precedence and patterns', () => {
  const ua = (rules: string) => `User-agent: *\n${rules}`
  it.each<Case>([
    // Longest match wins, whichever order the lines come in.
    [ua('Allow: /p\nDisallow: /'), UA, '/page', true],
    [ua('Disallow: /\nAllow: /p'), UA, '/page', true],
    [ua('Allow: /folder\nDisallow: /folder/'), UA, '/folder/page', false],
    [ua('Allow: /page\nDisallow: /*.htm'), UA, '/page.htm', false],
    [ua('Allow: /$\nDisallow: /'), UA, '/', true],
    [ua('Allow: /$\nDisallow: /'), UA, '/page.htm', false],
    // Allow wins a tie.
    [ua('Disallow: /page\nAllow: /page'), UA, '/page', true],
    [ua('Disallow: /*\nAllow: /*'), UA, '/x', true],
    // `*` anywhere, trailing `*` changes nothing.
    [ua('Disallow: /fish*'), UA, '/fish.html', false],
    [ua('Disallow: /fish*'), UA, '/Fish.asp', true],
    [ua('Disallow: /*.php'), UA, '/folder/any.php.file.html', false],
    [ua('Disallow: /*.php'), UA, '/windows.PHP', true],
    [ua('Disallow: /fish*.php'), UA, '/fishheads/catfish.php?parameters', false],
    [ua('Disallow: /fish*.php'), UA, '/fish.PHP', true],
    [ua('Disallow: /a*b*c'), UA, '/a-c-b', true],
    [ua('Disallow: /a*b*c'), UA, '/a-b-c', false],
    // `$` pins the end of the path (the query counts as part of it).
    [ua('Disallow: /*.php$'), UA, '/filename.php', false],
    [ua('Disallow: /*.php$'), UA, '/filename.php?parameters', true],
    [ua('Disallow: /*.php$'), UA, '/filename.php5', true],
    [ua('Disallow: /exact$'), UA, '/exact', false],
    [ua('Disallow: /exact$'), UA, '/exact/', true],
    // Queries are part of the matched path.
    [ua('Disallow: /*?print='), UA, '/story?print=1', false],
    [ua('Disallow: /*?print='), UA, '/story', true],
    // Empty Disallow allows everything; an empty Allow is no rule.
    [ua('Disallow:'), UA, '/anything', true],
    [ua('Allow:\nDisallow: /'), UA, '/anything', false],
    // A pattern without a leading slash is taken from the root.
    [ua('Disallow: private/'), UA, '/private/x', false],
    // /robots.txt itself is always allowed.
    [ua('Disallow: /'), UA, '/robots.txt', true],
    // No rules for anyone: everything is allowed.
    ['', UA, '/x', true],
  ])('%#: %j on %s', (...c) => check(c))
})

describe('percent-encoding', () => {
  const ua = (rules: string) => `User-agent: *\n${rules}`
  it.each<Case>([
    [ua('Disallow: /foo/bar?baz=quz'), UA, '/foo/bar?baz=quz', false],
    [ua('Disallow: /foo/bar/\u221a'), UA, '/foo/bar/%E2%88%9A', false],
    [ua('Disallow: /foo/bar/%E2%88%9A'), UA, '/foo/bar/%E2%88%9A', false],
    [ua('Disallow: /foo/bar/%e2%88%9a'), UA, '/foo/bar/%E2%88%9A', false],
    [ua('Disallow: /foo/bar/%62%61%7A'), UA, '/foo/bar/baz', false],
    [ua('Disallow: /foo/bar/baz'), UA, '/foo/bar/%62%61%7A', false],
    [ua('Disallow: /caf\u00e9'), UA, '/caf%C3%A9', false],
    // An escaped reserved character is a different path from the character itself.
    [ua('Disallow: /a/b'), UA, '/a%2Fb', true],
    // An escaped `*` is a literal asterisk, not a wildcard.
    [ua('Disallow: /a%2Ab'), UA, '/a-b', true],
    [ua('Disallow: /a%2Ab'), UA, '/a%2Ab', false],
  ])('%#: %j on %s', (...c) => check(c))
})

describe('crawl-delay', () => {
  it.each<[string, string, number | null]>([
    ['User-agent: *\nCrawl-delay: 5\n', UA, 5],
    ['User-agent: *\nCrawl-delay: 0.5\n', UA, 0.5],
    ['User-agent: *\ncrawl-delay:  10 # be nice\n', UA, 10],
    ['User-agent: *\nCrawl-delay: soon\n', UA, null],
    ['User-agent: *\nCrawl-delay: -3\n', UA, null],
    ['User-agent: *\nCrawl-delay:\n', UA, null],
    ['User-agent: *\nDisallow: /x\n', UA, null],
    // Ours, not the wildcard group's, even when ours has none.
    ['User-agent: *\nCrawl-delay: 30\n\nUser-agent: sitrep\nCrawl-delay: 2\n', UA, 2],
    ['User-agent: *\nCrawl-delay: 30\n\nUser-agent: sitrep\nDisallow: /x\n', UA, null],
    ['User-agent: *\nCrawl-delay: 30\n\nUser-agent: otherbot\nCrawl-delay: 2\n', UA, 30],
  ])('%#: %j', (text, ua, expected) => {
    expect(crawlDelaySeconds(parseRobots(text), ua)).toBe(expected)
  })
})

describe('malformed and hostile input', () => {
  it.each<Case>([
    // BOM, CRLF and bare CR line endings.
    ['\uFEFFUser-agent: *\r\nDisallow: /x\r\n', UA, '/x', false],
    ['User-agent: *\rDisallow: /x\rAllow: /x/y\r', UA, '/x/y', true],
    // Comments, whole-line and trailing; odd spacing and key case.
    ['# hi\nUSER-AGENT :*  # all\n  dIsAlLoW :   /x   # secret\n', UA, '/x', false],
    // Garbage lines are skipped without breaking the group.
    ['User-agent: *\n<html>\nno colon here\n:::\n: /x\nDisallow: /x\n', UA, '/x', false],
    // Rules before any User-agent line belong to no group.
    ['Disallow: /x\nUser-agent: *\nDisallow: /y\n', UA, '/x', true],
    // An HTML error page served as robots.txt allows everything.
    ['<!doctype html><html><body><h1>Not found</h1></body></html>', UA, '/x', true],
    // A User-agent line with no usable token names nobody.
    ['User-agent: /?\nDisallow: /\n', UA, '/x', true],
  ])('%#: %j on %s', (...c) => check(c))

  it('stops at 500 KiB and drops the line the cap cut through', () => {
    const head = 'User-agent: *\nDisallow: /early\n'
    const filler = '# padding\n'.repeat(Math.ceil(ROBOTS_MAX_CHARS / 10))
    // This line straddles the cap; cut short it would read "Disallow: /"; it must be dropped.
    const straddle = `Disallow: /${'z'.repeat(100)}\n`
    const cut = ROBOTS_MAX_CHARS - head.length - 12
    const text = head + filler.slice(0, cut) + '\n' + straddle + 'Disallow: /late\n'
    expect(text.length).toBeGreaterThan(ROBOTS_MAX_CHARS)
    const rules = parseRobots(text)
    expect(isAllowed(rules, UA, '/early')).toBe(false)
    expect(isAllowed(rules, UA, '/late')).toBe(true)
    expect(isAllowed(rules, UA, '/anything-else')).toBe(true)
  })

  it('parses a large file of many rules quickly', () => {
    const lines = ['User-agent: *']
    for (let i = 0; i < 10_000; i++) lines.push(`Disallow: /section-${i}/*.html$`)
    const started = performance.now()
    const rules = parseRobots(lines.join('\n'))
    expect(isAllowed(rules, UA, '/section-9999/a.html')).toBe(false)
    expect(isAllowed(rules, UA, '/section-9999/a.htm')).toBe(true)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('collects sitemaps from anywhere in the file', () => {
    const rules = parseRobots('Sitemap: https://a/s1.xml\nUser-agent: *\nSitemap: https://a/s2\n')
    expect(rules.sitemaps).toEqual(['https://a/s1.xml', 'https://a/s2'])
  })
})
