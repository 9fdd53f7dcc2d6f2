// The combining rules: vendor/product names, listed names, acronyms, gang or strain.
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDefaultGazetteer, extractMentions } from '../../../src/pipeline/extract/index.js'
import type { Gazetteer } from '../../../src/pipeline/extract/types.js'

let gazetteer: Gazetteer
beforeAll(async () => {
  gazetteer = await buildDefaultGazetteer()
})

const extract = async (text: string, title = '') =>
  (await extractMentions({ title, text }, gazetteer)).map((m) => `${m.type}:${m.name}`)

describe('known names made longer', () => {
  it('reads a coined word after a product or vendor as a product of its own', async () => {
    expect(await extract('Flaws in the Microsoft Azure HDInsight service were fixed.')).toEqual([
      'software:Azure HDInsight',
    ])
    expect(await extract('Attackers targeted Juniper SRX firewalls.')).toEqual([
      'software:Juniper SRX',
    ])
  })

  it('reads a short version or year as a release line, not a longer version', async () => {
    expect(await extract('It runs on Windows Server 2003 and Python 3, not Python 3.11.')).toEqual([
      'software:Windows Server 2003',
      'software:Python 3',
      'software:Python',
    ])
  })

  it('does not glue ordinary words or update ids to a product', async () => {
    expect(await extract('Microsoft Warns users. Windows 11 KB5030219 is out.')).toEqual([
      'organization:Microsoft',
      'software:Windows 11',
    ])
  })
})

describe('names listed with a known family', () => {
  it('types unknown names in a list by the known one', async () => {
    const found = await extract(
      'The campaign dropped Pureland, Atomic Stealer, and Realst on the victims.',
    )
    expect(found).toEqual(
      expect.arrayContaining(['malware:Pureland', 'malware:Atomic Stealer', 'malware:Realst']),
    )
  })

  it('leaves people and numbers alone', async () => {
    expect(
      await extract('Dariy Pankov, the NLBrute malware author, and APT35/42 were named.'),
    ).not.toEqual(expect.arrayContaining(['malware:Pankov']))
  })
})

describe('acronyms defined in the text', () => {
  it('counts a defined acronym as its entity', async () => {
    const ms = await extractMentions(
      {
        title: '',
        text: 'The Greater Manchester Police (GMP) said data was exposed. GMP is investigating.',
      },
      gazetteer,
    )
    expect(ms.map((m) => [m.name, m.count])).toEqual([['Greater Manchester Police', 3]])
  })
})
