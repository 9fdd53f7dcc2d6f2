// XML text for feeds. Feed content comes from the open web, so every string that goes into the
// Atom document passes through `xmlText` or `xmlAttr`: markup characters are escaped and
// characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF) are dropped, since a
// single one would make the whole document unparseable.
const FORBIDDEN = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Escaped character data (also safe inside attribute values). */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Attribute values: as text, and whitespace that attribute normalisation would fold kept. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
}

/** An element with escaped text content and escaped attributes. */
export function el(name: string, attrs: Record<string, string | undefined>, text?: string): string {
  const a = Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(v)}"`)
    .join('')
  return text === undefined ? `<${name}${a}/>` : `<${name}${a}>${xmlText(text)}</${name}>`
}
