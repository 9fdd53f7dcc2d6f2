import { describe, expect, it } from 'vitest'
import { classifyKind } from '../../../src/pipeline/cluster/kind.js'

describe('classifyKind', () => {
  it.each([
    'Webinar: Identity Threat Detection & Response',
    'AuthMind Scores $8.5M Seed Funding for ITDR Tech',
    'How to Prevent API Breaches: A Guide to Robust Security',
    '7 Steps to Kickstart Your SaaS Security Program',
    'The Week in Ransomware - September 15th 2023',
    'Google Chrome Rolls Out Support for Privacy Sandbox',
    'Microsoft will block 3rd-party printer drivers in Windows Update',
    'Microsoft Edge is losing tablet-friendly "Web Select" feature',
    'Is your SOC ready for AI?',
  ])('%s is not an incident', (title) => {
    expect(classifyKind(title)).toBe('not_incident')
  })

  it.each([
    'Caesars Entertainment confirms ransom payment, customer data theft',
    'Google fixes another Chrome zero-day bug exploited in attacks',
    'Hackers abuse new Windows feature to deliver malware',
    'Ransomware gang claims attack on Northwind Health',
    'Europol takedown disrupts Qakbot botnet',
    'Why did hackers target MGM? Casino breach exposes customer data',
  ])('%s is an incident', (title) => {
    expect(classifyKind(title)).toBe('incident')
  })
})
