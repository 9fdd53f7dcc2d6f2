// Products named after a known vendor, and software named by its flaws, users and appositives.
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDefaultGazetteer, extractMentions } from '../../../src/pipeline/extract/index.js'
import { findSoftware } from '../../../src/pipeline/extract/software.js'
import type { Gazetteer } from '../../../src/pipeline/extract/types.js'
import { proseLine } from '../../../src/pipeline/extract/headline.js'

let gazetteer: Gazetteer
beforeAll(async () => {
  gazetteer = await buildDefaultGazetteer()
})

const extract = async (text: string, title = '') =>
  (await extractMentions({ title, text }, gazetteer)).map((m) => `${m.type}:${m.name}`)
const found = (text: string) => findSoftware(text).map((c) => c.name)

describe('products named after their vendor', () => {
  it('reads several product words after a vendor as one product', async () => {
    expect(
      await extract('The bug that was found is in the cluster manager of Cisco Policy Suite.'),
    ).toContain('software:Cisco Policy Suite')
    expect(await extract('He tested an HP LaserJet 1200 in the lab.')).toContain(
      'software:HP LaserJet 1200',
    )
  })

  it('names a product with the short vendor form the article writes', async () => {
    const found = await extract(
      'The flaws were found in the AWS Amplify and AWS Fargate services that many of them use.',
    )
    expect(found).toEqual(expect.arrayContaining(['software:AWS Amplify', 'software:AWS Fargate']))
  })

  it('keeps units, venues and release tools apart from products', async () => {
    expect(
      await extract('Guests at MGM Las Vegas properties could not use their room keys for days.'),
    ).toEqual(['organization:MGM Resorts'])
    const team = await extract(
      'A report that was written by the Microsoft Threat Intelligence Team is out.',
    )
    expect(team.filter((p) => p.startsWith('software:'))).toEqual([])
    expect(
      await extract('The attackers that hit MGM Hotels were in the network for days.'),
    ).not.toContain('software:MGM Hotels')
    expect(
      await extract('A flaw in the Windows 11 Snipping Tool leaks the cropped parts of images.'),
    ).not.toContain('software:Windows 11 Snipping Tool')
    expect(
      await extract('The patches for Windows PCs were shipped on the same day.'),
    ).not.toContain('software:Windows PCs')
  })
})

describe('software named by what is said of it', () => {
  it.each([
    ['He found a remote code execution bug in FooMail last year.', 'FooMail'],
    ['Rapid7 found a flaw in Yopify, an ecommerce notification plugin used by shops.', 'Yopify'],
    ['Phishers went after QuuxPay users this week.', 'QuuxPay'],
  ])('%s', (text, name) => {
    expect(found(text)).toContain(name)
  })

  it('does not take a vendor for its product', () => {
    expect(found('Researchers found 7 vulnerabilities in Socomec UPS products.')).not.toContain(
      'Socomec',
    )
    expect(found('They found a flaw in Libelium’s wireless sensor network.')).not.toContain(
      'Libelium',
    )
    expect(found('A report by LayerX, a browser security vendor, was out.')).not.toContain('LayerX')
  })
})

describe('lists', () => {
  it('types every item of a list a class noun introduces', async () => {
    const orgs = await extract(
      'Telecommunications providers caught by the breach include Altel, Celcom, DiGi and Maxis.',
    )
    expect(orgs).toEqual(
      expect.arrayContaining([
        'organization:Altel',
        'organization:Celcom',
        'organization:DiGi',
        'organization:Maxis',
      ]),
    )
    const apps = await extract(
      'The tools bypass messaging apps such as WhatsApp, Signal, Wiebo, Confide and Cloackman.',
    )
    expect(apps).toEqual(
      expect.arrayContaining(['software:Wiebo', 'software:Confide', 'software:Cloackman']),
    )
    const models = await extract(
      'The D-Link models affected are the DWR-116, DWR-140L and DWR-512.',
    )
    expect(models).toEqual(expect.arrayContaining(['software:DWR-116', 'software:DWR-512']))
  })

  it('types unknown items by the known ones, but not people or name parts', async () => {
    expect(
      await extract(
        'The card breaches that were reported hit Hilton, Marriott, Kimpton Hotels and Mandarin Oriental.',
      ),
    ).toContain('organization:Mandarin Oriental')
    expect(
      await extract(
        'The hackers took over the accounts of Elon Musk, Tesla and SpaceX in one day.',
      ),
    ).not.toContain('organization:Elon Musk')
    expect(
      await extract('A member of the Apple Security Engineering and Architecture team said so.'),
    ).not.toContain('organization:Architecture')
  })
})

describe('proseLine', () => {
  it('tells long lines of prose from headlines', () => {
    const prose =
      'This month, Microsoft fixed flaws in Microsoft Windows, Internet Explorer, Microsoft Edge, ' +
      'ChakraCore, Microsoft Exchange Server and Microsoft Office. Patches are out.'
    expect(proseLine(prose, 20)).toBe(true)
    expect(proseLine('Oracle Patches 301 Vulnerabilities In Its Products', 3)).toBe(false)
  })
})
