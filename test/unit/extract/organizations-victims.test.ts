// Organisations named by what happened to them, and by institutional head words.
import { describe, expect, it } from 'vitest'
import { findOrganizations } from '../../../src/pipeline/extract/organizations.js'

const found = (text: string) => findOrganizations(text).map((c) => c.name)

describe('victims of breach verbs', () => {
  it.each([
    ['On Monday, Austal confirmed a data breach at its offices.', 'Austal'],
    ['Last year hackers breached Retina-X Studios twice.', 'Retina-X Studios'],
    ['The data breach at KWIC Internet exposed its customers.', 'KWIC Internet'],
    ['Employees of Hancock Health were told about it on Friday.', 'Hancock Health'],
    ['The maker, California-based Spiral Toys, denied it.', 'Spiral Toys'],
    ['Records show that Quantrax Corp was hacked in May.', 'Quantrax Corp'],
    ['Email filtering company, Mailguard, has picked up the lure.', 'Mailguard'],
    ['Libelium is a wireless sensor network hardware manufacturer.', 'Libelium'],
  ])('%s', (text, name) => {
    expect(found(text)).toContain(name)
  })

  it('leaves people and the tails of longer names alone', () => {
    const text =
      'The phone of the journalist Galina Timchenko was compromised. ' +
      'Save the Children International was hit with a cyberattack.'
    expect(found(text)).not.toContain('Galina Timchenko')
    expect(found(text)).not.toContain('Children International')
  })
})

describe('institutions', () => {
  it.each([
    ['The Cockerell Hill Police Department paid the ransom.', 'Cockerell Hill Police Department'],
    [
      'In 2016 Hollywood Presbyterian Hospital paid the ransom that was asked of it in bitcoin.',
      'Hollywood Presbyterian Hospital',
    ],
    [
      'Mail claimed to come from the Department for Work and Pensions.',
      'Department for Work and Pensions',
    ],
    [
      'The lures were made to look as if they came from the Central Bank of Russia.',
      'Central Bank of Russia',
    ],
    ['Patients of Henry Ford Hospital were notified.', 'Henry Ford Hospital'],
    [
      'Files of the Lansing Board of Water & Light were encrypted.',
      'Lansing Board of Water & Light',
    ],
  ])('%s', (text, name) => {
    expect(found(text)).toContain(name)
  })

  it('does not read a city as its council', () => {
    expect(
      found('Two hospitals in Kansas City were hit by the same gang last week.'),
    ).not.toContain('Kansas City')
  })
})
