// A fictional but realistic supply-chain incident told by four outlets: Trivy's CI is
// compromised on March 19, malicious LiteLLM 1.82.7/1.82.8 land on PyPI on March 24, Mercor
// confirms a breach on March 31. Written for these tests; not real reporting.
import type { Article, EntityType, Mention } from '../../../src/core/types.js'

export type FixtureArticle = Pick<
  Article,
  'id' | 'url' | 'title' | 'text' | 'publishedAt' | 'mentions' | 'source'
>

function mention(name: string, type: EntityType, count = 1): Mention {
  const entityId = `ent_${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}`
  return { entityId, type, name, surface: name, count, discovered: false }
}

export const trivy: FixtureArticle = {
  id: 'art_trivy',
  url: 'https://www.bleepingcomputer.com/news/security/trivy-ci-compromised/',
  source: 'BleepingComputer',
  title: 'Trivy GitHub Action compromised in CI supply-chain attack - BleepingComputer',
  publishedAt: '2026-03-20T09:00:00.000Z',
  text: [
    "Attackers compromised the CI pipeline of Aqua Security's Trivy scanner on March 19, pushing a tampered GitHub Action that stole CI secrets.",
    'The malicious release was live for roughly five hours before the maintainers revoked it.',
    'Aqua Security said the attackers used a personal access token stolen from a maintainer.',
    'Users who ran the action on Thursday should rotate every secret exposed to their workflows.',
    'Click here to subscribe to our weekly newsletter.',
  ].join(' '),
  mentions: [
    mention('Trivy', 'software', 4),
    mention('Aqua Security', 'organization', 2),
    mention('GitHub', 'software'),
  ],
}

export const litellmWeek: FixtureArticle = {
  id: 'art_litellm_sw',
  url: 'https://www.securityweek.com/malicious-litellm-versions-pypi/',
  source: 'SecurityWeek',
  title: 'Malicious LiteLLM versions 1.82.7 and 1.82.8 pushed to PyPI | SecurityWeek',
  publishedAt: '2026-03-25T14:00:00.000Z',
  text: [
    'Malicious LiteLLM versions 1.82.7 and 1.82.8 were uploaded to PyPI on March 24 by the TeamPCP group, using credentials stolen in the Trivy CI compromise.',
    'The tainted releases harvested cloud credentials, SSH keys and Kubernetes tokens from developer machines and CI runners.',
    'PyPI quarantined the project yesterday and the maintainers released a clean version 1.82.9.',
    'Researchers at Acme Threat Labs Inc. said the U.S. accounted for most downloads, e.g. from build servers.',
    'Editorial summary: the incident shows why dependency pinning matters.',
  ].join(' '),
  mentions: [
    mention('LiteLLM', 'software', 3),
    mention('TeamPCP', 'threat_actor', 1),
    mention('PyPI', 'software', 2),
    mention('Trivy', 'software', 1),
  ],
}

export const litellmHn: FixtureArticle = {
  id: 'art_litellm_thn',
  url: 'https://thehackernews.com/2026/03/litellm-pypi-backdoored.html',
  source: 'The Hacker News',
  title: 'LiteLLM PyPI packages backdoored after Trivy compromise — The Hacker News',
  publishedAt: '2026-03-25T16:30:00.000Z',
  text: [
    'Two malicious LiteLLM versions, 1.82.7 and 1.82.8, were uploaded to PyPI on March 24 by the TeamPCP group.',
    'The packages stole cloud credentials and SSH keys from developer machines.',
    'Who is behind TeamPCP?',
    'The TeamPCP group was first seen earlier this month targeting CI systems of open-source projects.',
  ].join('\n'),
  mentions: [
    mention('LiteLLM', 'software', 2),
    mention('TeamPCP', 'threat_actor', 3),
    mention('PyPI', 'software', 1),
    mention('Trivy', 'software', 1),
  ],
}

export const mercor: FixtureArticle = {
  id: 'art_mercor',
  url: 'https://example-news.test/2026/04/01/mercor-breach',
  source: 'Example News',
  title: 'Breaking: Mercor confirms breach linked to LiteLLM supply-chain attack',
  publishedAt: '2026-04-01T10:00:00.000Z',
  text: [
    'AI hiring startup Mercor confirmed on Tuesday that attackers accessed internal systems after a developer installed a poisoned LiteLLM release.',
    'The company said the intrusion began on March 26, two days after the malicious package appeared.',
    'Mercor said it will notify affected contractors by April 15.',
    'Related: TeamPCP claims dozens of victims.',
    'Mercor did not say how much data the TeamPCP operators took from its systems.',
  ].join(' '),
  mentions: [
    mention('Mercor', 'organization', 4),
    mention('LiteLLM', 'software', 1),
    mention('TeamPCP', 'threat_actor', 1),
  ],
}

export const supplyChain: FixtureArticle[] = [trivy, litellmWeek, litellmHn, mercor]

/** An article with fixed publication time (Thursday 2026-03-26) for date tests. */
export function dated(text: string, publishedAt = '2026-03-26T15:00:00.000Z'): FixtureArticle {
  return {
    id: 'art_dates',
    url: 'https://news.test/dates',
    source: 'News Test',
    title: 'Date test',
    publishedAt,
    text,
    mentions: [],
  }
}
