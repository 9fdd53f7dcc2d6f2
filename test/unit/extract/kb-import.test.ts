// Knowledge-base import from MISP galaxy clusters and MITRE ATT&CK STIX, on hand-written fixtures.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors.js'
import { entityId } from '../../../src/core/ids.js'
import { parseKnowledgeFile } from '../../../src/pipeline/extract/kb-import.js'
import type { KbEntry } from '../../../src/pipeline/extract/types.js'

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../fixtures/extract/${name}`, import.meta.url)), 'utf8'),
  )
const byName = (entries: KbEntry[], name: string) => entries.find((e) => e.name === name)

describe('parseKnowledgeFile: MISP galaxy clusters', () => {
  it('reads threat-actor clusters with their synonyms and ids from type + name', async () => {
    const entries = await parseKnowledgeFile(fixture('misp-threat-actor.json'), 'threat-actor.json')
    const sofacy = byName(entries, 'Sofacy')!
    expect(sofacy.type).toBe('threat_actor')
    expect(sofacy.id).toBe(await entityId('threat_actor', 'Sofacy'))
    expect(sofacy.description).toBe('A sample actor.')
    expect(sofacy.aliases).toContain('Fancy Bear')
  })

  it('settles an alias two clusters claim: canonical owner first, else sorted name order', async () => {
    const entries = await parseKnowledgeFile(fixture('misp-threat-actor.json'), 'threat-actor.json')
    // "Pawn Storm" is a cluster of its own: Sofacy loses that synonym.
    expect(byName(entries, 'Sofacy')!.aliases).not.toContain('Pawn Storm')
    expect(byName(entries, 'Pawn Storm')!.aliases).toContain('Pawn Storm')
    // "APT28" is no one's name: it stays on the first by name ("APT28 Copycat" < "Sofacy").
    expect(byName(entries, 'APT28 Copycat')!.aliases).toContain('APT28')
    expect(byName(entries, 'Sofacy')!.aliases).not.toContain('APT28')
  })

  it('marks ordinary words ambiguous and drops people and generic words', async () => {
    const entries = await parseKnowledgeFile(fixture('misp-threat-actor.json'), 'threat-actor.json')
    expect(byName(entries, 'Sofacy')!.ambiguous).toContain('Hive')
    expect(byName(entries, 'APT28 Copycat')!.aliases).not.toContain('John Smith')
  })

  it('reads ransomware as gangs that are also strains, without fakes or the word ransomware', async () => {
    const entries = await parseKnowledgeFile(fixture('misp-ransomware.json'), 'ransomware.json')
    expect(entries.map((e) => e.name).sort()).toEqual(['Netflix', 'ZeroLocker'])
    const netflix = byName(entries, 'Netflix')!
    expect(netflix).toMatchObject({ type: 'threat_actor', altTypes: ['malware'] })
    expect(netflix.ambiguous).toContain('Netflix')
    expect(byName(entries, 'ZeroLocker')!.aliases).toEqual(
      expect.arrayContaining(['ZeroLocker', 'Zero Locker', 'ZeroLocker ransomware']),
    )
  })
})

describe('parseKnowledgeFile: names that community files get wrong', () => {
  const load = () => parseKnowledgeFile(fixture('misp-ransomware-shapes.json'), 'ransomware.json')

  it('makes one entry of names that differ only in case, keeping the capitalised spelling', async () => {
    const entries = await load()
    const dharma = entries.filter((e) => e.name.toLowerCase() === 'dharma')
    expect(dharma).toHaveLength(1)
    expect(dharma[0]).toMatchObject({
      name: 'Dharma',
      id: await entityId('threat_actor', 'dharma'),
    })
    expect(dharma[0]!.aliases).toEqual(expect.arrayContaining(['Dharma', 'CrySiS']))
  })

  it('drops synonyms that describe rather than name, and placeholder names', async () => {
    const entries = await load()
    expect(byName(entries, 'Dharma')!.aliases).not.toContain('CryptoLocker clone')
    expect(byName(entries, 'Quorra')!.aliases).not.toContain("Petya's little brother")
    expect(byName(entries, 'Quorra')!.aliases).toContain('Quorra group')
    expect(entries.map((e) => e.name)).not.toContain('Unknown Lock')
  })

  it('needs a cue for lower-case names, ordinary words and short codes', async () => {
    const entries = await load()
    expect(byName(entries, 'core')!.ambiguous).toContain('core')
    expect(byName(entries, 'money message')!.ambiguous).toContain('money message')
    expect(byName(entries, '8base')!.ambiguous).toContain('8base')
    expect(byName(entries, '24H')!.ambiguous).toContain('24H')
    expect(byName(entries, 'Dharma')!.ambiguous).toContain('Dharma')
    expect(byName(entries, 'Dharma')!.caseSensitive).toContain('CrySiS')
  })
})

describe('parseKnowledgeFile: MITRE ATT&CK STIX', () => {
  it('reads a bundle: groups are actors, malware and offensive tools are malware', async () => {
    const entries = await parseKnowledgeFile(fixture('stix-bundle.json'), 'enterprise.json')
    const types = Object.fromEntries(entries.map((e) => [e.name, e.type]))
    expect(types).toEqual({
      APT29: 'threat_actor',
      SUNBURST: 'malware',
      Mimikatz: 'malware',
      Net: 'software',
    })
    expect(byName(entries, 'APT29')!.aliases).toEqual(['APT29', 'Cozy Bear', 'NOBELIUM'])
    expect(byName(entries, 'Net')!.ambiguous).toContain('Net')
  })

  it('reads a plain array of objects the same way', async () => {
    const bundle = fixture('stix-bundle.json') as { objects: unknown[] }
    const entries = await parseKnowledgeFile(bundle.objects, 'objects.json')
    expect(entries).toHaveLength(4)
  })
})

describe('parseKnowledgeFile: anything else', () => {
  it.each([
    [{ foo: 1 }, 'not a MISP galaxy cluster file'],
    [[1, 2, 3], 'not a MISP galaxy cluster file'],
    [{ type: 'sector', values: [] }, 'MISP galaxy type "sector"'],
  ])('rejects %j with unsupported_input', async (json, message) => {
    const err = await parseKnowledgeFile(json, 'odd.json').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'unsupported_input' })
    expect((err as AppError).message).toContain('odd.json')
    expect((err as AppError).message).toContain(message)
  })
})
