// Date normalisation against a fixed publication date: Thursday 2026-03-26.
import { describe, expect, it } from 'vitest'
import { extractDatedEvents } from '../../../src/pipeline/cluster/timeline.js'
import { dated } from '../summarize/supply-chain-fixture.js'

const datesOf = (text: string, publishedAt?: string) =>
  extractDatedEvents(dated(text, publishedAt)).map((e) => e.date)

describe('extractDatedEvents: absolute dates', () => {
  it.each([
    ['The attackers first struck on March 19, 2026, according to the vendor.', '2026-03-19'],
    ['The attackers first struck on March 19, according to the vendor.', '2026-03-19'],
    ['The attackers first struck on 19 March, according to the vendor.', '2026-03-19'],
    ['The malicious package was uploaded on 2023-09-10 by the attackers.', '2023-09-10'],
    ['The flaw was reported to the vendor on Feb. 3 by a researcher.', '2026-02-03'],
  ])('%s', (text, date) => {
    expect(datesOf(text)).toEqual([date])
  })

  it('reads a yearless date after publication as last year when nothing is scheduled', () => {
    expect(datesOf('The flaw was first exploited on Sept. 5 against banks.')).toEqual([
      '2025-09-05',
    ])
  })

  it('takes the year from "last year" / "this year" after a yearless month', () => {
    expect(datesOf('It was not until July last year that the vendor added protections.')).toEqual([
      '2025-07-01',
    ])
  })

  it('keeps a later yearless month in the year of the previous one', () => {
    expect(datesOf('We expect disruption to continue throughout April and into June.')).toEqual([
      '2026-04-01',
      '2026-06-01',
    ])
  })

  it('crosses the year boundary backwards for a December date read in January', () => {
    expect(
      datesOf(
        'Hackers breached the firm on December 28 and it disclosed on January 3.',
        '2026-01-05T09:00:00Z',
      ),
    ).toEqual(['2025-12-28', '2026-01-03'])
  })

  it('ignores years without a month', () => {
    expect(datesOf('The group has been active since 2019 and grew last year.')).toEqual([])
  })
})

describe('extractDatedEvents: relative dates', () => {
  it.each([
    ['Microsoft disclosed the intrusion on Tuesday in a blog post.', '2026-03-24'],
    ['The company detected the attack on Sunday and shut systems down.', '2026-03-22'],
    ['The company confirmed on Thursday that data was stolen.', '2026-03-26'],
    ['The company had confirmed last Thursday that data was stolen.', '2026-03-19'],
    ['The vendor shipped an emergency patch yesterday for the flaw.', '2026-03-25'],
    ['The company disclosed today that it is dealing with an incident.', '2026-03-26'],
    ['Attackers hit the hospital three days ago, officials said.', '2026-03-23'],
  ])('%s', (text, date) => {
    expect(datesOf(text)).toEqual([date])
  })

  it('reads "last week" as publication minus seven days', () => {
    expect(datesOf('The DDoS attack took place last week and peaked at 633.7 Gbps.')).toEqual([
      '2026-03-19',
    ])
  })

  it('reads "earlier this month" as the first of the publication month', () => {
    expect(datesOf('The group was first seen earlier this month targeting CI systems.')).toEqual([
      '2026-03-01',
    ])
  })

  it('reads "earlier this week" as the Monday of the publication week', () => {
    expect(datesOf('Researchers flagged the campaign earlier this week in a report.')).toEqual([
      '2026-03-23',
    ])
  })

  it('counts "two days later" and "the next day" from the previous date mentioned', () => {
    const text =
      'Trivy was compromised on March 19. Two days later, the attackers pushed a second release. The next day, maintainers revoked it.'
    expect(datesOf(text)).toEqual(['2026-03-19', '2026-03-21', '2026-03-22'])
  })

  it('drops "two days later" when no date precedes it', () => {
    expect(datesOf('Two days later, the attackers pushed a second release.')).toEqual([])
  })
})

describe('extractDatedEvents: ranges', () => {
  it('keeps the start of "between X and Y, year" with the year of the end', () => {
    expect(
      datesOf('Attackers exploited the flaw between May 27 and May 31, 2023 at scale.'),
    ).toEqual(['2023-05-27'])
  })

  it('keeps the start of a "from X through Y" range', () => {
    expect(datesOf('The breach lasted from March 1 through March 5 before detection.')).toEqual([
      '2026-03-01',
    ])
  })

  it('keeps both dates of "on X and Y" (two events, not a range)', () => {
    expect(
      datesOf('Malicious versions were published on March 19 and March 24 by the group.'),
    ).toEqual(['2026-03-19', '2026-03-24'])
  })
})

describe('extractDatedEvents: dates after publication', () => {
  it('keeps a deadline or a scheduled patch', () => {
    expect(datesOf('CISA ordered federal agencies to patch by April 9.')).toEqual(['2026-04-09'])
    expect(datesOf('The vendor said a fix will ship on April 14, 2026.')).toEqual(['2026-04-14'])
  })

  it('drops a future date with an explicit year when nothing is scheduled', () => {
    expect(
      datesOf('The attackers breached the network on April 9, 2026 using stolen keys.'),
    ).toEqual([])
  })
})

describe('extractDatedEvents: not dates', () => {
  it.each([
    'The SOC monitors the network 24/7 for intrusions.',
    'The flaw is rated 9.8/10 in severity by the vendor.',
    'Users should upgrade to version 17.12.04 or newer right away.',
    'Microsoft fixed the flaw in this round of Patch Tuesday updates.',
    'The data may have been accessed by an unauthorised third party.',
    'Customers should patch now and rotate their credentials.',
    'The helpline is open Monday through Friday for affected customers.',
    'The attackers stayed in the network for 76 days before detection.',
  ])('%s', (text) => {
    expect(datesOf(text)).toEqual([])
  })
})

describe('extractDatedEvents: event shape', () => {
  it('uses the trimmed sentence around the date and the article as source', () => {
    const long = `${'The investigation found that the attackers moved laterally across many systems. '.repeat(2)}`
    const sentence = `${'Security teams across several regions kept working on containment and recovery while '.repeat(3)}the breach was finally contained on March 19 after weeks of work by responders.`
    const events = extractDatedEvents(dated(`${long}${sentence}`))
    expect(events).toHaveLength(1)
    const [event] = events
    expect(event!.date).toBe('2026-03-19')
    expect(event!.text.length).toBeLessThanOrEqual(205)
    expect(event!.text).toContain('March 19')
    expect(event!.articleId).toBe('art_dates')
    expect(event!.sourceUrl).toBe('https://news.test/dates')
  })

  it('returns nothing for an unparseable publication date', () => {
    expect(datesOf('The attack happened on March 19.', 'not a date')).toEqual([])
  })
})
