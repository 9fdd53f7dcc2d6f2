// Discovery of actors, malware and named flaws that no KB knows, from how news introduces them.
import { describe, expect, it } from 'vitest'
import { discoverNames } from '../../../src/pipeline/extract/discover.js'

const found = (text: string) => discoverNames(text).map((c) => `${c.type}:${c.name}`)

describe('discoverNames: threat actors', () => {
  it.each([
    ['A group identified as TeamPCP compromised the maintainer account.', 'TeamPCP'],
    ['The threat actor known as Charming Kiten has been linked to the attacks.', 'Charming Kiten'],
    ['Symantec said a threat actor tracked as Redfly breached the grid.', 'Redfly'],
    [
      'ESET is tracking the cluster under the name Ballistic Bobcat since 2021.',
      'Ballistic Bobcat',
    ],
    ['The attack was claimed by the ransomware gang BianLian on Tuesday.', 'BianLian'],
    ['Recently the Rhysida ransomware group made the headlines again.', 'Rhysida'],
    ['Officials blamed the Kryptik gang for the outage.', 'Kryptik'],
    ['In a statement, the hacker group SiegedSec claims it stole data.', 'SiegedSec'],
    ['Analysts say the intrusion was the work of Vortaxa hackers.', 'Vortaxa'],
  ])('%s', (text, name) => {
    expect(found(text)).toContain(`threat_actor:${name}`)
  })

  it.each(['UNC3944', 'Storm-0558', 'DEV-0537', 'TA505', 'APT43', 'FIN7', 'UAT-4356'])(
    'takes the tracking id %s wherever it appears',
    (id) => {
      expect(found(`Researchers linked the campaign to ${id} last week.`)).toContain(
        `threat_actor:${id}`,
      )
    },
  )

  it.each(['v1.APT28.2', 'FIN7.1', 'build 2.UNC3944', 'apt 2.7.14', 'APT 3.0.1', 'TA505-1.2'])(
    'takes no tracking id from the version string %s',
    (version) => {
      expect(found(`Upgrade to ${version} now.`)).toEqual([])
    },
  )

  it('reads vendor naming schemes', () => {
    expect(
      found('Microsoft calls the group Mint Sandstorm; CrowdStrike says Wicked Panda.'),
    ).toEqual(expect.arrayContaining(['threat_actor:Mint Sandstorm', 'threat_actor:Wicked Panda']))
  })

  it('does not take nationalities, generic words or sentence-initial words as names', () => {
    expect(found('Iranian hackers and North Korean hackers hit banks.')).toEqual([])
    expect(found('The group claimed the attack. Hackers then leaked data.')).toEqual([])
  })
})

describe('discoverNames: malware and named vulnerabilities', () => {
  it.each([
    ['The attackers used a previously undocumented backdoor named Sponsor.', 'Sponsor'],
    ['A new malware loader called HijackLoader is gaining traction.', 'HijackLoader'],
    ['The operators dropped the SprySOCKS backdoor on Linux hosts.', 'SprySOCKS'],
    ['A ransomware family called 3AM has emerged in the wild.', '3AM'],
    ['Researchers analysed the MetaStealer sample.', 'MetaStealer'],
  ])('%s', (text, name) => {
    expect(found(text)).toContain(`malware:${name}`)
  })

  it('types a gang named after its ransomware as the actor', () => {
    const types = found(
      'The Zorgo ransomware gang hit a hospital. Zorgo ransomware encrypts files.',
    )
    expect(types).toContain('threat_actor:Zorgo')
  })

  it('finds vulnerabilities introduced by name', () => {
    expect(found('The zero-click exploit chain dubbed BLASTPASS was used.')).toContain(
      'vulnerability:BLASTPASS',
    )
  })

  it.each([
    ['the SNMP weakness that they found and dubbed Stringwave. The', 'Stringwave'],
    ['the flaw, which researchers dubbed Vexbleed, is serious', 'Vexbleed'],
    ['a PoC for CVE-2023-12345, aka "Themewave," which enables', 'Themewave'],
    ['Dubbed "Peekaloo," the zero-day stack buffer overflow vulnerability lets', 'Peekaloo'],
    ["Windows 11 'Skinbleed' RCE bug gets a PoC", 'Skinbleed'],
  ])('finds the named vulnerability in %s', (text, name) => {
    expect(found(text)).toContain(`vulnerability:${name}`)
  })

  it('does not name a flaw after a person or a product next to it', () => {
    expect(found('a researcher known as "Adam-X" reported a vulnerability')).toEqual([])
    expect(found("Flaw in 'Ultimate Member' Plugin\nAttackers exploit critical bugs")).toEqual([])
    expect(found('the bug was patched. Many analysts dubbed it serious')).toEqual([])
  })
})
