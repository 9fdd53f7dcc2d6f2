import { describe, expect, it } from 'vitest'
import { bcubed, pairwise } from '../../../scripts/lib/bcubed.js'

const m = (o: Record<string, string | null>) => new Map(Object.entries(o))

describe('clustering metrics', () => {
  it('is perfect when prediction equals gold, whatever the cluster names', () => {
    const gold = m({ a: 'x', b: 'x', c: 'y', d: null })
    const pred = m({ a: '1', b: '1', c: '2', d: '3' })
    expect(bcubed(gold, pred)).toEqual({ precision: 1, recall: 1, f1: 1 })
    expect(pairwise(gold, pred).f1).toBe(1)
  })

  it('penalises a merge in precision and a split in recall', () => {
    const gold = m({ a: 'x', b: 'x', c: 'y', d: 'y' })
    const merged = bcubed(gold, m({ a: '1', b: '1', c: '1', d: '1' }))
    expect(merged.recall).toBe(1)
    expect(merged.precision).toBe(0.5)
    const split = bcubed(gold, m({ a: '1', b: '2', c: '3', d: '4' }))
    expect(split.precision).toBe(1)
    expect(split.recall).toBe(0.5)
  })

  it('treats gold nulls as singletons, so grouping two of them costs precision', () => {
    const gold = m({ a: null, b: null })
    expect(bcubed(gold, m({ a: '1', b: '1' })).precision).toBe(0.5)
    expect(pairwise(gold, m({ a: '1', b: '1' })).precision).toBe(0)
  })
})
