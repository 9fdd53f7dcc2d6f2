// Where the peer suites state expected values, and how each one fared against sitrep's parse:
// feedparser's `Expect:` headers and rss-parser's test/output/<name>.json. Miniflux's testdata
// has no expected feed fields (its *-result files are scraper output for HTML pages).
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { extractAssertions, type Assertion, type Check } from './conformance-assertions.js'
import { runChecks, type Outcome } from './conformance-check.js'
import { parseExpect } from './conformance-expect.js'
import type { FileResult, FixtureMeta } from './conformance-run.js'
import { rssParserAssertions } from './conformance-rss-parser.js'

export interface Judged {
  path: string
  assertion: Assertion
  /** Null for unchecked assertions. */
  outcome: Outcome | null
  /** True when the entry checked has no http(s) URL, so ingest would drop it. */
  droppedEntry: boolean
}

function feedparserAssertions(meta: FixtureMeta): Assertion[] {
  return meta.expect.flatMap((source) => {
    try {
      return extractAssertions(parseExpect(source), source)
    } catch {
      return [{ kind: 'unchecked' as const, source, label: 'unparsed expression' }]
    }
  })
}

/** rss-parser's expected outputs are UTF-8 except one written in Latin-1. */
function readJson(path: string): unknown {
  const bytes = readFileSync(path)
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    return JSON.parse(bytes.toString('latin1')) as unknown
  }
}

function rssParserExpected(absPath: string): Assertion[] {
  if (!absPath.includes('/rss-parser/test/input/')) return []
  const name = basename(absPath, extname(absPath))
  const output = join(dirname(dirname(absPath)), 'output', `${name}.json`)
  return existsSync(output) ? rssParserAssertions(readJson(output)) : []
}

/** Every assertion the suites make about one file. */
export function assertionsFor(absPath: string, meta: FixtureMeta): Assertion[] {
  return [...feedparserAssertions(meta), ...rssParserExpected(absPath)]
}

function isDropped(checks: Check[], result: FileResult): boolean {
  const entry = checks[0]?.entry
  if (entry === null || entry === undefined || result.doc === null) return false
  return result.doc.entries[entry]?.url === null
}

/** Each assertion with its outcome; checks on a file that did not parse are mismatches. */
export function judge(result: FileResult, assertions: Assertion[]): Judged[] {
  return assertions.map((assertion) => {
    const base = { path: result.path, assertion, droppedEntry: false }
    if (assertion.kind === 'unchecked') return { ...base, outcome: null }
    if (result.doc === null) {
      const actual = `(file ${result.status}: ${result.reason ?? 'not a feed document'})`
      const value = assertion.alternatives[0]?.expected ?? null
      const expected = typeof value === 'string' ? value : JSON.stringify(value)
      return { ...base, outcome: { status: 'mismatch', expected, actual } }
    }
    return {
      ...base,
      outcome: runChecks(assertion.alternatives, result.doc, result.base),
      droppedEntry: isDropped(assertion.alternatives, result),
    }
  })
}
