// The alias matcher: longest match, word boundaries, `$` in names, and ordinary-word aliases.
import { beforeAll, describe, expect, it } from 'vitest'
import { buildGazetteer } from '../../../src/pipeline/extract/gazetteer.js'
import { buildDefaultGazetteer } from '../../../src/pipeline/extract/index.js'
import type { Gazetteer, KbEntry } from '../../../src/pipeline/extract/types.js'

const entry = (id: string, type: KbEntry['type'], name: string, aliases: string[], more = {}) =>
  ({ id, type, name, aliases: [name, ...aliases], ...more }) as KbEntry

const names = (g: Gazetteer, text: string) => g.match(text).map((h) => h.entity.name)
const surfaces = (g: Gazetteer, text: string) => g.match(text).map((h) => h.surface)

describe('buildGazetteer', () => {
  const g = buildGazetteer([
    entry('a', 'organization', 'Microsoft', []),
    entry('b', 'software', 'SharePoint', ['Microsoft SharePoint', 'SharePoint Server']),
    entry('c', 'threat_actor', 'Lapsus$', ['LAPSUS$', 'DEV-0537']),
    entry('d', 'threat_actor', 'Clop', ['Cl0p', 'TA505']),
    entry('e', 'threat_actor', 'Play', ['PlayCrypt'], { ambiguous: ['Play'] }),
    entry('f', 'organization', 'SAP', [], { caseSensitive: ['SAP'] }),
  ])

  it('prefers the longest alias: a vendor-prefixed product is the product', () => {
    expect(names(g, 'Attackers hit Microsoft SharePoint servers')).toEqual(['SharePoint'])
    expect(names(g, 'Microsoft said SharePoint Server was patched')).toEqual([
      'Microsoft',
      'SharePoint',
    ])
  })

  it('keeps $ inside names and matches it in any case', () => {
    expect(surfaces(g, 'The Lapsus$ gang and LAPSUS$ members')).toEqual(['Lapsus$', 'LAPSUS$'])
    expect(names(g, 'Lapsus is not Lapsus$')).toEqual(['Lapsus$'])
  })

  it('maps Cl0p and Clop to one entity and respects word boundaries', () => {
    expect(names(g, 'the Cl0p gang, aka Clop or TA505')).toEqual(['Clop', 'Clop', 'Clop'])
    expect(names(g, 'Clopper and Cl0ps are not names, nor is DEV-05370')).toEqual([])
  })

  it('needs proper case and a cue for an ordinary-word alias', () => {
    expect(names(g, 'The kids play games all day. Play video games!')).toEqual([])
    expect(names(g, 'A note from the Play ransomware gang')).toEqual(['Play'])
    expect(names(g, 'Play claimed the attack on its leak site')).toEqual(['Play'])
    expect(names(g, 'PlayCrypt hit a city. Later, Play returned.')).toEqual(['Play', 'Play'])
  })

  it('matches a case-sensitive alias only as written', () => {
    expect(names(g, 'SAP patched; the sap rises')).toEqual(['SAP'])
  })

  it('resolves an alias claimed by two entities deterministically', () => {
    const twice = [
      entry('x1', 'malware', 'Hydra', ['Hydra botnet']),
      entry('x2', 'threat_actor', 'Hydra Group', ['Hydra botnet']),
    ]
    const one = buildGazetteer(twice).match('the Hydra botnet')
    const two = buildGazetteer([...twice].reverse()).match('the Hydra botnet')
    expect(one.map((h) => h.entity.id)).toEqual(['x1'])
    expect(two.map((h) => h.entity.id)).toEqual(['x2'])
    // An alias that is some entity's canonical name goes to that entity, whatever the order.
    const named = [entry('y1', 'malware', 'Zeta', ['Eta']), entry('y2', 'malware', 'Eta', [])]
    expect(buildGazetteer(named).lookup('eta')?.id).toBe('y2')
  })

  it('reports offsets into the matched text', () => {
    const [hit] = g.match('Hi, Cl0p!')
    expect(hit).toMatchObject({ surface: 'Cl0p', offset: 4, length: 4 })
  })
})

describe('context rules for names that are also words, links and versions', () => {
  const g = buildGazetteer([
    entry('play', 'threat_actor', 'Play', ['play ransomware'], {
      ambiguous: ['Play', 'play ransomware'],
    }),
    entry('core', 'threat_actor', 'core', [], { ambiguous: ['core'] }),
    entry('base', 'threat_actor', '8base', [], { ambiguous: ['8base'] }),
    entry('royal', 'threat_actor', 'Royal', [], { ambiguous: ['Royal'] }),
    entry('moveit', 'software', 'MOVEit Transfer', ['MOVEit']),
    entry('apt28', 'threat_actor', 'APT28', [], { caseSensitive: ['APT28'] }),
  ])

  it('needs capitals and a cue for a name a file wrote in lower case', () => {
    expect(names(g, 'threat actors target core systems')).toEqual([])
    expect(names(g, 'the Core ransomware gang')).toEqual(['core'])
    expect(names(g, 'at 8base camp; the 8Base ransomware group')).toEqual(['8base'])
    expect(surfaces(g, 'the Play ransomware strain')).toEqual(['Play ransomware'])
  })

  it('reads an ordinary word inside a longer capitalised name as part of it', () => {
    expect(names(g, 'Google Play malware and Play Store apps')).toEqual([])
    expect(names(g, 'Royal Mail said Royal Family data leaked, not Royal gang data')).toEqual([
      'Royal',
    ])
    expect(names(g, 'they used a Play RAT, said the Royal Group')).toEqual(['Play', 'Royal'])
    expect(names(g, 'Yesterday Royal ransomware hit. The Royal gang and Play affiliates')).toEqual([
      'Royal',
      'Royal',
      'Play',
    ])
  })

  it('does not take a cue from a headline: the body must name it', () => {
    expect(
      names(g, 'Spyware Hunters Find Royal Ransomware Flaw\nResearchers found a bug.'),
    ).toEqual([])
    expect(names(g, 'Royal Ransomware Hits Dallas\nThe Royal gang claimed it.')).toEqual([
      'Royal',
      'Royal',
    ])
  })

  it('finds nothing inside links, host names and e-mail addresses', () => {
    expect(names(g, 'https://example.com/moveit-transfer-guide and moveit.com')).toEqual([])
    expect(names(g, 'mail play@royal-ransom.org or visit play.google.com')).toEqual([])
    expect(names(g, 'the POC_ROYAL_GANG.zip and Royal.exe files of the Royal gang')).toEqual([
      'Royal',
    ])
    expect(names(g, 'MOVEit was hit (see MOVEit/Transfer docs)')).toEqual([
      'MOVEit Transfer',
      'MOVEit Transfer',
    ])
  })

  it('finds no tracking id inside a version string', () => {
    expect(names(g, 'builds v1.APT28.2 and APT28.1, tag 2.APT28')).toEqual([])
    expect(names(g, 'APT28. Then APT28, again')).toEqual(['APT28', 'APT28'])
  })

  it('resolves pattern finds to a gang only through aliases that name it by themselves', () => {
    expect(g.lookup('royal')).toBeUndefined()
    expect(g.lookup('MOVEit')?.id).toBe('moveit')
    const bash = entry('bash', 'software', 'Bash', [], { ambiguous: ['Bash'] })
    expect(buildGazetteer([bash]).lookup('Bash')?.id).toBe('bash')
  })
})

describe('the starter KB through buildDefaultGazetteer', () => {
  let g: Gazetteer
  beforeAll(async () => {
    g = await buildDefaultGazetteer()
  })

  it('knows the common spellings of widely reported actors', () => {
    expect(names(g, 'Cl0p, CLOP and Clop ransomware; LockBit 3.0; ALPHV/BlackCat')).toEqual([
      'Clop',
      'Clop',
      'Clop',
      'LockBit',
      'ALPHV',
    ])
    expect(names(g, 'Midnight Blizzard (APT29) and Octo Tempest')).toEqual([
      'APT29',
      'APT29',
      'Scattered Spider',
    ])
  })

  it('does not read product names as their vendor', () => {
    expect(names(g, 'flaws in Citrix NetScaler ADC and Ivanti Connect Secure')).toEqual([
      'Citrix NetScaler ADC',
      'Ivanti Connect Secure',
    ])
  })

  it('confirms an ordinary-word product by its vendor or a listed neighbour', () => {
    expect(names(g, 'The teams met. Microsoft said Teams chats were abused.')).toEqual([
      'Microsoft',
      'Microsoft Teams',
    ])
    expect(names(g, 'Teams chats were abused.')).toEqual([])
    expect(names(g, 'Fixes for Meltdown and Spectre shipped.')).toEqual(['Meltdown', 'Spectre'])
  })

  it('leaves ordinary words alone', () => {
    expect(names(g, 'a royal visit, a bee hive, medusa jellyfish and a cactus')).toEqual([])
  })
})
