import { describe, expect, it } from 'vitest'
import {
  buildTimeline,
  extractDatedEvents,
  mergeEvents,
  publicationEvent,
} from '../../../src/pipeline/cluster/timeline.js'
import {
  litellmHn,
  litellmWeek,
  mercor,
  supplyChain,
  trivy,
} from '../summarize/supply-chain-fixture.js'

describe('extractDatedEvents on the supply-chain story', () => {
  it('dates the Trivy compromise, the PyPI upload and the Mercor confirmation', () => {
    expect(extractDatedEvents(trivy).map((e) => e.date)).toContain('2026-03-19')
    expect(extractDatedEvents(litellmWeek).map((e) => e.date)).toEqual(['2026-03-24', '2026-03-24'])
    const mercorEvents = extractDatedEvents(mercor)
    expect(mercorEvents.map((e) => e.date)).toEqual(['2026-03-31', '2026-03-26', '2026-04-15'])
    expect(mercorEvents[0]!.text).toBe(
      'AI hiring startup Mercor confirmed on Tuesday that attackers accessed internal systems after a developer installed a poisoned LiteLLM release.',
    )
  })

  it('skips boilerplate sentences', () => {
    const texts = extractDatedEvents(litellmHn).map((e) => e.text)
    expect(texts).toEqual([
      'Two malicious LiteLLM versions, 1.82.7 and 1.82.8, were uploaded to PyPI on March 24 by the TeamPCP group.',
      'The TeamPCP group was first seen earlier this month targeting CI systems of open-source projects.',
    ])
  })
})

describe('buildTimeline', () => {
  const timeline = buildTimeline(supplyChain)

  it('is sorted oldest first with YYYY-MM-DD dates', () => {
    const dates = timeline.map((e) => e.date)
    expect([...dates].sort()).toEqual(dates)
    for (const d of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(dates[0]).toBe('2026-03-01')
    expect(dates.at(-1)).toBe('2026-04-15')
  })

  it('adds one publication event per article with a cleaned headline', () => {
    const reports = timeline.filter((e) => e.text.includes(' reports: '))
    expect(reports.map((e) => [e.date, e.text])).toEqual([
      [
        '2026-03-20',
        'BleepingComputer reports: Trivy GitHub Action compromised in CI supply-chain attack',
      ],
      [
        '2026-03-25',
        'SecurityWeek reports: Malicious LiteLLM versions 1.82.7 and 1.82.8 pushed to PyPI',
      ],
      [
        '2026-03-25',
        'The Hacker News reports: LiteLLM PyPI packages backdoored after Trivy compromise',
      ],
      [
        '2026-04-01',
        'Example News reports: Mercor confirms breach linked to LiteLLM supply-chain attack',
      ],
    ])
  })

  it('keeps one event per fact across sources, from the earliest source', () => {
    const upload = timeline.filter((e) => e.date === '2026-03-24' && e.text.includes('1.82.7'))
    expect(upload).toHaveLength(1)
    expect(upload[0]!.articleId).toBe(litellmWeek.id)
    expect(upload[0]!.sourceUrl).toBe(litellmWeek.url)
  })

  it('keeps the earliest source even when the later one comes first in the input', () => {
    const reversed = buildTimeline([litellmHn, litellmWeek])
    const upload = reversed.filter((e) => e.date === '2026-03-24' && e.text.includes('1.82.7'))
    expect(upload.map((e) => e.articleId)).toEqual([litellmWeek.id])
  })

  it('keeps distinct facts on the same date', () => {
    const onMarch24 = timeline.filter((e) => e.date === '2026-03-24').map((e) => e.text)
    expect(onMarch24).toHaveLength(2)
    expect(onMarch24[1]).toMatch(/^PyPI quarantined the project yesterday/)
  })

  it('merges identical headlines of the same day and falls back to the host name', () => {
    const a = { ...trivy, id: 'a', source: null, url: 'https://www.example.org/a' }
    const b = {
      ...trivy,
      id: 'b',
      source: null,
      url: 'https://news.example.net/b',
      publishedAt: '2026-03-20T11:00:00Z',
    }
    const reports = buildTimeline([b, a]).filter((e) => e.text.includes(' reports: '))
    expect(reports).toEqual([
      {
        date: '2026-03-20',
        text: 'example.org reports: Trivy GitHub Action compromised in CI supply-chain attack',
        sourceUrl: 'https://www.example.org/a',
        articleId: 'a',
      },
    ])
  })

  it('returns nothing for no articles', () => {
    expect(buildTimeline([])).toEqual([])
  })
})

describe('mergeEvents', () => {
  it('merges stored per-article events the same way buildTimeline does', () => {
    const stored = [mercor, litellmHn, trivy, litellmWeek].flatMap((a) => [
      ...extractDatedEvents(a),
      publicationEvent(a)!,
    ])
    const order = [trivy, litellmWeek, litellmHn, mercor].map((a) => a.id)
    expect(mergeEvents(stored, order)).toEqual(buildTimeline(supplyChain))
  })
})
