// Bytes -> text for feeds and pages. Precedence is BOM > UTF-16/32 byte layout > HTTP header
// charset > in-document declaration (XML `encoding=` or HTML `<meta charset>`) > UTF-8. That is
// the order of the WHATWG encoding sniffing algorithm, which mainstream feed readers use too: a
// BOM, or the NUL bytes around `<?` that XML 1.0 appendix F uses to spot UTF-16/32 without one,
// cannot lie about the byte layout, and servers override documents because proxies and CMSs
// re-encode without rewriting the declaration.

import { fixC1Controls } from '../parse/cp1252.js'

const SNIFF_BYTES = 1024

// UTF-32 first: its little-endian BOM starts with the UTF-16LE one. `length` 0 marks the BOM-less
// patterns of `<?` (or `<` then a NUL-padded character) from XML 1.0 appendix F.
const SIGNATURES: Array<{ bytes: number[]; encoding: string; length: number }> = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be', length: 4 },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le', length: 4 },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8', length: 3 },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', length: 2 },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', length: 2 },
  { bytes: [0x00, 0x00, 0x00, 0x3c], encoding: 'utf-32be', length: 0 },
  { bytes: [0x3c, 0x00, 0x00, 0x00], encoding: 'utf-32le', length: 0 },
  { bytes: [0x00, 0x3c, 0x00, 0x3f], encoding: 'utf-16be', length: 0 },
  { bytes: [0x3c, 0x00, 0x3f, 0x00], encoding: 'utf-16le', length: 0 },
]

function sniffSignature(body: Uint8Array): { length: number; encoding: string } | null {
  return SIGNATURES.find((sig) => sig.bytes.every((b, i) => body[i] === b)) ?? null
}

/** UTF-32, which TextDecoder does not offer (WHATWG dropped it). Bad code points become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const parts: string[] = []
  const chunk: number[] = []
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, !bigEndian)
    const valid = cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)
    chunk.push(valid ? cp : 0xfffd)
    if (chunk.length === 4096) parts.push(String.fromCodePoint(...chunk.splice(0)))
  }
  if (bytes.length % 4 !== 0) chunk.push(0xfffd)
  parts.push(String.fromCodePoint(...chunk))
  return parts.join('')
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
  const m = contentType && /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;\s]*))/i.exec(contentType)
  const label = m ? (m[1] ?? m[2] ?? m[3]) : undefined
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

function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding.startsWith('utf-32')) return decodeUtf32(bytes, encoding === 'utf-32be')
  // ignoreBOM: the BOM (if any) is already cut off; a later U+FEFF is content.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
}

/**
 * Decodes a response body to text. Never throws; undecodable bytes become U+FFFD. C1 controls are
 * mapped as windows-1252 whatever the encoding (see cp1252.ts). That also covers Node 20's
 * TextDecoder, which decodes windows-1252 (the target of the iso-8859-1, latin1 and ascii labels
 * too) as plain ISO-8859-1, so 0x93 would otherwise come out as U+0093, not a curly quote.
 */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const signature = sniffSignature(body)
  const encoding =
    signature?.encoding ?? headerCharset(contentType) ?? documentCharset(body) ?? 'utf-8'
  const text = decodeWith(encoding, body.subarray(signature?.length ?? 0))
  return fixC1Controls(text)
}
