// Organisations named by a descriptor, a corporate suffix or an institutional head word.
import { describe, expect, it } from 'vitest'
import { findOrganizations } from '../../../src/pipeline/extract/organizations.js'

const found = (text: string) => findOrganizations(text).map((c) => c.name)

describe('findOrganizations', () => {
  it.each([
    ['Data was stolen from AI startup Mercor last week.', 'Mercor'],
    ['Mercor, an AI data training startup, confirmed the breach.', 'Mercor'],
    ['Cybersecurity firm Akamai mitigated the attack.', 'Akamai'],
    ['Payment processing firm Square says the outage was a DNS issue.', 'Square'],
    ['The data belonged to Columbia Sportswear Co. customers.', 'Columbia Sportswear Co'],
    ['Staff at Crosshouse Hospital accessed patient records.', 'Crosshouse Hospital'],
    [
      'The Colorado Department of Transportation shut systems down.',
      'Colorado Department of Transportation',
    ],
    ['Online betting platform Stake.com lost $41 million.', 'Stake.com'],
  ])('%s', (text, name) => {
    expect(found(text)).toContain(name)
  })

  it('does not take people, generic heads or lower-case domains', () => {
    expect(found('Alex Ionescu, a researcher at the company, said evil.com hosted it.')).toEqual([])
    expect(found('The Police Department and the Medical Center were told.')).toEqual([])
  })
})
