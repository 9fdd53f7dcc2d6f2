import { describe, expect, it } from 'vitest'
import { htmlToText, looksLikeHtml } from '../../../src/pipeline/parse/html-text.js'

describe('htmlToText', () => {
  it('separates paragraphs and decodes entities', () => {
    expect(htmlToText('<p>One &amp; two&nbsp;three</p><p>Caf&eacute; &#8212; &#x41;</p>')).toBe(
      'One & two three\n\nCafé — A',
    )
  })

  it('drops script, style, noscript, iframe, svg and form contents', () => {
    const html =
      '<p>Keep</p><script>var x = 1</script><style>p{}</style><noscript>No JS</noscript>' +
      '<iframe src="x">frame</iframe><svg><text>chart</text></svg><form><label>Email</label></form>'
    expect(htmlToText(html)).toBe('Keep')
  })

  it('turns blocks and <br> into line breaks and collapses source whitespace', () => {
    expect(htmlToText('<div>a\n   b</div><div>c<br>d</div><ul><li>x</li><li>y</li></ul>')).toBe(
      'a b\nc\nd\n\nx\ny',
    )
  })

  it('keeps line breaks inside <pre>', () => {
    expect(htmlToText('<pre>line 1\nline 2</pre>')).toBe('line 1\nline 2')
  })

  it('only tidies whitespace in plain text', () => {
    expect(htmlToText('  plain   text\r\n\r\n\r\nnext  ')).toBe('plain text\n\nnext')
    expect(htmlToText('a < b and c > d')).toBe('a < b and c > d')
  })

  it('survives very deep nesting', () => {
    const deep = `${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}`
    expect(htmlToText(deep)).toBe('deep')
  })
})

describe('looksLikeHtml', () => {
  it.each([
    ['<p>x</p>', true],
    ['a <br/> b', true],
    ['AT&amp;T', true],
    ['plain text', false],
    ['a < b', false],
    ['AT&T', false],
  ])('%j -> %s', (input, expected) => {
    expect(looksLikeHtml(input)).toBe(expected)
  })
})

describe('htmlToText paragraph idioms', () => {
  it('treats <br><br> as a paragraph break', () => {
    expect(htmlToText('first<br><br>second<br>third')).toBe('first\n\nsecond\nthird')
  })
})
