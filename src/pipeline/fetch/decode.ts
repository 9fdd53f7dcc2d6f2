// Bytes -> text for feeds and pages. Precedence is BOM > HTTP header charset > in-document
// declaration (XML `encoding=` or HTML `<meta charset>`) > UTF-8. That is the order the WHATWG
// encoding sniffing algorithm and mainstream feed readers use: a BOM cannot lie about the byte
// layout, and servers override documents because proxies and CMSs re-encode without rewriting
// the declaration.

const SNIFF_BYTES = 1024

// Node 20's TextDecoder decodes windows-1252 (also the target of the iso-8859-1, latin1 and ascii
// labels) as plain ISO-8859-1, so 0x93 comes out as the C1 control U+0093 instead of a curly
// quote. A correct decoder never yields C1 controls other than the five unmapped bytes, which
// this table maps to themselves, so the fix-up is safe on runtimes without the bug.
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
]

function sniffBom(body: Uint8Array): { length: number; encoding: string } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => body[i] === b)) {
      return { length: bom.bytes.length, encoding: bom.encoding }
    }
  }
  return null
}

/** The canonical WHATWG name for a label, or null when TextDecoder does not know it. */
function canonical(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding
  } catch {
    return null
  }
}

function headerCharset(contentType: string | null): string | null {
  const m = contentType && /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType)
  const label = m ? (m[1] ?? m[2]) : undefined
  return label ? canonical(label) : null
}

function documentCharset(body: Uint8Array): string | null {
  // One code unit per byte, so ASCII markup reads back exactly whatever the real encoding is
  // (and without asking TextDecoder for latin1, which not every runtime ships).
  const head = String.fromCharCode(...body.subarray(0, SNIFF_BYTES))
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(head)
  const label = xml?.[1] ?? meta?.[1]
  const encoding = label ? canonical(label) : null
  // A document we could read as ASCII to find the declaration cannot really be UTF-16
  // (HTML spec "prescan" rule), so such declarations mean UTF-8.
  return encoding?.startsWith('utf-16') ? 'utf-8' : encoding
}

/** Decodes a response body to text. Never throws; undecodable bytes become U+FFFD. */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const bom = sniffBom(body)
  const encoding = bom?.encoding ?? headerCharset(contentType) ?? documentCharset(body) ?? 'utf-8'
  const bytes = bom ? body.subarray(bom.length) : body
  // ignoreBOM: the BOM (if any) is already cut off; a later U+FEFF is content.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
  if (encoding !== 'windows-1252') return text
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1.charAt(c.charCodeAt(0) - 0x80))
}
