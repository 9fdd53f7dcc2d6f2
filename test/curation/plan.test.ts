// Replay planning: decisions in the order editors made them, against where clustering put the
// articles this time.
import { describe, expect, it } from 'vitest'
import type { CurationRecord } from '../../src/storage/repository.js'
import { namedArticles, planReplay } from '../../src/pipeline/curate/plan.js'
import { editedSummary } from '../../src/pipeline/curate/summary.js'
import { mergedAliases } from '../../src/pipeline/curate/entity-actions.js'

let n = 0
const rec = (r: Partial<CurationRecord> & Pick<CurationRecord, 'kind'>): CurationRecord => ({
  id: `cur_${++n}`,
  anchorArticleId: null,
  targetId: 'old',
  field: null,
  value: null,
  actor: 'ed',
  createdAt: `2026-03-08T10:00:${String(n).padStart(2, '0')}Z`,
  ...r,
})

describe('planReplay', () => {
  it('keeps both a merge and a later split of one of the merged articles', () => {
    const merge = rec({ kind: 'incident_merge', anchorArticleId: 'x1', value: { into: 'y1' } })
    const split = rec({
      kind: 'incident_split',
      anchorArticleId: 'x2',
      value: { articleIds: ['x2'] },
    })
    const title = rec({ kind: 'incident_field', anchorArticleId: 'y1', field: 'title', value: 'T' })
    const plan = planReplay([merge, split, title], {
      incidentOf: new Map([
        ['x1', 'X'],
        ['x2', 'X'],
        ['y1', 'Y'],
      ]),
      splitIds: new Map([[split.id, 'S']]),
      entities: new Set(),
    })
    expect(plan.skipped).toEqual([])
    expect(plan.actions).toEqual([
      { type: 'merge', from: 'X', into: 'Y', at: merge.createdAt },
      { type: 'split', articleIds: ['x2'], newId: 'S', at: split.createdAt },
      { type: 'fields', incidentId: 'Y', patch: { title: 'T' }, at: title.createdAt },
    ])
  })

  it('skips merges clustering already made and reports decisions whose articles are gone', () => {
    const same = rec({ kind: 'incident_merge', anchorArticleId: 'a', value: { into: 'b' } })
    const gone = rec({
      kind: 'incident_field',
      anchorArticleId: 'zz',
      field: 'hidden',
      value: true,
    })
    const plan = planReplay([same, gone], {
      incidentOf: new Map([
        ['a', 'I'],
        ['b', 'I'],
      ]),
      splitIds: new Map(),
      entities: new Set(),
    })
    expect(plan.actions).toEqual([])
    expect(plan.skipped.map((s) => s.curation.id)).toEqual([gone.id])
    expect(plan.skipped[0]!.reason).toMatch(/zz/)
  })

  it('folds fields of one incident into one patch, the latest value winning', () => {
    const a = rec({ kind: 'incident_field', anchorArticleId: 'a', field: 'title', value: 'one' })
    const b = rec({ kind: 'incident_field', anchorArticleId: 'b', field: 'title', value: 'two' })
    const c = rec({ kind: 'incident_field', anchorArticleId: 'a', field: 'pinned', value: true })
    const plan = planReplay([a, b, c], {
      incidentOf: new Map([
        ['a', 'I'],
        ['b', 'I'],
      ]),
      splitIds: new Map(),
      entities: new Set(),
    })
    expect(plan.actions).toEqual([
      { type: 'fields', incidentId: 'I', patch: { title: 'two', pinned: true }, at: c.createdAt },
    ])
  })

  it('follows entity merge chains and re-merges a name a crawl brought back', () => {
    const ab = rec({ kind: 'entity_merge', targetId: 'A', value: { into: 'B' } })
    const bc = rec({ kind: 'entity_merge', targetId: 'B', value: { into: 'C' } })
    const again = rec({ kind: 'entity_merge', targetId: 'D', value: { into: 'B' } })
    const type = rec({ kind: 'entity_type', targetId: 'A', field: 'type', value: 'malware' })
    const plan = planReplay([ab, bc, again, type], {
      incidentOf: new Map(),
      splitIds: new Map(),
      entities: new Set(['A', 'C', 'D']),
    })
    expect(plan.actions.map((a) => a.type === 'entity_merge' && [a.from, a.into])).toEqual([
      ['A', 'C'],
      ['D', 'C'],
    ])
    expect(plan.skipped).toEqual([])
  })

  it('names every article a decision refers to', () => {
    const merge = rec({ kind: 'incident_merge', anchorArticleId: 'x1', value: { into: 'y1' } })
    const split = rec({
      kind: 'incident_split',
      anchorArticleId: 's1',
      value: { articleIds: ['s1', 's2'] },
    })
    expect(namedArticles([merge, split]).sort()).toEqual(['s1', 's2', 'x1', 'y1'])
  })
})

describe('editor text helpers', () => {
  it('keeps citations of sentences kept word for word', () => {
    const before = [
      { text: 'Acme was breached.', articleId: 'art_1', sourceUrl: 'https://a.example/1' },
    ]
    expect(editedSummary('Acme  was breached.  Nobody paid.', before)).toEqual([
      before[0],
      { text: 'Nobody paid.', articleId: '', sourceUrl: '' },
    ])
  })

  it('adds the merged name and aliases to the survivor once', () => {
    const into = { name: 'ALPHV', aliases: ['BlackCat'] }
    const from = { name: 'Noberus', aliases: ['blackcat', 'ALPHV'] }
    expect(mergedAliases(into, from)).toEqual(['BlackCat', 'Noberus'])
  })
})
