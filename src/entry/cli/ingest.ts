// `sitrep ingest`: feed documents or JSON Lines from files or URLs. Each rejected input (or line)
// gets one error line naming it; good inputs are ingested regardless.
import { readFile } from 'node:fs/promises'
import type { Deps } from '../../core/deps.js'
import { AppError, describeError } from '../../core/errors.js'
import type { RawItem } from '../../core/types.js'
import { createPipelineContext } from '../../pipeline/context.js'
import { decodeBody } from '../../pipeline/fetch/decode.js'
import { fetchResource } from '../../pipeline/fetch/http.js'
import { ingestItems } from '../../pipeline/ingest.js'
import { detectInputKind, stripBom, xmlRootName } from '../../pipeline/parse/detect.js'
import { parseFeed } from '../../pipeline/parse/feed.js'
import { parseJsonLines } from '../../pipeline/parse/jsonl.js'
import { recordRun } from '../../jobs/run-log.js'
import { progressLine } from './progress.js'

export async function ingestCommand(deps: Deps, inputs: string[]): Promise<number> {
  const startedAt = deps.now().toISOString()
  const errors: { target: string; message: string }[] = []
  const items: RawItem[] = []
  for (const input of inputs) {
    try {
      const { text, base } = await readInput(deps, input)
      const parsed = await parseInput(text, base, deps.now())
      items.push(...parsed.items)
      for (const e of parsed.errors)
        errors.push({ target: `${input}:${e.line}`, message: e.message })
    } catch (err) {
      errors.push({ target: input, message: describeError(err) })
    }
  }
  const progress = progressLine()
  const ctx = await createPipelineContext(deps)
  const stats = await ingestItems(
    deps,
    ctx,
    items,
    { origin: 'ingest', feedId: null, source: null },
    { onProgress: (d, t) => progress.update(`processing ${d}/${t} articles`) },
  )
  progress.done()
  errors.push(...stats.errors)
  await recordRun(deps, 'ingest', startedAt, { ...stats, errors })
  for (const e of errors) console.error(`error: ${e.target}: ${e.message}`)
  console.log(
    `ingested ${stats.added} new article${stats.added === 1 ? '' : 's'} from ${inputs.length} input${inputs.length === 1 ? '' : 's'}` +
      ` (${stats.skipped} already known, ${stats.duplicates} duplicate${stats.duplicates === 1 ? '' : 's'} of known stories, ${errors.length} rejected)`,
  )
  return errors.length > 0 ? 1 : 0
}

async function readInput(deps: Deps, input: string): Promise<{ text: string; base: string }> {
  if (/^https?:\/\//i.test(input)) {
    const res = await fetchResource(deps.http, input, {
      timeoutMs: deps.config.fetchTimeoutMs,
      maxBytes: deps.config.maxBytes,
      allowPrivateNetworks: deps.config.allowPrivateNetworks,
      userAgent: deps.config.userAgent,
    })
    return { text: decodeBody(res.body, res.contentType), base: res.url }
  }
  let bytes: Uint8Array
  try {
    bytes = await readFile(input)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new AppError(
      'bad_request',
      code === 'ENOENT' ? 'no such file' : `cannot read file (${code})`,
    )
  }
  return { text: decodeBody(bytes, null), base: `file:///${encodeURIComponent(input)}` }
}

async function parseInput(text: string, base: string, now: Date) {
  const kind = detectInputKind(text)
  if (kind === 'xml-feed' || kind === 'json-feed') {
    return { items: (await parseFeed(text, base, now)).items, errors: [] }
  }
  if (kind === 'jsonl') return parseJsonLines(text, now)
  throw new AppError(
    'unsupported_input',
    `not a feed or JSON Lines file (expected RSS, Atom, JSON Feed, or one {url, title, published, text, source} object per line; got ${describeKind(kind, text)})`,
  )
}

function describeKind(kind: string, text: string): string {
  if (kind === 'html') return 'an HTML page'
  const root = xmlRootName(text)
  if (root) return `XML that is not RSS or Atom (root <${root}>)`
  if (/^\s*[[{]/.test(stripBom(text))) return 'JSON that is not a JSON Feed or JSON Lines'
  return 'plain text'
}
