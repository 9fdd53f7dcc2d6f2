// The fast paths of extraction give exactly what the plain versions they replaced gave: the
// synchronous entity id, the indexOf occurrence count, the ASCII key folding and the binary
// search for headline offsets. No timing here: scripts/bench-extract.ts measures speed.
import { describe, expect, it } from 'vitest'
import { entityId } from '../../../src/core/ids.js'
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import { entityIdSync } from '../../../src/pipeline/extract/index.js'
import { countOccurrences } from '../../../src/pipeline/extract/occurrences.js'
import { foldKey, tokenize } from '../../../src/pipeline/extract/tokenize.js'
import { makeDoc } from '../../../src/pipeline/extract/doc.js'

const NAMES = [
  '',
  'LockBit',
  'Lapsus$',
  'Cl0p',
  'Société Générale',
  'Ｆｕｌｌｗｉｄｔｈ',
  '北京',
  'emoji 😀 name',
  // 55, 56 and 64 bytes: the padding edge cases of SHA-256.
  'a'.repeat(55),
  'b'.repeat(56),
  'c'.repeat(64),
  'A much longer name that spans more than one block of the hash function input',
  'é'.repeat(300),
]

describe('entityIdSync', () => {
  it('gives the ids entityId gives', async () => {
    for (const type of ENTITY_TYPES) {
      for (const name of NAMES) expect(entityIdSync(type, name)).toBe(await entityId(type, name))
    }
  })
})

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const byRegex = (text: string, name: string) =>
  [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}$])${escape(name)}(?![\\p{L}\\p{N}$])`, 'gu'))]
    .length

describe('countOccurrences', () => {
  const texts = [
    'GMP said GMP, not GMPs or XGMP. (GMP) GMP',
    'aaa aa aa-aa aa$ $aa aa1 1aa éaa aaé',
    'Play: play Play. Playing PLAY Play',
    '𝐀Acme Acme𝐀 😀Acme Acme😀 Acme',
    'x.y x.y.z a.x.y x.y',
    'Lapsus$ Lapsus$$ Lapsus$a (Lapsus$)',
    '',
  ]
  const names = ['GMP', 'aa', 'Play', 'Acme', 'x.y', 'Lapsus$', 'a', '😀', '']
  it('counts whole-word occurrences as the Unicode regex does', () => {
    for (const text of texts) {
      for (const name of names)
        expect(countOccurrences(text, name), `${name} in ${text}`).toBe(byRegex(text, name))
    }
  })
})

/** The folding every key went through before the ASCII fast path. */
const slowFold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u2018\u2019\u201B\u0060\u00B4]/g, "'")
    .toLowerCase()

describe('foldKey', () => {
  it('folds ASCII as the full Unicode folding does', () => {
    for (let c = 0; c < 128; c++) {
      const s = String.fromCharCode(c)
      expect(foldKey(s)).toBe(slowFold(s))
      expect(foldKey(`Ab${s}Z9`)).toBe(slowFold(`Ab${s}Z9`))
    }
  })
  it('still folds accents, dashes and quotes', () => {
    for (const s of ['Café', 'Storm‑0558', 'O’Brien', 'ＡＰＴ２８', 'İstanbul']) {
      expect(foldKey(s)).toBe(slowFold(s))
    }
  })
})

const ARTICLE = [
  'Hackers Breach Acme Corp In Major Supply Chain Attack',
  'The attack hit Acme on Monday. “It was bad,” said a spokesperson.',
  'WHAT WE KNOW SO FAR',
  '- Attackers used CVE-2024-1234.\n* Another Item Here Now',
  'Émile Café Über Group Strikes Again',
].join('\n')

describe('makeDoc', () => {
  it('answers inTitle for every offset as a scan over headline tokens does', () => {
    const doc = makeDoc(ARTICLE)
    const title = doc.tokens.filter((t) => t.titleLine)
    expect(title.length).toBeGreaterThan(0)
    for (let off = -1; off <= ARTICLE.length + 1; off++) {
      expect(doc.inTitle(off)).toBe(title.some((t) => off >= t.start && off < t.end))
    }
  })
  it('marks headlines and sentence starts', () => {
    const words = (flag: 'titleLine' | 'sentStart') =>
      tokenize(ARTICLE)
        .filter((t) => t.isWord && t[flag])
        .map((t) => t.text)
    expect(words('titleLine')).toEqual(
      expect.arrayContaining(['Hackers', 'WHAT', 'FAR', 'Another', 'Émile', 'Again']),
    )
    expect(words('titleLine')).not.toContain('Monday')
    expect(words('sentStart')).toEqual(
      expect.arrayContaining(['Hackers', 'The', 'It', 'WHAT', 'Attackers', 'Another', 'Émile']),
    )
    expect(words('sentStart')).not.toContain('said')
  })
})
