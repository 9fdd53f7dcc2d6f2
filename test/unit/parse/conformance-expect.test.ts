// The `Expect:` mini-parser of scripts/conformance.ts, on header lines written for this test in
// the style of feedparser's suite.
import { describe, expect, it } from 'vitest'
import { extractAssertions } from '../../../scripts/lib/conformance-assertions.js'
import { parseExpect, tokenize, unescapePython } from '../../../scripts/lib/conformance-expect.js'

const assertionsOf = (source: string) => extractAssertions(parseExpect(source), source)

describe('unescapePython', () => {
  it.each([
    ['don\\u2019t', 'don\u2019t'],
    ['caf\\xe9', 'caf\u00e9'],
    ['\\U0001f512 lock', '\u{1f512} lock'],
    ['a\\nb\\tc', 'a\nb\tc'],
    ['it\\\'s \\\\ \\"q\\"', 'it\'s \\ "q"'],
    ['\\101\\0', 'A\0'],
    ['keep \\d as is', 'keep \\d as is'],
  ])('%j -> %j', (body, text) => {
    expect(unescapePython(body)).toBe(text)
  })

  it('keeps backslashes in raw strings', () => {
    expect(unescapePython('a\\nb', true)).toBe('a\\nb')
  })
})

describe('tokenize', () => {
  it('reads prefixed, triple-quoted and adjacent string literals', () => {
    const tokens = tokenize(`u'a' "b" '''c 'd' e''' r'\\x'`)
    expect(tokens).toEqual([
      { k: 'str', v: 'a' },
      { k: 'str', v: 'b' },
      { k: 'str', v: "c 'd' e" },
      { k: 'str', v: '\\x' },
    ])
  })

  it('rejects characters outside the subset', () => {
    expect(() => tokenize('feed @ 1')).toThrow(SyntaxError)
  })
})

describe('parseExpect', () => {
  it('parses a chain of and, not and subscripts', () => {
    expect(parseExpect("not bozo and entries[0]['title'] == u'Example entry'")).toEqual({
      t: 'bool',
      op: 'and',
      items: [
        { t: 'not', expr: { t: 'name', name: 'bozo' } },
        {
          t: 'cmp',
          ops: ['=='],
          operands: [
            {
              t: 'index',
              obj: { t: 'index', obj: { t: 'name', name: 'entries' }, key: { t: 'lit', value: 0 } },
              key: { t: 'lit', value: 'title' },
            },
            { t: 'lit', value: 'Example entry' },
          ],
        },
      ],
    })
  })

  it('folds literals: concatenation, negative numbers, tuples, lists, dicts, None', () => {
    const lit = (src: string) => parseExpect(`x == ${src}`)
    expect(lit("'a -' + '- b'")).toMatchObject({ operands: [{}, { t: 'lit', value: 'a -- b' }] })
    expect(lit('(2003, 12, -1)')).toMatchObject({ operands: [{}, { value: [2003, 12, -1] }] })
    expect(lit('(1,)')).toMatchObject({ operands: [{}, { value: [1] }] })
    expect(lit('(1)')).toMatchObject({ operands: [{}, { value: 1 }] })
    expect(lit("['au', 'us']")).toMatchObject({ operands: [{}, { value: ['au', 'us'] }] })
    expect(lit("{'rel': 'self', 'href': 'x'}")).toMatchObject({
      operands: [{}, { value: { rel: 'self', href: 'x' } }],
    })
    expect(lit('None')).toMatchObject({ operands: [{}, { value: null }] })
  })

  it('parses attributes, calls and the comparison operators', () => {
    expect(parseExpect("entries[0].get('where') == {}")).toMatchObject({
      operands: [
        { t: 'call', fn: { t: 'attr', name: 'get' } },
        { t: 'lit', value: {} },
      ],
    })
    expect(parseExpect("not 'x' in locals()")).toMatchObject({
      t: 'not',
      expr: { t: 'cmp', ops: ['in'] },
    })
    expect(parseExpect('a is not None')).toMatchObject({ ops: ['is not'] })
    expect(parseExpect('a not in b')).toMatchObject({ ops: ['not in'] })
  })

  it('gives `and` precedence over `or`', () => {
    expect(parseExpect('not bozo and a == 1 or b == 2')).toMatchObject({
      t: 'bool',
      op: 'or',
      items: [{ t: 'bool', op: 'and' }, { t: 'cmp' }],
    })
  })

  it('throws SyntaxError on unbalanced input', () => {
    expect(() => parseExpect("feed['title' == 'x'")).toThrow(SyntaxError)
    expect(() => parseExpect('feed ==')).toThrow(SyntaxError)
  })
})

describe('extractAssertions', () => {
  it('splits and-chains and counts bozo as not checkable', () => {
    const found = assertionsOf("not bozo and feed['title'] == 'T' and feed['language'] == 'en'")
    expect(
      found.map((a) => (a.kind === 'checkable' ? a.alternatives[0]?.category : a.label)),
    ).toEqual(['bozo', 'feed title', 'feed.language'])
  })

  it('maps entry fields to categories with their index', () => {
    const cases: [string, string][] = [
      ["entries[2]['title_detail']['value'] == 'x'", 'item title'],
      ["entries[0].link == 'http://a/'", 'item link'],
      ["entries[0]['id'] == 'x'", 'item guid'],
      ["entries[0]['published_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)", 'item date'],
      ["entries[0]['content'][0]['value'] == 'x'", 'item content'],
      ["entries[0]['summary'] == 'x'", 'item content'],
    ]
    for (const [source, category] of cases) {
      expect(assertionsOf(source)).toMatchObject([
        { kind: 'checkable', alternatives: [{ category }] },
      ])
    }
    expect(assertionsOf("entries[2]['title'] == 'x'")[0]).toMatchObject({
      alternatives: [{ entry: 2, expected: 'x' }],
    })
  })

  it('labels fields sitrep does not model', () => {
    expect(assertionsOf("entries[0]['author_detail']['email'] == 'me@x'")).toMatchObject([
      { kind: 'unchecked', label: 'entries[].author_detail' },
    ])
    expect(assertionsOf("entries[0]['content'][1]['value'] == 'x'")).toMatchObject([
      { kind: 'unchecked', label: 'entries[].content' },
    ])
    expect(assertionsOf("encoding == 'utf-8'")).toMatchObject([{ label: 'encoding' }])
    expect(assertionsOf('len(entries) == 1')).toMatchObject([{ label: 'other expression' }])
  })

  it('asserts every path of a chained ==', () => {
    const found = assertionsOf("entries[0]['link'] == entries[1]['link'] == 'http://x/'")
    expect(found).toMatchObject([
      { alternatives: [{ category: 'item link', entry: 0 }] },
      { alternatives: [{ category: 'item link', entry: 1 }] },
    ])
  })

  it('turns `or` into one assertion with alternatives', () => {
    const found = assertionsOf(
      "not bozo and feed['title'] == 'it&apos;s' or feed['title'] == \"it's\"",
    )
    expect(found).toMatchObject([
      {
        kind: 'checkable',
        alternatives: [{ expected: 'it&apos;s' }, { expected: "it's" }],
      },
    ])
  })
})
