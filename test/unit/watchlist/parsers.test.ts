// Lockfile and SBOM parsers against hand-written fixtures of every supported format, their edge
// cases, and the errors a user sees for anything else.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors.js'
import { parseLockfile, type ParsedLockfile } from '../../../src/pipeline/watchlist/index.js'

const read = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/watchlist/${name}`, import.meta.url)), 'utf8')
const parse = (name: string) => parseLockfile(name, read(name))
const triples = (r: ParsedLockfile) =>
  r.packages.map((p) => `${p.ecosystem}:${p.name}@${p.version}`)

describe('package-lock.json', () => {
  it('v1: walks the nested dependency tree, resolves npm: aliases, keeps git deps unversioned', () => {
    const r = parse('package-lock-v1.json')
    expect(r.format).toBe('package-lock')
    expect(triples(r).sort()).toEqual(
      [
        'npm:@babel/core@7.24.0',
        'npm:debug@2.6.9',
        'npm:debug@4.3.4',
        'npm:express@4.19.2',
        'npm:left-pad@1.3.0',
        'npm:internal-utils@null',
      ].sort(),
    )
    expect(r.warnings).toEqual(['1 package(s) without a registry version'])
  })

  it('v3: node_modules paths, nested and scoped; skips the root, workspace links and folders', () => {
    const r = parse('package-lock-v3.json')
    expect(triples(r)).toEqual([
      'npm:@scope/widgets@3.2.1',
      'npm:lodash@4.17.20',
      'npm:lodash@4.17.21',
      'npm:express@4.19.2',
      'npm:debug@2.6.9',
      'npm:strip-ansi@6.0.1',
    ])
    expect(r.warnings).toEqual([])
  })

  it('v2: reads the packages map, not the legacy tree next to it', () => {
    expect(triples(parse('package-lock-v2.json'))).toEqual(['npm:chalk@5.3.0'])
  })

  it('npm-shrinkwrap.json is the same format', () => {
    expect(parseLockfile('npm-shrinkwrap.json', read('package-lock-v2.json')).format).toBe(
      'package-lock',
    )
  })
})

describe('pnpm-lock.yaml', () => {
  it('v6: /name@version keys, scoped names, peer suffixes stripped, tarball entries by field', () => {
    expect(triples(parse('pnpm-lock-v6.yaml'))).toEqual([
      'npm:@tanstack/query-core@5.28.4',
      'npm:@tanstack/react-query@5.28.4',
      'npm:loose-envify@1.4.0',
      'npm:react-dom@18.2.0',
      'npm:react@18.2.0',
      'npm:forked-lib@2.0.0-fork.1',
    ])
  })

  it('v9: packages and snapshots, deduplicated', () => {
    expect(triples(parse('pnpm-lock-v9.yaml'))).toEqual([
      'npm:@vitejs/plugin-react@4.2.1',
      'npm:esbuild@0.19.12',
      'npm:vite@5.1.6',
      'npm:only-in-snapshots@1.0.0',
    ])
  })

  it('v5: /name/version keys with _peer suffixes', () => {
    expect(triples(parse('pnpm-lock-v5.yaml'))).toEqual([
      'npm:@emotion/react@11.11.4',
      'npm:react@18.2.0',
    ])
  })
})

describe('requirements.txt', () => {
  const r = parse('requirements.txt')
  const byName = new Map(r.packages.map((p) => [p.name, p]))

  it('pins only ==/=== versions; ranges and bare names keep the spec, version null', () => {
    expect(byName.get('litellm')).toEqual({ ecosystem: 'pypi', name: 'litellm', version: '1.82.7' })
    expect(byName.get('requests')).toMatchObject({ version: null, spec: '>=2.31,<3' })
    expect(byName.get('numpy')).toEqual({ ecosystem: 'pypi', name: 'numpy', version: null })
    expect(byName.get('pandas')).toMatchObject({ version: null, spec: '~=2.2.0' })
    expect(byName.get('urllib3')).toMatchObject({ version: null, spec: '==2.2.*' })
    expect(byName.get('six')?.version).toBe('1.16.0')
    expect(byName.get('mylib')).toMatchObject({
      version: null,
      spec: expect.stringMatching(/^@ https/),
    })
  })

  it('normalizes names (PEP 503), reads extras, markers, comments and continued --hash lines', () => {
    expect(byName.get('django-rest-framework')?.version).toBe('3.15.1')
    expect(byName.get('uvicorn')?.version).toBe('0.29.0')
    expect(byName.get('importlib-metadata')?.version).toBe('7.1.0')
    expect(byName.get('cryptography')?.version).toBe('42.0.5')
    expect(r.packages).toHaveLength(11)
  })

  it('notes includes, editable installs, paths and bad lines in the warnings', () => {
    expect(r.warnings).toEqual([
      'line 2: includes "requirements-base.txt", which was not read (upload it as well)',
      'line 3: includes "constraints.txt", which was not read (upload it as well)',
      'line 17: editable install skipped',
      'line 19: a path or URL, not a named requirement: skipped',
      'line 20: not a requirement: this is not a requirement',
      '--hash options on 1 line(s) ignored (versions are compared, not hashes)',
    ])
  })

  it('accepts other requirement file names and CRLF line ends', () => {
    const text = 'LiteLLM==1.82.7\r\nFlask>=2\r\n'
    for (const name of ['requirements-dev.txt', 'requirements/prod.txt', 'dev-requirements.in'])
      expect(triples(parseLockfile(name, text))).toEqual(['pypi:litellm@1.82.7', 'pypi:flask@null'])
  })
})

describe('poetry.lock', () => {
  it('reads [[package]] tables (names PEP 503 normalized) and notes git sources', () => {
    const r = parse('poetry.lock')
    expect(triples(r)).toEqual([
      'pypi:litellm@1.82.6',
      'pypi:openai@1.30.1',
      'pypi:typing-extensions@4.11.0',
      'pypi:internal-sdk@0.4.0',
    ])
    expect(r.warnings).toEqual(['internal-sdk: installed from git, not from a package index'])
  })
})

describe('CycloneDX', () => {
  it('JSON: purls (pypi, scoped npm, maven), nested components, no metadata component', () => {
    const r = parse('bom.cdx.json')
    expect(r.format).toBe('cyclonedx')
    expect(triples(r)).toEqual([
      'pypi:litellm@1.82.7',
      'npm:@scope/widgets@1.0.0',
      'pypi:flask-sqlalchemy@3.1.1',
      'pypi:six@1.16.0',
      'maven:org.apache.logging.log4j:log4j-core@2.14.1',
      'generic:no-purl-lib@0.9.0',
    ])
    expect(r.warnings).toEqual([
      '1 component(s) that are not packages skipped',
      '1 component(s) without a purl: ecosystem unknown',
    ])
  })

  it('XML: the same, in cheerio xml mode', () => {
    expect(triples(parse('bom.cdx.xml'))).toEqual([
      'pypi:litellm@1.82.8',
      'npm:@scope/widgets@1.0.0',
      'npm:tiny-dep@0.1.2',
    ])
  })
})

describe('format detection', () => {
  it('sniffs the content when the file name says nothing', () => {
    const cases: [string, string][] = [
      ['package-lock-v3.json', 'package-lock'],
      ['pnpm-lock-v9.yaml', 'pnpm-lock'],
      ['poetry.lock', 'poetry-lock'],
      ['bom.cdx.json', 'cyclonedx'],
      ['bom.cdx.xml', 'cyclonedx'],
    ]
    for (const [file, format] of cases)
      expect(parseLockfile('upload', read(file)).format).toBe(format)
    const pins =
      '# pinned\nlitellm==1.82.7\nrequests[socks]>=2 ; python_version>"3.8"\n-r base.txt\n'
    expect(parseLockfile('deps', pins).format).toBe('requirements')
  })

  it('sniffs requirements only when every line is one (not any text file)', () => {
    expect(() => parseLockfile('upload', read('requirements.txt'))).toThrow(/not a recognized/)
    expect(() => parseLockfile('README', 'Install it with pip.\n')).toThrow(/not a recognized/)
  })

  it('strips a byte-order mark', () => {
    expect(parseLockfile('requirements.txt', '\ufefflitellm==1.82.7\n').packages).toHaveLength(1)
  })
})

describe('bad input', () => {
  const fails = (name: string, content: string, code: string, message: RegExp) => {
    let err: unknown
    try {
      parseLockfile(name, content)
    } catch (e) {
      err = e
    }
    expect(err, `${name} should fail`).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe(code)
    expect((err as AppError).message).toMatch(message)
  }

  it('refuses unknown files, naming what is accepted', () => {
    fails(
      'notes.md',
      '# Hello\n\nSome prose here.',
      'bad_request',
      /notes\.md: not a recognized lockfile: upload a package-lock\.json/,
    )
    fails('data.json', '{"hello": 1}', 'bad_request', /not a recognized lockfile/)
    fails('feed.xml', '<rss version="2.0"></rss>', 'bad_request', /not a recognized lockfile/)
  })

  it('refuses files that do not parse as their name says', () => {
    fails(
      'package-lock.json',
      '{"lockfileVersion": 3',
      'bad_request',
      /package-lock\.json: not valid JSON/,
    )
    fails('package-lock.json', '{"name": "x"}', 'bad_request', /no "lockfileVersion"/)
    fails('package-lock.json', '[1, 2]', 'bad_request', /expected a JSON object/)
    fails('pnpm-lock.yaml', 'lockfileVersion: [', 'bad_request', /pnpm-lock\.yaml: not valid YAML/)
    fails('pnpm-lock.yaml', 'packages: {}\n', 'bad_request', /no "lockfileVersion"/)
    fails('poetry.lock', '[[package]\nname = ', 'bad_request', /poetry\.lock: not valid TOML/)
    fails(
      'poetry.lock',
      '[metadata]\nlock-version = "2.0"\n',
      'bad_request',
      /no \[\[package\]\] tables/,
    )
    fails('bom.json', '{"bomFormat": "SPDX"}', 'bad_request', /not a CycloneDX document/)
    fails('bom.xml', '<bom><components/></bom>', 'bad_request', /not a CycloneDX document/)
  })

  it('refuses empty files and files without packages', () => {
    fails('requirements.txt', '', 'bad_request', /the file is empty/)
    fails(
      'requirements.txt',
      '# nothing pinned yet\n-r base.txt\n',
      'bad_request',
      /no packages found \(read as requirements\)/,
    )
    fails(
      'package-lock.json',
      '{"lockfileVersion": 3, "packages": {"": {}}}',
      'bad_request',
      /no packages found/,
    )
  })

  it('refuses files over 5 MB with too_large', () => {
    const big = `litellm==1.82.7\n${'# padding\n'.repeat(530_000)}`
    fails('requirements.txt', big, 'too_large', /larger than 5 MB/)
  })
})
