// Charset precedence under test: BOM > UTF-16/32 byte layout > HTTP header charset > in-document
// declaration > UTF-8, the order of the WHATWG encoding sniffing algorithm, which feed readers
// follow too.
import { describe, expect, it } from 'vitest'
import { decodeBody } from '../../../src/pipeline/fetch/decode.js'

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
  )
const utf16 = (s: string, bigEndian: boolean) =>
  [...s].flatMap((ch) => {
    const c = ch.charCodeAt(0)
    return bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]
  })

describe('decodeBody', () => {
  it('defaults to UTF-8', () => {
    expect(decodeBody(bytes('caf\u00e9 \u2014 \u{1f512}'), null)).toBe('caf\u00e9 \u2014 \u{1f512}')
    expect(decodeBody(bytes('<rss/>'), 'application/rss+xml')).toBe('<rss/>')
  })

  it('strips a UTF-8 BOM', () => {
    expect(decodeBody(bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>'), null)).toBe(
      '<?xml version="1.0"?>',
    )
  })

  it('decodes UTF-16LE and UTF-16BE by BOM', () => {
    expect(decodeBody(bytes([0xff, 0xfe], utf16('<feed>\u00e9', false)), null)).toBe('<feed>\u00e9')
    expect(decodeBody(bytes([0xfe, 0xff], utf16('<feed>\u00e9', true)), null)).toBe('<feed>\u00e9')
  })

  it('lets the BOM beat the header and the declaration', () => {
    const body = bytes([0xef, 0xbb, 0xbf], '<?xml encoding="iso-8859-1"?>\u00e9')
    expect(decodeBody(body, 'text/xml; charset=windows-1252')).toBe(
      '<?xml encoding="iso-8859-1"?>\u00e9',
    )
  })

  it('uses the header charset: windows-1252 smart quotes', () => {
    const body = bytes('He said ', [0x93], 'hi', [0x94], ' ', [0x96], ' ', [0x80], '5')
    expect(decodeBody(body, 'text/html; charset=windows-1252')).toBe(
      'He said \u201chi\u201d \u2013 \u20ac5',
    )
    expect(decodeBody(body, 'text/html;charset="Windows-1252"')).toContain('\u201chi\u201d')
  })

  it('lets the header beat the in-document declaration', () => {
    const body = bytes('<?xml version="1.0" encoding="iso-8859-1"?><t>caf\u00e9</t>')
    expect(decodeBody(body, 'application/xml; charset=utf-8')).toBe(
      '<?xml version="1.0" encoding="iso-8859-1"?><t>caf\u00e9</t>',
    )
  })

  it('reads an XML declaration when the header has no charset', () => {
    const body = bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<t>caf', [0xe9], '</t>')
    expect(decodeBody(body, 'application/rss+xml')).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<t>caf\u00e9</t>',
    )
    // WHATWG maps the iso-8859-1 label to windows-1252, so 0x93/0x94 are curly quotes.
    const quotes = bytes(
      '<?xml version="1.0" encoding="iso-8859-1"?><t>',
      [0x93, 0x61, 0x94],
      '</t>',
    )
    expect(decodeBody(quotes, 'text/xml')).toContain('<t>\u201ca\u201d</t>')
    const single = bytes("<?xml version='1.0' encoding='iso-8859-15'?><t>", [0xa4], '</t>')
    expect(decodeBody(single, null)).toContain('<t>\u20ac</t>')
  })

  it('reads HTML meta charset and http-equiv', () => {
    const meta = bytes('<html><head><meta charset="windows-1251"><title>', [0xcf, 0xf0], '</title>')
    expect(decodeBody(meta, 'text/html')).toContain('<title>\u041f\u0440</title>')
    const equiv = bytes(
      '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>',
      [0xb1],
    )
    expect(decodeBody(equiv, null)).toContain('<p>\u0105')
  })

  it('ignores declarations beyond the first 1024 bytes', () => {
    const body = bytes(' '.repeat(1100), '<meta charset="windows-1252">', [0x93])
    expect(decodeBody(body, null).endsWith('\ufffd')).toBe(true)
  })

  it('treats an in-document UTF-16 declaration without a BOM as UTF-8', () => {
    const body = bytes('<?xml version="1.0" encoding="UTF-16"?><t>\u00e9</t>')
    expect(decodeBody(body, null)).toBe('<?xml version="1.0" encoding="UTF-16"?><t>\u00e9</t>')
  })

  it('decodes UTF-32 by BOM and UTF-16/32 without a BOM by the NUL layout around "<?"', () => {
    const utf32 = (text: string, bigEndian: boolean) =>
      [...text].flatMap((ch) => {
        const c = ch.codePointAt(0) as number
        const le = [c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff, c >>> 24]
        return bigEndian ? le.reverse() : le
      })
    const doc = '<?xml version="1.0"?><t>\u00e9\u{1f512}</t>'
    expect(decodeBody(bytes([0x00, 0x00, 0xfe, 0xff], utf32(doc, true)), null)).toBe(doc)
    expect(decodeBody(bytes([0xff, 0xfe, 0x00, 0x00], utf32(doc, false)), null)).toBe(doc)
    expect(decodeBody(bytes(utf32(doc, true)), 'text/xml; charset=utf-8')).toBe(doc)
    expect(decodeBody(bytes(utf32(doc, false)), null)).toBe(doc)
    const bmp = '<?xml version="1.0"?><t>\u00e9</t>'
    expect(decodeBody(bytes(utf16(bmp, true)), null)).toBe(bmp)
    expect(decodeBody(bytes(utf16(bmp, false)), null)).toBe(bmp)
  })

  it('reads C1 controls in any encoding as windows-1252 punctuation', () => {
    expect(decodeBody(bytes('don\u0092t \u0093q\u0094'), null)).toBe('don\u2019t \u201cq\u201d')
  })

  it('accepts a single-quoted header charset', () => {
    expect(decodeBody(bytes('caf', [0xe9]), "text/xml; charset='iso-8859-1'")).toBe('caf\u00e9')
  })

  it('falls back to UTF-8 for unknown labels and never throws', () => {
    expect(decodeBody(bytes('caf\u00e9'), 'text/plain; charset=x-klingon')).toBe('caf\u00e9')
    expect(decodeBody(bytes('<?xml encoding="bogus"?>ok'), null)).toBe('<?xml encoding="bogus"?>ok')
    expect(decodeBody(bytes([0xff, 0xc0, 0x41]), 'text/plain; charset=')).toBe('\ufffd\ufffdA')
    expect(decodeBody(new Uint8Array(0), null)).toBe('')
    expect(decodeBody(bytes([0xef, 0xbb]), null)).toBe('\ufffd')
  })
})
