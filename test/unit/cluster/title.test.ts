import { describe, expect, it } from 'vitest'
import { cleanHeadline, incidentTitle } from '../../../src/pipeline/cluster/title.js'
import { supplyChain } from '../summarize/supply-chain-fixture.js'

const withTitles = (...titles: string[]) =>
  titles.map((title, i) => ({ id: `a${i}`, title, mentions: [] }))

describe('cleanHeadline', () => {
  it.each([
    ['Trivy GitHub Action compromised - BleepingComputer', 'Trivy GitHub Action compromised'],
    ['Mercor confirms data breach | SecurityWeek', 'Mercor confirms data breach'],
    ['LiteLLM packages backdoored — The Hacker News', 'LiteLLM packages backdoored'],
    ['Akamai stops record DDoS attack | Security Affairs', 'Akamai stops record DDoS attack'],
    ['Breaking: Mercor confirms data breach', 'Mercor confirms data breach'],
    ['BREAKING NEWS - Mercor confirms data breach', 'Mercor confirms data breach'],
    ['[Updated] Mercor confirms data breach', 'Mercor confirms data breach'],
    ['Exclusive: Mercor confirms breach - Reuters.com', 'Mercor confirms breach'],
  ])('%s', (raw, clean) => {
    expect(cleanHeadline(raw)).toBe(clean)
  })

  it('keeps a dash that is part of the headline', () => {
    expect(cleanHeadline('Akamai stopped a DDoS attack - and what it means for banks')).toBe(
      'Akamai stopped a DDoS attack - and what it means for banks',
    )
  })

  it('caps the length at about 120 characters on a word boundary', () => {
    const long = `Mercor confirms ${'very '.repeat(40)}large breach`
    const clean = cleanHeadline(long)
    expect(clean.length).toBeLessThanOrEqual(120)
    expect(clean.endsWith('…')).toBe(true)
    expect(clean).not.toMatch(/\s…$/)
  })
})

describe('incidentTitle', () => {
  it('picks the headline that shares most with the others, not the first one', () => {
    expect(incidentTitle(supplyChain)).toBe(
      'LiteLLM PyPI packages backdoored after Trivy compromise',
    )
  })

  it('prefers the headline that names the event the others describe', () => {
    const title = incidentTitle(
      withTitles(
        'Weekly security roundup: ten stories you missed',
        'MGM Resorts shuts down IT systems after cyberattack - BleepingComputer',
        'MGM Resorts confirms cyberattack, shuts down systems | SecurityWeek',
        'Casino giant MGM Resorts hit by cyberattack',
      ),
    )
    expect(title).toBe('MGM Resorts shuts down IT systems after cyberattack')
  })

  it('takes the shortest among equally representative headlines', () => {
    expect(incidentTitle(withTitles('Acme Bank breach', 'Acme Bank breach confirmed today'))).toBe(
      'Acme Bank breach',
    )
  })

  it('uses key entity names to break ties toward the headline that names them', () => {
    const title = incidentTitle(
      withTitles('Hospital chain hit by ransomware', 'Rhysida gang hits hospital chain'),
      ['Rhysida'],
    )
    expect(title).toBe('Rhysida gang hits hospital chain')
  })

  it('handles a single article and missing headlines', () => {
    expect(incidentTitle(withTitles('Breaking: Acme Bank breached | SecurityWeek'))).toBe(
      'Acme Bank breached',
    )
    expect(incidentTitle(withTitles('', '   '))).toBe('Untitled incident')
    expect(incidentTitle([])).toBe('Untitled incident')
  })
})
