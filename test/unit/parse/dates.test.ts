import { describe, expect, it } from 'vitest'
import { parseFeedDate } from '../../../src/pipeline/parse/dates.js'

const now = new Date('2024-06-01T12:00:00Z')

describe('parseFeedDate', () => {
  it.each([
    // ISO-8601 / W3C-DTF
    ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T10:00:00.123+02:00', '2024-05-01T08:00:00.123Z'],
    ['2024-05-01T10:00:00-0500', '2024-05-01T15:00:00.000Z'],
    ['2024-05-01T10:00Z', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01 10:00:00', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['2024-05', '2024-05-01T00:00:00.000Z'],
    ['2003', '2003-01-01T00:00:00.000Z'],
    ['20040101T194821Z', '2004-01-01T19:48:21.000Z'],
    // RFC 822 / 1123 and their usual deviations
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 UT', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 Z', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 +0100', '2004-01-01T18:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 -05:00', '2004-01-02T00:48:21.000Z'],
    ['Thu, 01 Jan 2004 14:48:21 EST', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 2004 12:48:21 PDT', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48 GMT', '2004-01-01T19:48:00.000Z'],
    ['01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['Mon, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 04 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['Fri, 01 Jan 99 19:48:21 GMT', '1999-01-01T19:48:21.000Z'],
    ['Thursday, 1 January 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['1 Sept 2004 10:00:00 GMT', '2004-09-01T10:00:00.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    // epoch seconds and the chrono fallback
    ['1714564800', '2024-05-01T12:00:00.000Z'],
    ['Thu Jan 01 2004 19:48:21 GMT+0000 (Coordinated Universal Time)', '2004-01-01T19:48:21.000Z'],
    ['January 5, 2024 10:00 am', '2024-01-05T10:00:00.000Z'],
  ])('%j -> %s', (input, expected) => {
    expect(parseFeedDate(input, now)).toBe(expected)
  })

  it.each([
    null,
    undefined,
    '',
    '   ',
    'garbage',
    'Sun, 31 Feb 2004 10:00:00 GMT',
    '0000-00-00 00:00:00',
    '1970-01-01T00:00:00Z',
    '2024-13-01',
  ])('returns null for %j', (input) => {
    expect(parseFeedDate(input, now)).toBeNull()
  })

  it('clamps dates more than a day in the future to now', () => {
    expect(parseFeedDate('2030-01-01T00:00:00Z', now)).toBe(now.toISOString())
    expect(parseFeedDate('Tue, 04 Jun 2024 00:00:00 GMT', now)).toBe(now.toISOString())
  })

  it('keeps dates within a day of now as they are', () => {
    expect(parseFeedDate('2024-06-02T11:00:00Z', now)).toBe('2024-06-02T11:00:00.000Z')
  })
})
