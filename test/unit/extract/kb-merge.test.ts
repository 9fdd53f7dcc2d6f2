// Folding imports into the starter KB: shared aliases join the built-in entity, names the
// starter KB gives to companies or products keep that meaning.
import { describe, expect, it } from 'vitest'
import { mergeKb } from '../../../src/pipeline/extract/kb-merge.js'
import { buildGazetteer } from '../../../src/pipeline/extract/gazetteer.js'
import type { KbEntry } from '../../../src/pipeline/extract/types.js'

const entry = (id: string, type: KbEntry['type'], name: string, aliases: string[], more = {}) =>
  ({ id, type, name, aliases: [name, ...aliases], ...more }) as KbEntry

const base = [
  entry('apt28', 'threat_actor', 'APT28', ['Fancy Bear']),
  entry('netflix', 'organization', 'Netflix', []),
  entry('python', 'software', 'Python', [], { ambiguous: ['Python'] }),
  entry('spectre', 'vulnerability', 'Spectre', []),
]

describe('mergeKb', () => {
  it('adds the aliases of an import that shares a name with a built-in entity, with their marks', () => {
    const sofacy = entry('sofacy', 'threat_actor', 'Sofacy', ['APT28', 'Sednit', 'Strontium'], {
      ambiguous: ['Strontium'],
      caseSensitive: ['Sofacy', 'APT28', 'Sednit'],
    })
    const merged = mergeKb(base, [sofacy])
    const apt28 = merged.find((e) => e.id === 'apt28')!
    expect(apt28.aliases).toEqual(['APT28', 'Fancy Bear', 'Sofacy', 'Sednit', 'Strontium'])
    expect(apt28.ambiguous).toEqual(['Strontium'])
    expect(apt28.caseSensitive).toEqual(['Sofacy', 'Sednit'])
    expect(merged.find((e) => e.id === 'sofacy')).toBeUndefined()
  })

  it('drops imported gangs named like a built-in company, product or vulnerability', () => {
    const gangs = [
      entry('g1', 'threat_actor', 'Netflix', ['Netflix ransomware']),
      entry('g2', 'threat_actor', 'python', ['python ransomware']),
      entry('g3', 'threat_actor', 'Spectre', []),
    ]
    expect(mergeKb(base, gangs).map((e) => e.id)).toEqual(['apt28', 'netflix', 'python', 'spectre'])
  })

  it('drops only the foreign alias of an import that keeps a name of its own', () => {
    const lusca = entry('lusca', 'threat_actor', 'Earth Lusca', ['TAG-22', 'Python'], {
      caseSensitive: ['Earth Lusca', 'TAG-22', 'Python'],
    })
    const added = mergeKb(base, [lusca]).find((e) => e.id === 'lusca')!
    expect(added.aliases).toEqual(['Earth Lusca', 'TAG-22'])
    expect(added.caseSensitive).toEqual(['Earth Lusca', 'TAG-22'])
    const g = buildGazetteer(mergeKb(base, [lusca]))
    expect(g.match('the Python malware').map((h) => h.entity.id)).toEqual([])
  })

  it('re-marks entries read back from storage before merging them', () => {
    const royal = entry('royal', 'threat_actor', 'Royal', ['Royal ransomware'])
    const g = buildGazetteer(mergeKb(base, [royal]))
    expect(g.match('Royal said it would').map((h) => h.entity.id)).toEqual([])
    expect(g.match('the Royal ransomware gang').map((h) => h.surface)).toEqual(['Royal ransomware'])
  })
})
