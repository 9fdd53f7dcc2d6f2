import { describe, expect, it } from 'vitest'
import {
  bandKeys,
  compareFingerprints,
  contentFingerprint,
  isNearDuplicate,
} from '../../../src/pipeline/parse/near-duplicate.js'

// Hand-written, fictional reports. ORIGINAL is one outlet's story; REPORT is another outlet's own
// story about the same breach: same facts, entities and one shared quote, different wording.
const TITLE = 'Northwind Health says ransomware attack exposed data of 1.2 million patients'
const ORIGINAL = [
  'Northwind Health Partners, a US healthcare network operating 14 hospitals in Ohio and Indiana, has confirmed that a ransomware attack in early March exposed the personal and medical information of roughly 1.2 million patients.',
  'In a filing with the Maine Attorney General on Friday, the company said an unauthorized party gained access to its network on March 3 and copied files from a document management server before deploying encryption on March 7.',
  'The stolen files included names, dates of birth, Social Security numbers, insurance policy numbers, diagnosis codes and treatment records, according to the notification letters sent to affected individuals this week.',
  '"We took immediate steps to contain the incident, engaged leading cybersecurity experts and notified law enforcement," Northwind Health said in a statement. "We have no evidence that the information has been misused."',
  'The Quiet Lynx ransomware gang claimed the attack on its data leak site in late March, alleging that it had stolen more than 600 GB of data and publishing samples that included scanned insurance cards and internal spreadsheets.',
  'Security researchers who track the group say Quiet Lynx typically breaches victims through unpatched VPN appliances and stolen credentials, and has listed more than 40 healthcare organizations on its leak site since it emerged last year.',
  'Northwind Health is offering affected patients 24 months of free credit monitoring and identity protection services, and has set up a call center to answer questions about the incident.',
  'The company said it has since reset all employee passwords, enabled multi-factor authentication for remote access and replaced the VPN appliance that the attackers used to get in.',
]
const REPORT = [
  'About 1.2 million people had their health and personal data stolen when ransomware operators broke into Northwind Health Partners this spring, the Ohio-based hospital operator disclosed on Friday.',
  "According to a breach notice filed with regulators in Maine, the intruders were inside Northwind's systems from March 3 until March 7, when they encrypted servers and disrupted scheduling at several of its 14 hospitals.",
  'Patients are being told that their Social Security numbers, birth dates, insurance details and medical diagnoses may have been taken.',
  'Northwind said it had "engaged leading cybersecurity experts and notified law enforcement" and that it has "no evidence that the information has been misused."',
  "The breach was claimed weeks ago by Quiet Lynx, a ransomware crew that posted what it said were 600 GB of the hospital group's files, including copies of patient insurance cards.",
  'The group has targeted dozens of hospitals and clinics since appearing in 2023, often getting in through vulnerable VPN devices, researchers say. Victims will get two years of credit monitoring at no cost.',
]
const UNRELATED = [
  'Google has released an emergency Chrome update to fix a zero-day vulnerability in the V8 JavaScript engine that it says is being exploited in attacks.',
  'The high-severity flaw, a type confusion bug reported by a researcher from the Threat Analysis Group, can let a remote attacker corrupt memory by luring a target to a crafted web page.',
  'The fix is rolling out to the Stable channel for Windows, macOS and Linux over the coming days, and users can apply it at once from the browser settings by relaunching Chrome.',
  'Google did not share details of the attacks, saying that access to bug details may be kept restricted until a majority of users are updated with a fix.',
]

const join = (paragraphs: string[]) => paragraphs.join('\n\n')
const fp = contentFingerprint
const original = fp(TITLE, join(ORIGINAL))

function expectDuplicate(title: string, text: string) {
  const copy = fp(title, text)
  const decision = isNearDuplicate(copy, original)
  expect(decision.duplicate, JSON.stringify(decision)).toBe(true)
  expect(isNearDuplicate(original, copy)).toEqual(decision)
  // The LSH index must surface the pair, or the check would never run.
  expect(bandKeys(copy).some((k) => bandKeys(original).includes(k))).toBe(true)
  return decision
}

function expectDistinct(a: ReturnType<typeof fp>, b: ReturnType<typeof fp>) {
  const decision = isNearDuplicate(a, b)
  expect(decision.duplicate, JSON.stringify(decision)).toBe(false)
  return decision
}

describe('contentFingerprint', () => {
  it('is compact, deterministic and counts text tokens', () => {
    const again = fp(TITLE, join(ORIGINAL))
    expect(again).toEqual(original)
    expect(original.simhash).toMatch(/^[0-9a-f]{16}$/)
    expect(atob(original.minhash)).toHaveLength(64 * 4)
    expect(original.tokens).toBeGreaterThan(250)
    expect(JSON.stringify(original).length).toBeLessThan(800)
    expect(bandKeys(original)).toEqual(bandKeys(again))
    expect(bandKeys(original)).toHaveLength(20 + 24)
  })

  it('ignores feed boilerplate, bylines and truncation marks', () => {
    const text = ORIGINAL[0]!
    const noisy = [
      `By Jane Doe\n${text} [...]`,
      `${text}\nWritten by Jane Doe`,
      `${text} The post T appeared first on SecurityWeek.`,
      `${text}\nRead more at Example Security News`,
      `${text} This is a post from HackRead.com Read the original post: T`,
    ]
    for (const variant of noisy) expect(fp('T', variant)).toEqual(fp('T', text))
  })
})

describe('isNearDuplicate on long articles', () => {
  it('an exact copy is a duplicate, decided by SimHash', () => {
    const d = expectDuplicate(TITLE, join(ORIGINAL))
    expect(d).toMatchObject({ method: 'simhash', rule: 'simhash', similarity: 1 })
  })

  it('a copy with a new title and an "Originally published by" line is a duplicate', () => {
    const text = `${join(ORIGINAL)}\n\nOriginally published by Example Security News.`
    const d = expectDuplicate('Hospital group hit by Quiet Lynx: 1.2M patients affected', text)
    expect(d.similarity).toBeGreaterThan(0.9)
  })

  it('a copy with two paragraphs cut is a duplicate', () => {
    const cut = ORIGINAL.filter((_, i) => i !== 4 && i !== 5)
    expectDuplicate(TITLE, join(cut))
  })

  it('a copy with its paragraphs reordered is a duplicate', () => {
    const order = [1, 0, 2, 4, 3, 6, 5, 7]
    expectDuplicate(TITLE, join(order.map((i) => ORIGINAL[i]!)))
  })

  it("an aggregator's copy with its own intro and outro that keeps most of the body is a duplicate", () => {
    const text = join([
      'Another healthcare provider has fallen victim to ransomware. Here is what we know so far.',
      ...ORIGINAL.slice(0, 6),
      'Stay tuned for updates. Read more: Example Security News',
      'Subscribe to our weekly newsletter for more stories like this one.',
    ])
    expectDuplicate('Quiet Lynx ransomware hits Northwind Health', text)
  })

  it('a copy keeping only the first three paragraphs is a duplicate (containment)', () => {
    // True Jaccard 0.38: the estimate (+-0.06) may clear 0.5 alone; containment (~1) must be sure.
    const copy = fp(TITLE, join(ORIGINAL.slice(0, 3)))
    expectDuplicate(TITLE, join(ORIGINAL.slice(0, 3)))
    expect(compareFingerprints(copy, original).containment).toBeGreaterThan(0.9)
    expect(isNearDuplicate(copy, original, { jaccard: 0.7 }).rule).toBe('containment')
  })

  it('an independent report of the same breach is not a duplicate', () => {
    const report = fp('Northwind Health discloses breach affecting 1.2M', join(REPORT))
    const d = expectDistinct(report, original)
    expect(d.similarity).toBeLessThan(0.25)
    expect(compareFingerprints(report, original).hamming).toBeGreaterThan(10)
  })

  it('an unrelated article is not a duplicate', () => {
    const d = expectDistinct(fp('Chrome zero-day fixed', join(UNRELATED)), original)
    expect(d.similarity).toBeLessThan(0.1)
  })
})

// Decision for summaries: a summary is a duplicate only when it is an extract of the original's
// text (its words, in order, from the original's opening, which is what feed summaries and
// aggregator excerpts are); a summary in the aggregator's own words is a separate source that
// clustering joins to the incident. Only the first 64 tokens are stored exactly, so an extract from
// the middle of an article is not recognised.
describe('isNearDuplicate on summaries and short texts', () => {
  it('a summary that is the first paragraph of the original is a duplicate (extract)', () => {
    const d = expectDuplicate(TITLE, `${ORIGINAL[0]!} [...]`)
    expect(d).toMatchObject({ rule: 'extract', method: 'shingles', similarity: 1 })
    expectDuplicate('Hospital operator confirms March ransomware attack', ORIGINAL[0]!)
  })

  it('a paragraph from the middle of the original is not recognised as an extract', () => {
    expectDistinct(fp(TITLE, ORIGINAL[3]!), original)
  })

  it('a summary written in other words is not a duplicate', () => {
    const summary =
      'Ransomware operators stole medical and personal records belonging to about 1.2 million patients of Northwind Health Partners, an operator of 14 hospitals, during an intrusion in March.'
    expectDistinct(fp(TITLE, summary), original)
  })

  const SUMMARY =
    'Threat actors are exploiting a critical authentication bypass in Acme SecureGate VPN appliances to plant web shells, and the vendor urges customers to install version 9.4.2 immediately.'
  const SUMMARY_TITLE = 'Acme SecureGate VPN flaw exploited to plant web shells'

  it('short feed summaries identical except for the outlet suffix or title wording are duplicates', () => {
    const a = fp(
      SUMMARY_TITLE,
      `${SUMMARY} The post ${SUMMARY_TITLE} appeared first on SecurityWeek.`,
    )
    const b = fp(
      SUMMARY_TITLE,
      `${SUMMARY} The post ${SUMMARY_TITLE} appeared first on Security Boulevard.`,
    )
    const d = isNearDuplicate(a, b)
    expect(d).toMatchObject({ duplicate: true, method: 'shingles', similarity: 1 })
    expect(bandKeys(a)).toEqual(bandKeys(b))
    const retitled = fp('Hackers exploit Acme SecureGate VPN flaw to plant web shells', SUMMARY)
    expect(isNearDuplicate(retitled, a).duplicate).toBe(true)
  })

  it('short summaries of different stories sharing many words are not duplicates', () => {
    const pairs: [string, string, string, string][] = [
      [
        'CISA adds Ivanti EPM flaws to KEV catalog',
        'CISA has added three vulnerabilities affecting Ivanti Endpoint Manager to its Known Exploited Vulnerabilities catalog, ordering federal agencies to patch by July 15.',
        'CISA adds Citrix NetScaler flaws to KEV catalog',
        'CISA has added two vulnerabilities affecting Citrix NetScaler ADC to its Known Exploited Vulnerabilities catalog, ordering federal agencies to patch by August 2.',
      ],
      [
        'In Other News: Healthcare Flaws, Email Testing, Attack Techniques',
        'Weekly cybersecurity news roundup of noteworthy stories that might have slipped under the radar for the week of July 3, 2023.',
        'In Other News: Investor Lawsuit, Satellite Hacking, Cloud Attacks',
        'Weekly cybersecurity news roundup of noteworthy stories that might have slipped under the radar for the week of July 10, 2023.',
      ],
      [
        'Microsoft September 2025 Patch Tuesday fixes 81 flaws, 2 zero-days',
        "Microsoft's September 2025 Patch Tuesday fixes 81 flaws, including two zero-days that were publicly disclosed before a fix was available. [...]",
        'Microsoft October 2025 Patch Tuesday fixes 172 flaws, 6 zero-days',
        "Microsoft's October 2025 Patch Tuesday fixes 172 flaws, including six zero-days that were publicly disclosed before a fix was available. [...]",
      ],
    ]
    for (const [t1, s1, t2, s2] of pairs) {
      expect(expectDistinct(fp(t1, s1), fp(t2, s2)).similarity).toBeLessThan(0.75)
    }
  })

  it('texts under 16 words are never duplicates, even with equal titles', () => {
    const d = isNearDuplicate(fp('Week in review', 'Read more'), fp('Week in review', ''))
    expect(d).toMatchObject({ duplicate: false, rule: 'too-short' })
    expect(bandKeys(fp('Week in review', 'A short teaser of nine words only here.'))).toEqual([])
  })

  it('fingerprints of another version are never compared', () => {
    const d = isNearDuplicate(original, { ...original, v: original.v + 1 })
    expect(d).toMatchObject({ duplicate: false, rule: 'incomparable' })
  })
})
