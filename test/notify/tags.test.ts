// The tagger: precision first. A headline phrase assigns a tag; a body needs repeated evidence;
// a word in passing assigns nothing.
import { describe, expect, it } from 'vitest'
import type { Mention } from '../../src/core/types.js'
import { articleTags, unionTags } from '../../src/pipeline/extract/tags.js'

const tags = (title: string, text = '', mentions: Mention[] = []) =>
  articleTags({ title, text }, mentions)

const mention = (type: Mention['type'], name: string, count = 1): Mention => ({
  entityId: `ent_${name}`,
  type,
  name,
  surface: name,
  count,
  discovered: false,
})

describe('articleTags', () => {
  it.each([
    ['LockBit ransomware attack disrupts hospital', 'ransomware'],
    ['Backdoored LiteLLM releases 1.82.7 and 1.82.8 published to PyPI', 'supply-chain'],
    ['Malicious npm packages steal developer credentials', 'supply-chain'],
    ['TeamPCP hijacks GitHub Actions in supply chain attack', 'supply-chain'],
    ['Mercor confirms data breach affecting contractors', 'data-breach'],
    ['Hackers stole customer data from Acme', 'data-breach'],
    ['CISA warns of actively exploited Citrix flaw', 'exploited-vulnerability'],
    ['Google patches Chrome zero-day exploited in attacks', 'exploited-vulnerability'],
    ['Critical vulnerability found in Jenkins', 'vulnerability'],
    ['Phishing campaign impersonates DocuSign', 'phishing'],
    ['New Android spyware hides in Telegram clones', 'malware'],
    ['Record DDoS attack hits US bank', 'ddos'],
    ['Chinese state-sponsored hackers breach telecoms in espionage campaign', 'espionage'],
    ['Hackers steal $40 million in crypto from exchange', 'crypto-theft'],
  ])('tags "%s" as %s', (title, tag) => {
    expect(tags(title)).toContain(tag)
  })

  it('needs repeated evidence in the body, not a word in passing', () => {
    const once = 'Attackers often start with phishing. The company restored its systems.'
    expect(tags('Acme restores systems after incident', once)).not.toContain('phishing')
    const twice = `${once} The phishing emails imitated the CEO.`
    expect(tags('Acme restores systems after incident', twice)).toContain('phishing')
  })

  it('does not take stolen tokens for stolen crypto, or a DoS bug for a DDoS', () => {
    const t = tags(
      'Attackers used stolen tokens to publish packages',
      'The stolen CI tokens were revoked. A denial-of-service flaw was also fixed.',
    )
    expect(t).not.toContain('crypto-theft')
    expect(t).not.toContain('ddos')
  })

  it('reads a CVE entity as a vulnerability, and an exploited flaw as both', () => {
    expect(tags('Patch now', '', [mention('vulnerability', 'CVE-2026-1234')])).toEqual([
      'vulnerability',
    ])
    expect(tags('Flaw exploited in the wild', 'It is actively exploited.')).toEqual([
      'exploited-vulnerability',
      'vulnerability',
    ])
  })

  it('needs a malware family in the headline or named twice', () => {
    expect(tags('Acme hit', 'Similar to Emotet.', [mention('malware', 'Emotet')])).toEqual([])
    expect(tags('Acme hit', 'Emotet. Emotet.', [mention('malware', 'Emotet', 2)])).toEqual([
      'malware',
    ])
  })

  it('does not read an intrusion as a data breach, or "state-sponsored" as espionage', () => {
    expect(tags("Hackers breached International Criminal Court's systems")).not.toContain(
      'data-breach',
    )
    expect(tags('Intelligence chief warns of state-sponsored attacks on LNG terminals')).toEqual([])
  })

  it('leaves ordinary news untagged', () => {
    expect(tags('Microsoft launches new Copilot features for Teams')).toEqual([])
  })
})

describe('unionTags', () => {
  it('merges in vocabulary order and drops unknown values', () => {
    expect(unionTags(['phishing', 'ransomware'], undefined, ['ransomware', 'bogus'])).toEqual([
      'ransomware',
      'phishing',
    ])
  })
})
