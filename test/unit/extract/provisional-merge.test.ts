// Which provisional (discovered) entities an import names, and so must be merged into it.
import { describe, expect, it } from 'vitest'
import { planProvisionalMerges } from '../../../src/pipeline/extract/provisional-merge.js'
import type { KbEntry } from '../../../src/pipeline/extract/types.js'

const kb = (id: string, type: KbEntry['type'], name: string, aliases: string[] = []): KbEntry => ({
  id,
  type,
  name,
  aliases: [name, ...aliases],
})

const imported = [
  kb('kb-apt28', 'threat_actor', 'APT28', ['Fancy Bear', 'Sofacy']),
  kb('kb-coreshell', 'malware', 'CORESHELL', ['Sofacy', 'SOURFACE']),
  kb('kb-play', 'threat_actor', 'Play', ['PlayCrypt', 'Play ransomware']),
  kb('kb-acme', 'organization', 'Acme Corp', ['ACME']),
  kb('kb-tool', 'software', 'Quick Assist'),
  kb('kb-a', 'threat_actor', 'Alpha Team', ['Shared Name']),
  kb('kb-b', 'threat_actor', 'Beta Team', ['Shared Name']),
]

describe('planProvisionalMerges', () => {
  it('merges a discovered name into the import that lists it, in any case or punctuation', () => {
    const plan = planProvisionalMerges(imported, [
      { id: 'p1', type: 'threat_actor', name: 'fancy bear' },
      { id: 'p2', type: 'organization', name: 'Acme Inc' },
      { id: 'p3', type: 'organization', name: 'ACME' },
      { id: 'p4', type: 'software', name: 'Quick-Assist' },
    ])
    expect(plan).toEqual([
      { from: 'p1', to: 'kb-apt28' },
      { from: 'p3', to: 'kb-acme' },
      { from: 'p4', to: 'kb-tool' },
    ])
  })

  it('pairs gangs and strains, and nothing else across types', () => {
    const plan = planProvisionalMerges(imported, [
      { id: 'p1', type: 'malware', name: 'PlayCrypt' },
      { id: 'p2', type: 'malware', name: 'SOURFACE' },
      { id: 'p3', type: 'organization', name: 'Play' },
      { id: 'p4', type: 'software', name: 'ACME' },
      { id: 'p5', type: 'vulnerability', name: 'Fancy Bear' },
    ])
    expect(plan).toEqual([
      { from: 'p1', to: 'kb-play' },
      { from: 'p2', to: 'kb-coreshell' },
    ])
  })

  it('prefers the same type when two imports claim a name, and skips true ties', () => {
    const plan = planProvisionalMerges(imported, [
      { id: 'p1', type: 'threat_actor', name: 'Sofacy' },
      { id: 'p2', type: 'malware', name: 'Sofacy' },
      { id: 'p3', type: 'threat_actor', name: 'Shared Name' },
    ])
    expect(plan).toEqual([
      { from: 'p1', to: 'kb-apt28' },
      { from: 'p2', to: 'kb-coreshell' },
    ])
  })

  it('prefers the entity whose own name it is over one that lists it as an alias', () => {
    const both = [...imported, kb('kb-sofacy', 'threat_actor', 'Sofacy')]
    const plan = planProvisionalMerges(both, [{ id: 'p1', type: 'threat_actor', name: 'SOFACY' }])
    expect(plan).toEqual([{ from: 'p1', to: 'kb-sofacy' }])
  })

  it('is deterministic: input order does not matter, and an entity never merges into itself', () => {
    const provisional = [
      { id: 'p2', type: 'threat_actor' as const, name: 'Play' },
      { id: 'kb-apt28', type: 'threat_actor' as const, name: 'APT28' },
      { id: 'p1', type: 'threat_actor' as const, name: 'Fancy Bear' },
    ]
    const one = planProvisionalMerges(imported, provisional)
    const two = planProvisionalMerges([...imported].reverse(), [...provisional].reverse())
    expect(one).toEqual(two)
    expect(one).toEqual([
      { from: 'p1', to: 'kb-apt28' },
      { from: 'p2', to: 'kb-play' },
    ])
  })

  it('plans nothing for names no import knows', () => {
    expect(
      planProvisionalMerges(imported, [{ id: 'p', type: 'threat_actor', name: 'Nobody' }]),
    ).toEqual([])
    expect(planProvisionalMerges([], [{ id: 'p', type: 'threat_actor', name: 'APT28' }])).toEqual(
      [],
    )
  })
})
