// extractMentions end to end on hand-written articles.
import { beforeAll, describe, expect, it } from 'vitest'
import { entityId } from '../../../src/core/ids.js'
import type { Mention } from '../../../src/core/types.js'
import {
  buildDefaultGazetteer,
  extractMentions,
  starterKb,
} from '../../../src/pipeline/extract/index.js'
import type { Gazetteer } from '../../../src/pipeline/extract/types.js'

const MERCOR = {
  title: 'AI startup Mercor hit by LiteLLM supply-chain attack',
  text: [
    'Mercor, an AI data training startup that works with major AI labs, has confirmed a security ' +
      'incident after attackers published poisoned versions of the open-source LiteLLM library to ' +
      'PyPI. The malicious releases, litellm 1.82.7 and 1.82.8, harvested cloud credentials and API ' +
      'keys from developer machines that installed them.',
    'Meta has paused its contracts with Mercor while the investigation continues, according to ' +
      'people familiar with the matter. The threat group Lapsus$ claimed responsibility for the data ' +
      'theft, while a group identified as TeamPCP said it had compromised the LiteLLM maintainer ' +
      'account first.',
  ].join('\n\n'),
}

let gazetteer: Gazetteer
beforeAll(async () => {
  gazetteer = await buildDefaultGazetteer()
})

const pairs = (ms: Mention[]) => ms.map((m) => `${m.type}:${m.name}`)

describe('extractMentions', () => {
  it('finds the actors, victim, vendor and library of the Mercor story', async () => {
    const ms = await extractMentions(MERCOR, gazetteer)
    expect(pairs(ms)).toEqual(
      expect.arrayContaining([
        'organization:Mercor',
        'software:LiteLLM',
        'organization:Meta',
        'threat_actor:Lapsus$',
        'threat_actor:TeamPCP',
      ]),
    )
  })

  it('keeps one mention per entity, counting occurrences and keeping the first surface', async () => {
    const ms = await extractMentions(MERCOR, gazetteer)
    const mercor = ms.find((m) => m.name === 'Mercor')!
    expect(mercor).toMatchObject({ surface: 'Mercor', discovered: true })
    expect(mercor.count).toBe(3)
    expect(mercor.entityId).toBe(await entityId('organization', 'Mercor'))
    expect(new Set(ms.map((m) => m.entityId)).size).toBe(ms.length)
    const lapsus = ms.find((m) => m.name === 'Lapsus$')!
    expect(lapsus.discovered).toBe(false)
  })

  it('labels a vendor only when it is named apart from its product', async () => {
    const inName = await extractMentions(
      { title: 'Microsoft SharePoint flaw exploited', text: 'Attackers exploit Apple macOS too.' },
      gazetteer,
    )
    expect(pairs(inName)).toEqual(['software:SharePoint', 'software:macOS'])
    const apart = await extractMentions(
      {
        title: 'Microsoft fixes SharePoint flaw',
        text: 'Microsoft said SharePoint Server is safe.',
      },
      gazetteer,
    )
    expect(pairs(apart)).toEqual(['organization:Microsoft', 'software:SharePoint'])
  })

  it('normalises CVE ids and reads feed boilerplate out', async () => {
    const ms = await extractMentions(
      {
        title: 'Progress patches MOVEit',
        text: 'The Cl0p gang exploited CVE\u20112023\u201334362 in MOVEit Transfer. The post Progress patches MOVEit appeared first on SecurityWeek.',
      },
      gazetteer,
    )
    expect(pairs(ms)).toEqual([
      'software:MOVEit Transfer',
      'threat_actor:Clop',
      'vulnerability:CVE-2023-34362',
    ])
    expect(ms.find((m) => m.name === 'MOVEit Transfer')!.count).toBe(2)
  })
})

describe('starterKb', () => {
  it('gives every entry an id computed from type and name, unique across the KB', async () => {
    const kb = await starterKb()
    expect(kb.length).toBeGreaterThan(900)
    for (const e of kb.slice(0, 50)) expect(e.id).toBe(await entityId(e.type, e.name))
    expect(new Set(kb.map((e) => e.id)).size).toBe(kb.length)
  })
})
