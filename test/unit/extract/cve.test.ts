// CVE ids in the spellings security news actually uses, normalised to CVE-YYYY-NNNN+.
import { describe, expect, it } from 'vitest'
import { findCves } from '../../../src/pipeline/extract/cve.js'

const ids = (text: string) => findCves(text).map((c) => c.id)

describe('findCves', () => {
  it.each([
    ['tracked as CVE-2023-34362 by MITRE', 'hyphen'],
    ['tracked as CVE 2023-34362 by MITRE', 'space after CVE'],
    ['tracked as cve-2023-34362 by MITRE', 'lower case'],
    ['tracked as CVE\u20132023\u201334362 by MITRE', 'en dashes'],
    ['tracked as CVE\u20142023\u201434362 by MITRE', 'em dashes'],
    ['tracked as CVE\u20112023\u201134362 by MITRE', 'non-breaking hyphens'],
    ['tracked as CVE-2023\u201334362 by MITRE', 'mixed hyphen and en dash'],
  ])('%s (%s)', (text) => {
    expect(ids(text)).toEqual(['CVE-2023-34362'])
  })

  it('keeps ids of five to seven digits and the surface as written', () => {
    const [hit] = findCves('see cve-2018-1002105 now')
    expect(hit).toEqual({ id: 'CVE-2018-1002105', surface: 'cve-2018-1002105', offset: 4 })
  })

  it('reads "and -NNNN" as a second id of the same year', () => {
    expect(ids('CVE-2017-1156 and -1157 were fixed')).toEqual(['CVE-2017-1156', 'CVE-2017-1157'])
  })

  it('does not take years out of range or ids glued to longer numbers', () => {
    expect(ids('CVE-1899-1234, CVE-2023-123, CVE-2023-12345678')).toEqual([])
  })
})
