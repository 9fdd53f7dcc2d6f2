// CVE ids in the spellings found in the wild: any case, a space or any dash (hyphen, non-breaking
// hyphen, en/em dash, minus) between the parts. Normalised to CVE-YYYY-NNNN+.

export interface CveHit {
  id: string
  surface: string
  offset: number
}

const DASH = '[-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]'
const SEP = `(?:\\s*${DASH}\\s*|\\s+|_)`
const CVE_RE = new RegExp(`\\bCVE${SEP}?((?:19|20)\\d{2})${SEP}(\\d{4,7})(?!\\d)`, 'giu')
/** "CVE-2017-1156 and -1157": a bare suffix continuing the previous id's year. */
const CONTINUATION_RE = new RegExp(`^(\\s*(?:,|and|or|&|/)\\s*)${DASH}(\\d{4,7})(?!\\d)`, 'iu')

export function findCves(text: string): CveHit[] {
  const hits: CveHit[] = []
  for (const m of text.matchAll(CVE_RE)) {
    const year = m[1]!
    hits.push({ id: `CVE-${year}-${m[2]!}`, surface: m[0], offset: m.index })
    hits.push(...continuations(text, m.index + m[0].length, year))
  }
  return hits
}

function continuations(text: string, from: number, year: string): CveHit[] {
  const out: CveHit[] = []
  let pos = from
  for (;;) {
    const m = CONTINUATION_RE.exec(text.slice(pos, pos + 40))
    if (!m) return out
    const offset = pos + m[1]!.length
    out.push({ id: `CVE-${year}-${m[2]!}`, surface: text.slice(offset, pos + m[0].length), offset })
    pos += m[0].length
  }
}
