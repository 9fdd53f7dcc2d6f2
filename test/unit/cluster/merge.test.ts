import { describe, expect, it } from 'vitest'
import type { Mention } from '../../../src/core/types.js'
import { DEFAULT_CLUSTER_PARAMS } from '../../../src/pipeline/cluster/assign.js'
import { absorbIncidents, planMerges } from '../../../src/pipeline/cluster/merge.js'
import { addToProfile, emptyProfile } from '../../../src/pipeline/cluster/profile.js'
import type { CorpusStats } from '../../../src/pipeline/cluster/score.js'
import { articleTerms } from '../../../src/pipeline/cluster/terms.js'

const m = (entityId: string, type: Mention['type']): Mention => ({
  entityId,
  type,
  name: entityId,
  surface: entityId,
  count: 1,
  discovered: false,
})
const stats: CorpusStats = { docs: 100, termDf: new Map(), incidents: 50, entityDf: new Map() }

function incident(id: string, title: string, mentions: Mention[], at: string) {
  const profile = addToProfile(emptyProfile(), mentions, articleTerms(title, ''), id)
  return { id, lastSeen: at, firstSeen: at, articleCount: 1, profile }
}

describe('incident merges', () => {
  const claim = incident(
    'inc_claim',
    'BlackCat gang claims Northwind Health hack, leaks patient files',
    [m('blackcat', 'threat_actor'), m('northwind', 'organization')],
    '2026-03-10T00:00:00Z',
  )
  const disclosure = incident(
    'inc_disc',
    'Northwind Health discloses BlackCat ransomware attack on patient data',
    [m('northwind', 'organization'), m('blackcat', 'threat_actor')],
    '2026-03-11T00:00:00Z',
  )
  const other = incident(
    'inc_chrome',
    'Google fixes Chrome zero-day CVE-2026-2211',
    [m('chrome', 'software'), m('cve', 'vulnerability')],
    '2026-03-11T00:00:00Z',
  )
  const article = {
    mentions: [m('northwind', 'organization'), m('blackcat', 'threat_actor')],
    terms: articleTerms(
      'Northwind Health confirms BlackCat ransomware hack exposed patient files',
      '',
    ),
    source: 'c',
  }

  it('folds an incident that, with the new article, is clearly the same story', () => {
    const plan = planMerges(disclosure, article, [claim, other], stats, DEFAULT_CLUSTER_PARAMS)
    expect(plan.map((p) => p.id)).toEqual(['inc_claim'])
  })

  it('never merges an unrelated incident', () => {
    expect(planMerges(disclosure, article, [other], stats, DEFAULT_CLUSTER_PARAMS)).toEqual([])
  })

  it('absorbing keeps the target id and spans both incidents', () => {
    const merged = absorbIncidents(disclosure, [claim])
    expect(merged.id).toBe('inc_disc')
    expect(merged.firstSeen).toBe('2026-03-10T00:00:00Z')
    expect(merged.articleCount).toBe(2)
    expect(merged.profile.n).toBe(2)
  })
})
