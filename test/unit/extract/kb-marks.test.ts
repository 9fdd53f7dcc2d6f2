// Marks on imported aliases (cue needed or not), and their recovery for entries read back from
// storage, which keeps neither marks nor alternative types.
import { describe, expect, it } from 'vitest'
import {
  aliasMarks,
  isShortCode,
  needsCueWord,
  withMarks,
} from '../../../src/pipeline/extract/kb-marks.js'
import type { KbEntry } from '../../../src/pipeline/extract/types.js'

describe('needsCueWord', () => {
  it.each(['Play', 'Royal', 'Locky', 'KEYPLUG', 'play', 'money message', '8base', '24H', 'PS1'])(
    'asks a cue of %s',
    (alias) => expect(needsCueWord(alias)).toBe(true),
  )

  it.each(['LockBit', 'APT28', 'FIN7', 'Scattered Spider', 'Storm-0558', 'BlackCat ransomware'])(
    'matches %s as written',
    (alias) => expect(needsCueWord(alias)).toBe(false),
  )

  it('treats an ordinary word with a number as prose ("Naval Group 72 hours")', () => {
    expect(needsCueWord('Group 72')).toBe(true)
    expect(needsCueWord('Venus 121')).toBe(false)
  })

  it('knows short codes from tracking ids', () => {
    expect(['16x', 'H1N1', 'X3M'].map(isShortCode)).toEqual([true, true, true])
    expect(['APT1', 'FIN7', 'TA505', 'Clop'].map(isShortCode)).toEqual([false, false, false, false])
  })
})

describe('aliasMarks', () => {
  it('puts every alias in exactly one list', () => {
    expect(aliasMarks(['Play', 'PlayCrypt', 'Play ransomware'])).toEqual({
      ambiguous: ['Play'],
      caseSensitive: ['PlayCrypt', 'Play ransomware'],
    })
    expect(aliasMarks(['LockBit'])).toEqual({ caseSensitive: ['LockBit'] })
  })
})

describe('withMarks', () => {
  const stored = (name: string, aliases: string[]): KbEntry => ({
    id: `id-${name}`,
    type: 'threat_actor',
    name,
    aliases,
  })

  it('gives an imported entry read back from storage its marks again', () => {
    const e = withMarks(stored('Royal', ['Royal', 'Royal ransomware']))
    expect(e.ambiguous).toEqual(['Royal'])
    expect(e.caseSensitive).toEqual(['Royal ransomware'])
  })

  it('restores the strain type of a ransomware entry from its "X ransomware" alias', () => {
    expect(withMarks(stored('Akira', ['Akira', 'Akira ransomware'])).altTypes).toEqual(['malware'])
    expect(withMarks(stored('Turla', ['Turla', 'Snake'])).altTypes).toBeUndefined()
  })

  it('leaves marked entries and discovered entries (stored without aliases) alone', () => {
    const marked = { ...stored('Hive', ['Hive']), caseSensitive: ['Hive'] }
    expect(withMarks(marked)).toBe(marked)
    const discovered = stored('Redfly', [])
    expect(withMarks(discovered)).toBe(discovered)
  })
})
