// Second-chance repair for feeds that are "almost XML". Real feeds are full of bare `&` in URLs and
// HTML entities such as &nbsp; that XML does not define; a strict XML parser rejects both, while
// every feed reader shows them fine. We only run this after a strict parse has failed.

/** HTML named entities of Latin-1 (U+00A0..U+00FF), in code point order. */
const LATIN1 = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml'
).split(' ')

/** The other HTML entities that show up in feed text often enough to matter. */
const OTHER_ENTITIES: Readonly<Record<string, number>> = {
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  fnof: 402,
  circ: 710,
  tilde: 732,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  lrm: 8206,
  rlm: 8207,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  Prime: 8243,
  lsaquo: 8249,
  rsaquo: 8250,
  frasl: 8260,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  uarr: 8593,
  rarr: 8594,
  darr: 8595,
  harr: 8596,
  minus: 8722,
  infin: 8734,
  ne: 8800,
  le: 8804,
  ge: 8805,
}

const XML_ENTITIES: ReadonlySet<string> = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])

function codePointOf(name: string): number | undefined {
  const latin = LATIN1.indexOf(name)
  return latin >= 0 ? 0xa0 + latin : OTHER_ENTITIES[name]
}

function repairReference(
  match: string,
  name: string | undefined,
  declared: ReadonlyMap<string, string>,
): string {
  if (name === undefined) return '&amp;'
  if (name.startsWith('#') || XML_ENTITIES.has(name)) return match
  const value = declared.get(name)
  if (value !== undefined) return value
  const code = codePointOf(name)
  // Unknown names are kept as visible text rather than guessed at.
  return code === undefined ? `&amp;${name};` : `&#${code};`
}

function repairSegment(segment: string, declared: ReadonlyMap<string, string>): string {
  return segment.replace(
    /&(?:(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});)?/g,
    (m, name) => repairReference(m, name as string | undefined, declared),
  )
}

/**
 * General entities declared in the DOCTYPE's internal subset (`<!ENTITY id "tag:x,">`), which
 * the XML parser does not expand. Only plain-text values are taken: a value holding `&`, `<` or
 * `%` could nest references, the way "billion laughs" documents blow up.
 */
function declaredEntities(text: string): Map<string, string> {
  const declared = new Map<string, string>()
  const subset = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(text.slice(0, 64 * 1024))?.[1]
  if (subset === undefined) return declared
  const entity = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"&<%]*)"|'([^'&<%]*)')\s*>/g
  for (const m of subset.matchAll(entity)) declared.set(m[1] as string, m[2] ?? m[3] ?? '')
  return declared
}

/** Sections where `&` is literal, with their terminators. */
const LITERAL_SECTIONS: readonly (readonly [string, string])[] = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
]

/**
 * Escapes `&` that does not start a valid reference, expands entities the DOCTYPE declares, maps
 * HTML named entities to numeric references and completes an unterminated final closing tag. CDATA sections and comments are left untouched: `&` is literal there, and rewriting
 * it would corrupt the URLs feeds like to wrap in CDATA. A scan with indexOf (not a regex) keeps
 * this linear even for documents full of unterminated sections.
 */
export function repairXml(text: string): string {
  const declared = declaredEntities(text)
  const out: string[] = []
  let pos = 0
  while (pos < text.length) {
    const next = LITERAL_SECTIONS.map(([open, close]) => ({ at: text.indexOf(open, pos), close }))
      .filter((s) => s.at >= 0)
      .sort((a, b) => a.at - b.at)[0]
    if (next === undefined) break
    const end = text.indexOf(next.close, next.at)
    const stop = end < 0 ? text.length : end + next.close.length
    out.push(repairSegment(text.slice(pos, next.at), declared), text.slice(next.at, stop))
    pos = stop
  }
  out.push(repairSegment(text.slice(pos), declared))
  return closeFinalTag(out.join(''))
}

/**
 * Adds the `>` a document's last closing tag lacks (`...</rss` at end of file). Everything else
 * is there, so this is not a truncated download, which must keep failing.
 */
function closeFinalTag(text: string): string {
  return /<\/[A-Za-z_][\w.:-]*\s*$/.test(text) ? `${text.trimEnd()}>` : text
}
