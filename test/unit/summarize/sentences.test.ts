import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../../src/pipeline/summarize/sentences.js'

describe('splitSentences', () => {
  it('keeps abbreviations, initials, versions, CVE ids and decimals inside sentences', () => {
    const text =
      'The U.S. Cybersecurity and Infrastructure Security Agency added CVE-2023-34362 to its catalog. ' +
      'Progress Software Inc. said version 1.82.7 was malicious, e.g. it stole keys. ' +
      'Traffic peaked at 633.7 Gbps on Sept. 5 and J. R. Smith of Acme Corp. confirmed it. ' +
      'Dr. Jones said patches for v1.2.3 are out, i.e. users should update.'
    expect(splitSentences(text)).toEqual([
      'The U.S. Cybersecurity and Infrastructure Security Agency added CVE-2023-34362 to its catalog.',
      'Progress Software Inc. said version 1.82.7 was malicious, e.g. it stole keys.',
      'Traffic peaked at 633.7 Gbps on Sept. 5 and J. R. Smith of Acme Corp. confirmed it.',
      'Dr. Jones said patches for v1.2.3 are out, i.e. users should update.',
    ])
  })

  it('ends a sentence after an abbreviation when a new sentence clearly starts', () => {
    expect(splitSentences('The deal was signed by Acme Inc. The company did not comment.')).toEqual(
      ['The deal was signed by Acme Inc.', 'The company did not comment.'],
    )
    expect(splitSentences('Most victims were in the U.S. They were notified.')).toEqual([
      'Most victims were in the U.S.',
      'They were notified.',
    ])
  })

  it('splits on versions and ids that end a sentence', () => {
    expect(splitSentences('Update to 1.82.9. The flaw is CVE-2026-1234. Patch now!')).toEqual([
      'Update to 1.82.9.',
      'The flaw is CVE-2026-1234.',
      'Patch now!',
    ])
  })

  it('handles quotes, questions and exclamations', () => {
    expect(
      splitSentences('"We are investigating," the firm said. Was it Lazarus? Nobody knows!'),
    ).toEqual(['"We are investigating," the firm said.', 'Was it Lazarus?', 'Nobody knows!'])
    expect(splitSentences('He said "it is contained." The probe continues.')).toEqual([
      'He said "it is contained."',
      'The probe continues.',
    ])
  })

  it('treats bullets and line breaks as boundaries but joins hard-wrapped lines', () => {
    const text = [
      'Affected versions:',
      '- LiteLLM 1.82.7',
      '• LiteLLM 1.82.8',
      '1. Rotate secrets',
      'The attackers used a token that',
      'had been stolen earlier.',
      '',
      '## Heading without a period',
      'Next paragraph.',
    ].join('\n')
    expect(splitSentences(text)).toEqual([
      'Affected versions:',
      'LiteLLM 1.82.7',
      'LiteLLM 1.82.8',
      'Rotate secrets',
      'The attackers used a token that had been stolen earlier.',
      '## Heading without a period',
      'Next paragraph.',
    ])
  })

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([])
  })

  it('caps the work on very long texts', () => {
    const text = 'The attackers stole data from the servers. '.repeat(50_000)
    const started = Date.now()
    const out = splitSentences(text)
    expect(out.length).toBeGreaterThan(100)
    expect(out.length).toBeLessThanOrEqual(600)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
