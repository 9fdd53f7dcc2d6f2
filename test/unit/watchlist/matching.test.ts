// Package <-> incident matching and affected-version extraction from article text: the
// phrasings advisories and news use for the LiteLLM releases, ranges, fixes that are not
// affected versions, and ordinary words ("requests", "express") that are no package.
import { describe, expect, it } from 'vitest'
import {
  watchlistMatches,
  type WatchlistPackage,
} from '../../../src/pipeline/notify/watchlist-match.js'

const pypi = (name: string, version: string | null): WatchlistPackage => ({
  ecosystem: 'pypi',
  name,
  version,
})
const npm = (name: string, version: string | null): WatchlistPackage => ({
  ecosystem: 'npm',
  name,
  version,
})
const noEntities = { entities: [] }
const article = (text: string, title = 'Security news') => ({ title, text })

/** Matches of one text, as "name version affected [versions]". */
function verdicts(text: string, packages: WatchlistPackage[], incident = noEntities) {
  return watchlistMatches(incident, [article(text)], packages).map(
    (m) => `${m.name} ${m.version} ${m.affected} [${m.affected_versions.join(', ')}]`,
  )
}

describe('affected versions next to the package name', () => {
  const pinned = [pypi('litellm', '1.82.7')]
  const cases: [string, string][] = [
    ['Attackers published litellm 1.82.7 and 1.82.8 on PyPI.', '1.82.7, 1.82.8'],
    ['The attack hit versions 1.82.7 and 1.82.8 of LiteLLM.', '1.82.7, 1.82.8'],
    ['Run pip install litellm==1.82.7 to see the payload.', '1.82.7'],
    ['The malicious litellm release v1.82.7 was pulled.', '1.82.7'],
    ['The litellm package versions 1.82.7, 1.82.8 were backdoored.', '1.82.7, 1.82.8'],
    ["LiteLLM's 1.82.7 or 1.82.8 wheels stole credentials.", '1.82.7, 1.82.8'],
    ['Backdoored LiteLLM releases 1.82.7 and 1.82.8 published to PyPI', '1.82.7, 1.82.8'],
  ]
  it.each(cases)('%s', (text, versions) => {
    expect(verdicts(text, pinned)).toEqual([`litellm 1.82.7 affected [${versions}]`])
  })

  it('reads ranges: through, prior to, <, and earlier, >= with <', () => {
    const v = (text: string) => verdicts(text, pinned)[0]
    expect(v('The litellm package versions 1.82.0 through 1.82.8 are affected.')).toBe(
      'litellm 1.82.7 affected [1.82.0 – 1.82.8]',
    )
    expect(v('The litellm library prior to 2.3.1 is vulnerable.')).toBe(
      'litellm 1.82.7 affected [< 2.3.1]',
    )
    expect(v('The litellm package < 1.82.7 is vulnerable.')).toBe(
      'litellm 1.82.7 not_affected [< 1.82.7]',
    )
    expect(v('The litellm package 1.82.7 and earlier is vulnerable.')).toBe(
      'litellm 1.82.7 affected [<= 1.82.7]',
    )
    expect(v('The litellm package >= 1.80.0, < 1.82.9 is vulnerable.')).toBe(
      'litellm 1.82.7 affected [>= 1.80.0, < 1.82.9]',
    )
    expect(v('litellm versions between 1.82.0 and 1.82.6 are affected.')).toBe(
      'litellm 1.82.7 not_affected [1.82.0 – 1.82.6]',
    )
  })

  it('marks another pinned version not affected, and no pin unknown', () => {
    const text = 'Versions 1.82.7 and 1.82.8 of the litellm package were backdoored.'
    expect(verdicts(text, [pypi('LiteLLM', '1.82.6'), pypi('litellm', null)])).toEqual([
      'LiteLLM 1.82.6 not_affected [1.82.7, 1.82.8]',
      'litellm null unknown [1.82.7, 1.82.8]',
    ])
  })

  it('does not take the fixed version for an affected one', () => {
    expect(verdicts('Users of the litellm library should upgrade to 1.82.9.', pinned)).toEqual([
      'litellm 1.82.7 unknown []',
    ])
    expect(
      verdicts('The litellm package 1.82.5 and earlier is affected; update litellm to 1.82.9.', [
        pypi('litellm', '1.82.9'),
      ]),
    ).toEqual(['litellm 1.82.9 not_affected [<= 1.82.5]'])
  })

  it('still alerts, as unknown, when no version is named', () => {
    expect(verdicts('The popular litellm library was compromised.', pinned)).toEqual([
      'litellm 1.82.7 unknown []',
    ])
  })

  it('does not take quantities for versions', () => {
    expect(verdicts('The litellm package has 3.4 million downloads a day.', pinned)).toEqual([
      'litellm 1.82.7 unknown []',
    ])
  })
})

describe('which packages an incident names', () => {
  it('ordinary words are no package: requests, express', () => {
    const packages = [pypi('requests', '2.31.0'), npm('express', '4.19.2')]
    for (const text of [
      'Attackers flooded the server with requests from a botnet.',
      'The package manager received malicious requests during the attack.',
      'Officials express concern about the npm ecosystem after the attack.',
      'The library handled millions of requests per second before it failed.',
    ]) {
      expect(verdicts(text, packages), text).toEqual([])
    }
  })

  it('the same words with package context do match', () => {
    const packages = [pypi('requests', '2.31.0'), npm('express', '4.19.2')]
    expect(verdicts('The popular requests library 2.31.0 was backdoored.', packages)).toEqual([
      'requests 2.31.0 affected [2.31.0]',
    ])
    expect(verdicts('Researchers found a malicious express package on npm.', packages)).toEqual([
      'express 4.19.2 unknown []',
    ])
    expect(verdicts('Run npm install express@4.19.2 to reproduce it.', packages)).toEqual([
      'express 4.19.2 affected [4.19.2]',
    ])
  })

  it('packages named like function words need versions or an install command', () => {
    const packages = [npm('which', '2.0.2'), npm('once', '1.4.0')]
    for (const text of [
      'Attackers published malicious packages which stole tokens.',
      'The package was live once and then removed from the npm registry.',
    ])
      expect(verdicts(text, packages), text).toEqual([])
    expect(verdicts('Run npm install which to see it.', packages)).toEqual([
      'which 2.0.2 unknown []',
    ])
    expect(verdicts('The attackers shipped which@2.0.2 to npm.', packages)).toEqual([
      'which 2.0.2 affected [2.0.2]',
    ])
  })

  it('a word-like name needs its package noun right next to it', () => {
    const packages = [npm('express', '4.19.2'), npm('contained', '1.0.0')]
    expect(verdicts('The npm package express was hijacked.', packages)).toEqual([
      'express 4.19.2 unknown []',
    ])
    expect(
      verdicts('Express shipped a fix, the maintainers of the package said.', packages),
    ).toEqual([])
    const text = 'Versions 1.82.7 and 1.82.8 of the litellm package contained a stealer.'
    expect(verdicts(text, packages)).toEqual([])
  })

  it('a distinctive name is enough with a package word nearby', () => {
    expect(
      verdicts('Maintainers pulled event-stream from npm after the report.', [
        npm('event-stream', '3.3.6'),
      ]),
    ).toEqual(['event-stream 3.3.6 unknown []'])
  })

  it('scoped npm names and PEP 503 spellings', () => {
    expect(
      verdicts('The @scope/widgets package 1.0.0 contained a stealer.', [
        npm('@scope/widgets', '1.0.0'),
      ]),
    ).toEqual(['@scope/widgets 1.0.0 affected [1.0.0]'])
    expect(
      verdicts('The typing_extensions package 4.11.0 was yanked.', [
        pypi('typing-extensions', '4.11.0'),
      ]),
    ).toEqual(['typing-extensions 4.11.0 affected [4.11.0]'])
  })

  it('a package of another name (trivy-action) is not the package trivy', () => {
    const text = 'Attackers poisoned the trivy-action package on GitHub.'
    expect(verdicts(text, [npm('trivy', '1.0.0')])).toEqual([])
  })

  it('a software entity matches by name or alias when an article title names it', () => {
    const incident = { entities: [{ name: 'Event Stream', type: 'software', aliases: ['ES lib'] }] }
    const articles = [article('Maintainers took over the project.', 'Event Stream backdoored')]
    expect(watchlistMatches(incident, articles, [npm('event-stream', '3.3.6')])).toEqual([
      {
        ecosystem: 'npm',
        name: 'event-stream',
        version: '3.3.6',
        affected: 'unknown',
        affected_versions: [],
      },
    ])
  })

  it('a software entity named only in passing is not enough (Kubernetes tokens)', () => {
    const incident = { entities: [{ name: 'Kubernetes', type: 'software' }] }
    const text = 'The stealer collected Kubernetes service account tokens and cloud keys.'
    expect(watchlistMatches(incident, [article(text)], [pypi('kubernetes', '29.0.0')])).toEqual([])
  })

  it('registry names match only with a version (npm the package, not npm the registry)', () => {
    const incident = { entities: [{ name: 'npm', type: 'software' }] }
    const pkg = [npm('npm', '10.5.0')]
    expect(
      watchlistMatches(
        incident,
        [article('Tokens for the npm registry leaked.', 'npm tokens')],
        pkg,
      ),
    ).toEqual([])
    expect(verdicts('A flaw in npm 10.5.0 leaks tokens.', pkg)).toEqual([
      'npm 10.5.0 affected [10.5.0]',
    ])
  })

  it('without articles, a software entity of the same name is enough', () => {
    const incident = { entities: [{ name: 'LiteLLM', type: 'software' }] }
    expect(watchlistMatches(incident, [], [pypi('litellm', '1.82.7')])).toHaveLength(1)
  })
})
