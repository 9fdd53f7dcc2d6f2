// Version ordering (PEP 440 with semver pre-releases) and the affected-version decision.
import { describe, expect, it } from 'vitest'
import { decideAffected, type AffectedSpec } from '../../../src/pipeline/watchlist/affected.js'
import { compareVersions } from '../../../src/pipeline/watchlist/versions.js'

describe('compareVersions', () => {
  it('orders releases, pre-, post- and dev releases as PEP 440 does', () => {
    const ascending = [
      '1.0.0.dev1',
      '1.0.0a1',
      '1.0.0b2',
      '1.0.0rc1',
      '1.0.0',
      '1.0.0.post1',
      '1.0.1',
      '1.9',
      '1.10',
      '1!0.1',
    ]
    for (let i = 0; i < ascending.length - 1; i++) {
      expect(compareVersions(ascending[i]!, ascending[i + 1]!), ascending[i]).toBe(-1)
      expect(compareVersions(ascending[i + 1]!, ascending[i]!)).toBe(1)
    }
  })

  it('treats missing release parts as zeros, a leading v as nothing', () => {
    expect(compareVersions('1.2', '1.2.0')).toBe(0)
    expect(compareVersions('v1.82.7', '1.82.7')).toBe(0)
  })

  it('orders semver pre-releases before the release', () => {
    expect(compareVersions('1.0.0-beta.2', '1.0.0-beta.10')).toBe(-1)
    expect(compareVersions('2.0.0-fork.1', '2.0.0')).toBe(-1)
  })

  it('says null for what is not a version', () => {
    expect(compareVersions('0123abcd', '1.0')).toBeNull()
  })
})

describe('decideAffected', () => {
  const spec = (exact: string[], ranges: AffectedSpec['ranges'] = []): AffectedSpec => ({
    exact,
    ranges,
  })
  const upTo = (hi: string, hiInclusive: boolean) => ({
    lo: null,
    loInclusive: false,
    hi,
    hiInclusive,
  })

  it('named versions: affected when pinned to one, not_affected otherwise', () => {
    expect(decideAffected('1.82.7', spec(['1.82.7', '1.82.8']))).toBe('affected')
    expect(decideAffected('v1.82.8', spec(['1.82.7', '1.82.8']))).toBe('affected')
    expect(decideAffected('1.82.6', spec(['1.82.7', '1.82.8']))).toBe('not_affected')
  })

  it('ranges: inclusive and exclusive bounds', () => {
    const through = { lo: '1.82.0', loInclusive: true, hi: '1.82.8', hiInclusive: true }
    expect(decideAffected('1.82.0', spec([], [through]))).toBe('affected')
    expect(decideAffected('1.82.8', spec([], [through]))).toBe('affected')
    expect(decideAffected('1.82.9', spec([], [through]))).toBe('not_affected')
    expect(decideAffected('1.81.9', spec([], [through]))).toBe('not_affected')
    expect(decideAffected('2.3.0', spec([], [upTo('2.3.1', false)]))).toBe('affected')
    expect(decideAffected('2.3.1', spec([], [upTo('2.3.1', false)]))).toBe('not_affected')
    expect(decideAffected('2.3.1', spec([], [upTo('2.3.1', true)]))).toBe('affected')
    expect(decideAffected('2.3.1rc1', spec([], [upTo('2.3.1', false)]))).toBe('affected')
  })

  it('unknown when nothing is named, nothing is pinned, or the pin cannot be compared', () => {
    expect(decideAffected('1.82.7', spec([]))).toBe('unknown')
    expect(decideAffected(null, spec(['1.82.7']))).toBe('unknown')
    expect(decideAffected('0123abcd', spec([], [upTo('2.0', false)]))).toBe('unknown')
  })
})
