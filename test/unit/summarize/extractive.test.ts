import { describe, expect, it } from 'vitest'
import { keyEntities, summarize } from '../../../src/pipeline/summarize/extractive.js'
import { jaccard, termSet } from '../../../src/pipeline/summarize/tokens.js'
import { litellmHn, litellmWeek, mercor, supplyChain, trivy } from './supply-chain-fixture.js'
import type { FixtureArticle } from './supply-chain-fixture.js'

function article(
  id: string,
  text: string,
  publishedAt: string,
  title = 'Headline',
): FixtureArticle {
  return {
    id,
    url: `https://news.test/${id}`,
    source: 'News Test',
    title,
    text,
    publishedAt,
    mentions: [],
  }
}

describe('summarize', () => {
  it('returns 2 to 4 sentences, each carrying its article id and source url', () => {
    const summary = summarize(supplyChain)
    expect(summary.length).toBeGreaterThanOrEqual(2)
    expect(summary.length).toBeLessThanOrEqual(4)
    const byId = new Map(supplyChain.map((a) => [a.id, a]))
    for (const s of summary) {
      const source = byId.get(s.articleId)
      expect(source).toBeDefined()
      expect(s.sourceUrl).toBe(source!.url)
      expect(source!.text).toContain(s.text)
    }
  })

  it('draws on several sources and keeps them in publication order', () => {
    const summary = summarize(supplyChain)
    expect(new Set(summary.map((s) => s.articleId)).size).toBeGreaterThanOrEqual(2)
    const order = supplyChain.map((a) => a.id)
    const ranks = summary.map((s) => order.indexOf(s.articleId))
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks)
  })

  it('covers the key entities of the incident', () => {
    const text = summarize(supplyChain)
      .map((s) => s.text)
      .join(' ')
    for (const name of ['Trivy', 'LiteLLM', 'TeamPCP', 'Mercor']) expect(text).toContain(name)
  })

  it('never shows boilerplate, questions or repeated facts', () => {
    const summary = summarize(supplyChain, { maxSentences: 4 })
    for (const s of summary) {
      expect(s.text).not.toMatch(/click here|subscribe|editorial summary|^related/i)
      expect(s.text.endsWith('?')).toBe(false)
    }
    for (let i = 0; i < summary.length; i++) {
      for (let j = i + 1; j < summary.length; j++) {
        expect(jaccard(termSet(summary[i]!.text), termSet(summary[j]!.text))).toBeLessThan(0.4)
      }
    }
  })

  it('picks only one of two outlets restating the same lead', () => {
    const a = article(
      'a',
      'Hackers stole 2 million customer records from Acme Bank in a ransomware attack on its servers. Acme Bank restored services within a day.',
      '2026-03-20T10:00:00Z',
    )
    const b = article(
      'b',
      'Hackers stole 2 million customer records from Acme Bank during a ransomware attack on its servers. Regulators in three states opened an inquiry into the breach.',
      '2026-03-20T12:00:00Z',
    )
    const texts = summarize([a, b]).map((s) => s.text)
    const leads = texts.filter((t) => t.startsWith('Hackers stole 2 million'))
    expect(leads).toHaveLength(1)
    expect(texts.length).toBeGreaterThanOrEqual(2)
  })

  it('respects maxSentences', () => {
    expect(summarize(supplyChain, { maxSentences: 2 })).toHaveLength(2)
    expect(summarize(supplyChain, { maxSentences: 1 })).toHaveLength(1)
  })

  it('returns a single sentence for a tiny text', () => {
    const tiny = article(
      't',
      'A researcher found seven flaws in Socomec UPS devices that allow hijacking. [...]',
      '2026-03-20T10:00:00Z',
    )
    expect(summarize([tiny])).toEqual([
      {
        text: 'A researcher found seven flaws in Socomec UPS devices that allow hijacking.',
        articleId: 't',
        sourceUrl: 'https://news.test/t',
      },
    ])
  })

  it('strips feed footers and bylines', () => {
    const feed = article(
      'f',
      'By Deeba Ahmed The hacker lured victims with a fake NFT link and drained their wallets. The post Crypto heist appeared first on Hackread .',
      '2026-03-20T10:00:00Z',
    )
    expect(summarize([feed]).map((s) => s.text)).toEqual([
      'The hacker lured victims with a fake NFT link and drained their wallets.',
    ])
  })

  it('falls back to the earliest headline when there is no usable text', () => {
    const empty = article(
      'e',
      '',
      '2026-03-20T10:00:00Z',
      'Acme Bank hit by ransomware | SecurityWeek',
    )
    expect(summarize([empty])).toEqual([
      { text: 'Acme Bank hit by ransomware', articleId: 'e', sourceUrl: 'https://news.test/e' },
    ])
    expect(summarize([])).toEqual([])
  })
})

describe('keyEntities', () => {
  it('ranks widely mentioned actors and victims ahead of incidental products', () => {
    const top = keyEntities(supplyChain, 3)
    expect(top).toHaveLength(3)
    expect(top[0]).toBe('ent_teampcp')
    expect(top).toContain('ent_litellm')
    expect(top).not.toContain('ent_github')
  })

  it('ranks a victim named in headlines above a vendor named only in text', () => {
    const ids = keyEntities([trivy, mercor], 10)
    expect(ids.indexOf('ent_mercor')).toBeLessThan(ids.indexOf('ent_aquasecurity'))
  })

  it('returns at most n ids and nothing without mentions', () => {
    expect(keyEntities([litellmWeek, litellmHn], 2)).toHaveLength(2)
    expect(keyEntities([article('x', 'text', '2026-03-20T10:00:00Z')], 5)).toEqual([])
  })
})
