// Entity scoring: micro P/R/F1, typed and untyped, matching on names and surfaces.
import { describe, expect, it } from 'vitest'
import { scoreEntities, type GoldEntity } from '../../../src/pipeline/extract/score.js'

const gold: GoldEntity[][] = [
  [
    {
      name: 'Clop',
      type: 'threat_actor',
      surface: ['Cl0p', 'Clop ransomware gang'],
      alt_types: ['malware'],
    },
    { name: 'MOVEit Transfer', type: 'software', surface: ['MOVEit'] },
    { name: 'Progress Software', type: 'organization', surface: ['Progress Software'] },
  ],
  [{ name: 'Lazarus Group', type: 'threat_actor', surface: ['Lazarus'] }],
]

describe('scoreEntities', () => {
  it('matches names to gold names or surfaces after normalisation, typed and untyped', () => {
    const s = scoreEntities(gold, [
      [
        { name: 'CL0P', type: 'malware' }, // surface match, alt type
        { name: 'moveit', type: 'organization' }, // right name, wrong type
        { name: 'Zellis', type: 'organization' }, // not in gold
      ],
      [{ name: 'Lazarus Group', type: 'threat_actor', surface: 'Lazarus' }],
    ])
    expect(s.typed).toMatchObject({ tp: 2, fp: 2, fn: 2 })
    expect(s.typed.precision).toBeCloseTo(0.5)
    expect(s.typed.recall).toBeCloseTo(0.5)
    expect(s.typed.f1).toBeCloseTo(0.5)
    expect(s.untyped).toMatchObject({ tp: 3, fp: 1, fn: 1 })
  })

  it('counts recall and precision by type', () => {
    const s = scoreEntities(gold, [[{ name: 'MOVEit', type: 'organization' }], []])
    expect(s.byType.typed.software).toEqual({ gold: 1, predicted: 0, found: 0, correct: 0 })
    expect(s.byType.untyped.software).toMatchObject({ gold: 1, found: 1 })
    expect(s.byType.untyped.organization).toMatchObject({ predicted: 1, correct: 1 })
  })

  it('matches each gold entity once', () => {
    const s = scoreEntities(
      [[gold[1]![0]!]],
      [
        [
          { name: 'Lazarus', type: 'threat_actor' },
          { name: 'Lazarus Group', type: 'threat_actor' },
        ],
      ],
    )
    expect(s.typed).toMatchObject({ tp: 1, fp: 1, fn: 0 })
  })

  it('returns zeros rather than NaN on empty input', () => {
    expect(scoreEntities([], []).typed).toEqual({
      tp: 0,
      fp: 0,
      fn: 0,
      precision: 0,
      recall: 0,
      f1: 0,
    })
  })
})
