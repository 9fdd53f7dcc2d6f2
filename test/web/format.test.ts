// Pure helpers of the web pages: link filtering, dates, summaries, title wrapping, and the
// buckets of the "incidents over time" chart.
import { describe, expect, it } from 'vitest'
import { bucketize } from '../../src/http/web/activity-chart.js'
import { lead, longDay, relativeTime, safeHref, wrapText } from '../../src/http/web/format.js'
import { parseSearch } from '../../src/http/web/search-params.js'

describe('web formatting', () => {
  it('keeps only http(s) links', () => {
    expect(safeHref('https://a.example/x?y=1')).toBe('https://a.example/x?y=1')
    expect(safeHref('HTTP://A.example')).toBe('http://a.example/')
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      '//a.example',
      '/x',
      '',
      null,
    ])
      expect(safeHref(bad), String(bad)).toBeUndefined()
  })

  it('writes dates for people', () => {
    const now = new Date('2026-04-06T12:00:00Z')
    expect(longDay('2026-03-09T10:00:00Z')).toBe('9 Mar 2026')
    expect(relativeTime('2026-04-06T11:59:40Z', now)).toBe('just now')
    expect(relativeTime('2026-04-06T09:00:00Z', now)).toBe('3 hours ago')
    expect(relativeTime('2026-04-05T09:00:00Z', now)).toBe('yesterday')
    expect(relativeTime('2026-03-01T09:00:00Z', now)).toBe('1 month ago')
    expect(relativeTime('2026-04-09T12:00:00Z', now)).toBe('in 3 days')
    expect(relativeTime('not a date', now)).toBe('not a date')
  })

  it('leads with one or two sentences, never a wall of text', () => {
    const s = (text: string) => ({ text, articleId: 'a', sourceUrl: 'https://a.example' })
    expect(lead([s('One.'), s('Two.'), s('Three.')])).toBe('One. Two.')
    expect(lead([s('One.'), s('x'.repeat(400))])).toBe('One.')
    expect(lead([s(`${'word '.repeat(100)}end.`)]).length).toBeLessThanOrEqual(320)
    expect(lead([])).toBe('')
  })

  it('wraps titles into a few lines with an ellipsis', () => {
    expect(wrapText('a short title', 31, 3)).toEqual(['a short title'])
    const lines = wrapText('one two three four five six seven eight nine ten eleven', 10, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith('…')).toBe(true)
    expect(wrapText('x'.repeat(50), 10, 2)[0]).toHaveLength(10)
  })

  it('buckets incidents per week for short histories and per month for long ones', () => {
    const weeks = bucketize([
      { date: '2026-03-20', count: 1 },
      { date: '2026-03-24', count: 2 },
    ])
    expect(weeks.unit).toBe('week')
    expect(weeks.buckets.length).toBe(8)
    expect(weeks.buckets.slice(-2).map((b) => [b.start, b.count])).toEqual([
      ['2026-03-16', 1],
      ['2026-03-23', 2],
    ])
    const months = bucketize([
      { date: '2025-11-03', count: 1 },
      { date: '2026-04-01', count: 4 },
    ])
    expect(months.unit).toBe('month')
    expect(months.buckets.map((b) => b.label)).toEqual([
      'Nov 2025',
      'Dec 2025',
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
      'Apr 2026',
    ])
    expect(months.buckets.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 4])
    expect(bucketize([]).buckets).toEqual([])
  })

  it('checks the search form before searching', () => {
    expect(parseSearch({ q: ' LiteLLM ', since: '2026-03-01' })).toMatchObject({
      errors: [],
      active: true,
      query: { q: 'LiteLLM', since: '2026-03-01', type: null, sort: 'recent' },
    })
    expect(parseSearch({}).active).toBe(false)
    expect(parseSearch({ until: '2026-02-29' }).errors).toHaveLength(1)
    expect(parseSearch({ sort: 'random', type: 'person' }).errors).toHaveLength(2)
    expect(parseSearch({ seen: '-5' }).seen).toBe(0)
  })
})
