// The headline-subject rule in scoring: an article whose headline is mostly about a victim,
// product or CVE the incident never mentioned scores lower, by IDF weight of the names.
import { describe, expect, it } from 'vitest'
import type { Mention } from '../../../src/core/types.js'
import { addToProfile, emptyProfile } from '../../../src/pipeline/cluster/profile.js'
import { scoreArticle, type CorpusStats } from '../../../src/pipeline/cluster/score.js'

const m = (id: string, type: Mention['type'], name = id): Mention => ({
  entityId: id,
  type,
  name,
  surface: name,
  count: 1,
  discovered: false,
})

const stats: CorpusStats = {
  docs: 1000,
  termDf: new Map(),
  incidents: 500,
  // PyPI and Meta are common names; LiteLLM, Trivy and Mercor are specific.
  entityDf: new Map([
    ['pypi', 80],
    ['meta', 120],
    ['litellm', 2],
    ['trivy', 2],
    ['mercor', 2],
    ['teampcp', 3],
  ]),
}
const weights = { terms: 0.6, entities: 0.4, halfLifeDays: 10 }
const at = '2026-03-24T00:00:00Z'
const terms = new Map([['compromise', 1]])

function incident(mentions: Mention[]) {
  return { profile: addToProfile(emptyProfile(), mentions, terms, 'outlet'), lastSeen: at }
}

describe('scoreArticle headline subjects', () => {
  const trivy = incident([
    m('trivy', 'software'),
    m('teampcp', 'threat_actor'),
    m('pypi', 'software'),
  ])
  const body = [
    m('litellm', 'software'),
    m('pypi', 'software'),
    m('trivy', 'software'),
    m('teampcp', 'threat_actor'),
  ]

  it('lowers the score when the specific headline subject is new to the incident', () => {
    const plain = scoreArticle({ terms, mentions: body, publishedAt: at }, trivy, stats, weights)
    const titled = scoreArticle(
      { terms, mentions: body, publishedAt: at, titleEntityIds: ['litellm', 'pypi'] },
      trivy,
      stats,
      weights,
    )
    expect(titled.total).toBeCloseTo(plain.total * 0.8, 6)
  })

  it('keeps the score when the specific subject is known and only a common one is new', () => {
    const mercor = incident([m('mercor', 'organization'), m('litellm', 'software')])
    const mentions = [m('meta', 'organization'), m('mercor', 'organization')]
    const plain = scoreArticle({ terms, mentions, publishedAt: at }, mercor, stats, weights)
    const titled = scoreArticle(
      { terms, mentions, publishedAt: at, titleEntityIds: ['meta', 'mercor'] },
      mercor,
      stats,
      weights,
    )
    expect(titled.total).toBe(plain.total)
  })

  it('ignores actors in the headline (one actor, many incidents)', () => {
    const mentions = [m('teampcp', 'threat_actor'), m('trivy', 'software')]
    const other = incident([m('litellm', 'software'), m('teampcp', 'threat_actor')])
    const plain = scoreArticle({ terms, mentions, publishedAt: at }, other, stats, weights)
    const titled = scoreArticle(
      { terms, mentions, publishedAt: at, titleEntityIds: ['teampcp'] },
      other,
      stats,
      weights,
    )
    expect(titled.total).toBe(plain.total)
  })
})
