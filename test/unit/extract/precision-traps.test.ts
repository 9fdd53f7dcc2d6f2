// Precision traps: names that are also ordinary words, company or product names, parts of
// longer names, links or version strings must not turn into entities; the real mentions must.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildGazetteer } from '../../../src/pipeline/extract/gazetteer.js'
import { buildDefaultGazetteer, extractMentions } from '../../../src/pipeline/extract/index.js'
import { parseKnowledgeFile } from '../../../src/pipeline/extract/kb-import.js'
import type { Gazetteer, KbEntry } from '../../../src/pipeline/extract/types.js'

const entry = (id: string, type: KbEntry['type'], name: string, aliases: string[], more = {}) =>
  ({ id, type, name, aliases: [name, ...aliases], ...more }) as KbEntry
const matched = (g: Gazetteer, text: string) => g.match(text).map((h) => h.entity.name)

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../fixtures/extract/${name}`, import.meta.url)), 'utf8'),
  )

describe('a company named after a common word', () => {
  const g = buildGazetteer([
    entry('progress', 'organization', 'Progress Software', ['Progress'], {
      ambiguous: ['Progress'],
    }),
    entry('apple', 'organization', 'Apple', [], { caseSensitive: ['Apple'] }),
  ])

  it('is the word in prose and the company where the text says so', () => {
    expect(matched(g, 'We made progress on the patch. Progress was slow.')).toEqual([])
    expect(matched(g, 'Progress Software fixed it, and Progress said so.')).toEqual([
      'Progress Software',
      'Progress Software',
    ])
  })

  it('reads "apple" the fruit as no company and Apple the company as one', () => {
    expect(matched(g, 'An apple a day; apple pie; crab apples.')).toEqual([])
    expect(matched(g, 'Researchers told Apple about the bug.')).toEqual(['Apple'])
  })
})

describe('with the starter KB and an import', () => {
  let g: Gazetteer
  const typesOf = async (text: string) =>
    (await extractMentions({ title: '', text }, g)).map((m) => `${m.type}:${m.name}`)
  const actors = async (text: string) =>
    (await typesOf(text)).filter((t) => t.startsWith('threat_actor:'))

  beforeAll(async () => {
    const imported = await parseKnowledgeFile(fixture('misp-ransomware.json'), 'ransomware.json')
    g = await buildDefaultGazetteer(imported)
  })

  it('keeps a company that a ransomware list also names ("Netflix") a company', async () => {
    expect(await actors('Netflix said the Netflix ransomware scam is not theirs.')).toEqual([])
  })

  it('finds no product in a link', async () => {
    expect(await typesOf('See https://example.com/moveit-transfer-guide for details.')).toEqual([])
    expect(await typesOf('Attackers exploited MOVEit Transfer again.')).toContain(
      'software:MOVEit Transfer',
    )
  })

  it('tells "play" in prose and Google Play from the Play ransomware gang', async () => {
    expect(await actors('Kids play games all day. Play it safe, they said.')).toEqual([])
    expect(await actors('Google Play malware hid in apps on the Play Store.')).toEqual([])
    expect(await actors('Apps at play.google.com were removed.')).toEqual([])
    expect(await actors('The Play ransomware gang hit the city.')).toEqual(['threat_actor:Play'])
  })

  it('reads "scattered" and "sandworm" in prose as words', async () => {
    expect(await actors('Debris scattered across the road. Scattered showers followed.')).toEqual(
      [],
    )
    expect(await actors('In Dune, a giant Sandworm swallows the harvester.')).toEqual([])
    expect(await actors('Scattered Spider breached MGM; Sandworm hackers hit Ukraine.')).toEqual([
      'threat_actor:Scattered Spider',
      'threat_actor:Sandworm',
    ])
  })

  it('reads "Royal" in "Royal Mail" and "Qatar Royal Family" as part of those names', async () => {
    expect(await actors('Royal Mail was hit. Data of the Qatar Royal Family leaked.')).toEqual([])
    expect(await actors('The Royal ransomware gang hit Dallas.')).toEqual(['threat_actor:Royal'])
  })

  it('finds no actor in version strings and file names', async () => {
    const text = 'Upgrade apt 2.7.14 or APT 3.0; builds v1.APT28.2, FIN7.1 and libfoo 2.APT41.'
    expect(await actors(text)).toEqual([])
    expect(await actors('APT28 and FIN7 returned.')).toEqual([
      'threat_actor:APT28',
      'threat_actor:FIN7',
    ])
  })
})
