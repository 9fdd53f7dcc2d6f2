// One GET with the safety rails every crawl needs: SSRF check before every hop, manual
// redirects, a single deadline for the whole exchange, a byte cap enforced while streaming,
// and errors that read well on one line in the CLI and in a feed's `lastError`.
import { AppError } from '../../core/errors.js'
import { toFetchError } from './network-error.js'
import { assertUrlAllowed } from './ssrf.js'
import type { FetchOptions, FetchResult, HttpClient } from './types.js'

export const DEFAULT_FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json, ' +
  'application/xml, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5'
export const DEFAULT_MAX_REDIRECTS = 5

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const PERMANENT = new Set([301, 308])

/** Where the exchange currently is, so an error names the hop that failed. */
interface Progress {
  readonly start: string
  url: string
}

export async function fetchResource(
  client: HttpClient,
  url: string,
  opts: FetchOptions,
): Promise<FetchResult> {
  const progress: Progress = { start: url, url }
  const controller = new AbortController()
  // The abort reason is the error itself, so whichever await notices the abort rethrows it.
  const timer = setTimeout(
    () => controller.abort(timeoutError(progress, opts.timeoutMs)),
    opts.timeoutMs,
  )
  try {
    // The race also bounds steps that take no signal, such as the DNS lookup in the SSRF check.
    return await Promise.race([
      follow(client, progress, opts, controller.signal),
      rejectOnAbort(controller.signal),
    ])
  } catch (err) {
    throw toFetchError(err, progress.url)
  } finally {
    clearTimeout(timer)
    // Releases the connection of a response we gave up on (too large, failed mid-body).
    controller.abort()
  }
}

async function follow(
  client: HttpClient,
  progress: Progress,
  opts: FetchOptions,
  signal: AbortSignal,
): Promise<FetchResult> {
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const resolve = client.resolve?.bind(client)
  const headers = requestHeaders(opts)
  let permanent = true
  for (let hops = 0; ; hops++) {
    await assertUrlAllowed(progress.url, {
      allowPrivateNetworks: opts.allowPrivateNetworks,
      resolve,
    })
    const init: RequestInit = { method: 'GET', headers, redirect: 'manual', signal }
    const res = await client.fetch(progress.url, init)
    const location = REDIRECTS.has(res.status) ? res.headers.get('location') : null
    if (location === null) return finish(res, progress.url, opts, hops > 0 && permanent)
    await discard(res)
    if (hops >= maxRedirects) {
      throw new AppError(
        'fetch_failed',
        `too many redirects (more than ${maxRedirects}) fetching ${progress.start}`,
        { context: { url: progress.start, lastUrl: progress.url } },
      )
    }
    permanent &&= PERMANENT.has(res.status)
    progress.url = nextUrl(location, progress.url)
  }
}

function requestHeaders(opts: FetchOptions): Record<string, string> {
  // Accept-Encoding is left to the client, which is also the one that has to decompress.
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent,
    accept: opts.accept ?? DEFAULT_FEED_ACCEPT,
  }
  if (opts.etag) headers['if-none-match'] = opts.etag
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified
  return headers
}

function nextUrl(location: string, current: string): string {
  try {
    return new URL(location, current).href
  } catch {
    throw new AppError('fetch_failed', `invalid redirect Location "${location}" from ${current}`, {
      context: { url: current },
    })
  }
}

async function finish(
  res: Response,
  url: string,
  opts: FetchOptions,
  permanent: boolean,
): Promise<FetchResult> {
  const notModified = res.status === 304
  if (!notModified && !res.ok) {
    await discard(res)
    const retryAfter = res.headers.get('retry-after')
    throw new AppError('fetch_failed', `HTTP ${res.status} from ${url}`, {
      context: { url, status: res.status, retryAfter },
    })
  }
  const body = notModified ? await discard(res) : await readBody(res, url, opts.maxBytes)
  const h = res.headers
  return {
    url,
    status: res.status,
    notModified,
    body,
    contentType: h.get('content-type'),
    // A 304 may omit validators; the ones we sent are then still the current ones.
    etag: h.get('etag') ?? (notModified ? (opts.etag ?? null) : null),
    lastModified: h.get('last-modified') ?? (notModified ? (opts.lastModified ?? null) : null),
    retryAfter: h.get('retry-after'),
    cacheControl: h.get('cache-control'),
    expires: h.get('expires'),
    permanentUrl: permanent ? url : null,
  }
}

async function readBody(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'))
  if (declared > maxBytes) {
    await discard(res)
    throw tooLarge(url, maxBytes, `Content-Length is ${declared} bytes`)
  }
  if (!res.body) return new Uint8Array(0)
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(url, maxBytes, 'body kept going')
    }
    chunks.push(value)
  }
  return concat(chunks, size)
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/** Drops a body we will not read, so its connection can be reused or closed. */
async function discard(res: Response): Promise<Uint8Array> {
  await res.body?.cancel().catch(() => {})
  return new Uint8Array(0)
}

function tooLarge(url: string, maxBytes: number, why: string): AppError {
  return new AppError('too_large', `response from ${url} exceeds ${maxBytes} bytes (${why})`, {
    context: { url, maxBytes },
  })
}

function timeoutError({ url }: Progress, timeoutMs: number): AppError {
  const message = `timed out after ${timeoutMs} ms fetching ${url}`
  return new AppError('fetch_failed', message, { context: { url, timeoutMs } })
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}
