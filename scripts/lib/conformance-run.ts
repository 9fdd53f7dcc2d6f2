// Runs one peer-suite file through the same steps as `sitrep ingest` (src/entry/cli/ingest.ts):
// bytes -> decodeBody(bytes, Content-Type) -> detectInputKind -> parseFeed / parseJsonLines, and
// classifies the outcome. A crash is any exception that is not an AppError, or a parse over 5 s.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { AppError } from '../../src/core/errors.js'
import { decodeBody } from '../../src/pipeline/fetch/decode.js'
import { detectInputKind } from '../../src/pipeline/parse/detect.js'
import {
  parseFeedDocument,
  toParsedFeed,
  type FeedDocument,
} from '../../src/pipeline/parse/feed.js'
import { parseJsonLines } from '../../src/pipeline/parse/jsonl.js'

export const CRASH_MS = 5000

export interface FixtureMeta {
  contentType: string | null
  contentLocation: string | null
  expect: string[]
}

export interface FileResult {
  /** Path relative to the feeds-peer folder. */
  path: string
  status: 'parsed' | 'rejected' | 'crashed'
  reason: string | null
  ms: number
  /** Every entry the parser read (null unless parsed as a feed document). */
  doc: FeedDocument | null
  /** Items that would be ingested (entries with an http(s) URL, or JSON Lines records). */
  items: number
  /** The URL relative links resolve against. */
  base: string
  meta: FixtureMeta
}

/** Every file under `dir`, sorted, as absolute paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

/** `Header:` and `Expect:` lines from the comment block feedparser fixtures start with. */
export function fixtureMeta(bytes: Uint8Array): FixtureMeta {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 16 * 1024))
  const meta: FixtureMeta = { contentType: null, contentLocation: null, expect: [] }
  for (const m of head.matchAll(/^\s*(Header|Expect):[ \t]*(.*?)\s*$/gm)) {
    const value = m[2] ?? ''
    if (m[1] === 'Expect') meta.expect.push(value)
    const header = /^([\w-]+):\s*(.*)$/.exec(value)
    if (m[1] !== 'Header' || header === null) continue
    const name = (header[1] as string).toLowerCase()
    if (name === 'content-type') meta.contentType = header[2] ?? ''
    if (name === 'content-location') meta.contentLocation = header[2] ?? ''
  }
  return meta
}

/**
 * The URL a document was fetched from. feedparser's suite serves its fixtures from
 * http://127.0.0.1:8097/<path> and its expectations are resolved against that (and against a
 * Content-Location header); a crawl passes the feed URL the same way. Other files get the
 * file: base that `sitrep ingest <file>` uses.
 */
export function documentUrl(root: string, file: string, meta: FixtureMeta): string {
  const rel = relative(root, file).split('\\').join('/')
  if (!rel.startsWith('feedparser/')) return `file:///${encodeURIComponent(file)}`
  const served = `http://127.0.0.1:8097/${rel.slice('feedparser/'.length)}`
  if (meta.contentLocation === null) return served
  try {
    const located = new URL(meta.contentLocation, served)
    // A crawl only ever has an http(s) URL to resolve against (javascript: is a test case).
    return /^https?:$/.test(located.protocol) ? located.href : served
  } catch {
    return served
  }
}

/** The routing of ingest.ts parseInput, keeping the full document for the checks. */
async function parseLikeIngest(text: string, base: string, now: Date) {
  const kind = detectInputKind(text)
  if (kind === 'xml-feed' || kind === 'json-feed') {
    const doc = await parseFeedDocument(text, base, now)
    return { doc, items: toParsedFeed(doc, base).items.length }
  }
  if (kind === 'jsonl') {
    const { items, errors } = parseJsonLines(text, now)
    const first = errors[0]
    if (items.length === 0 && first !== undefined) {
      throw new AppError('parse_failed', `line ${first.line}: ${first.message}`)
    }
    return { doc: null, items: items.length }
  }
  throw new AppError(
    'unsupported_input',
    `not a feed or JSON Lines file (got ${kind === 'html' ? 'an HTML page' : 'plain text'})`,
  )
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`parse took more than ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** Runs one file. Never throws: every outcome is a FileResult. */
export async function runFile(root: string, file: string, now: Date): Promise<FileResult> {
  const bytes = new Uint8Array(readFileSync(file))
  const meta = fixtureMeta(bytes)
  const base = documentUrl(root, file, meta)
  const path = relative(root, file)
  const started = performance.now()
  const result = (status: FileResult['status'], reason: string | null) => ({
    path,
    status,
    reason,
    ms: performance.now() - started,
    doc: null,
    items: 0,
    base,
    meta,
  })
  try {
    const work = async () => parseLikeIngest(decodeBody(bytes, meta.contentType), base, now)
    const { doc, items } = await withTimeout(work(), CRASH_MS)
    const ms = performance.now() - started
    // A synchronous parse cannot be interrupted by the timer, so the elapsed time decides too.
    if (ms > CRASH_MS) return { ...result('crashed', `parse took ${Math.round(ms)} ms`), ms }
    return { path, status: 'parsed', reason: null, ms, doc, items, base, meta }
  } catch (err) {
    if (err instanceof AppError) return result('rejected', err.message)
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
    return result('crashed', message)
  }
}
