// The failure scenarios of test/integration/crawl-faults.test.ts: per feed key, the fault its
// server switches to after a healthy first crawl, and what the feed must show afterwards.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as F from './fault-server.js'

export const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/crawl-faults/${name}`, import.meta.url)))
export const RSS = { 'content-type': 'application/rss+xml' }
export const MAX_BYTES = 1024 * 1024
export const TIMEOUT_MS = 2500
export const MB50 = 50 * 1024 * 1024
export const retryAt = new Date(Date.now() + 3 * 3600_000)

export interface Failure {
  fault: () => F.Handler | Promise<F.Handler>
  status: 'failing' | 'backing-off' | 'gone'
  /** The HTTP status the server answered, or null when no complete answer arrived. */
  lastStatus: number | null
  error: (url: string) => string
}

export const FAILURES: Record<string, Failure> = {
  stall: { fault: F.hang, status: 'failing', lastStatus: null, error: timedOut },
  trickle: {
    fault: () => F.trickle('<?xml version="1.0"?><rss version="2.0"><channel>\n', 200),
    status: 'failing',
    lastStatus: null,
    error: timedOut,
  },
  'http-500': httpError(500),
  'http-404': httpError(404),
  'http-410': {
    ...httpError(410),
    status: 'gone',
    error: (u) => `HTTP 410 from ${u} (feed is gone; retried weekly)`,
  },
  'http-429': { ...httpError(429, { 'retry-after': '120' }), status: 'backing-off' },
  'http-503': {
    ...httpError(503, { 'retry-after': retryAt.toUTCString() }),
    status: 'backing-off',
  },
  'redirect-loop': {
    fault: () => F.respond(302, { location: '/redirect-loop-b.xml' }),
    status: 'failing',
    lastStatus: null,
    error: (u) => `too many redirects (more than 5) fetching ${u}`,
  },
  'huge-stream': tooLarge(() => F.huge(MB50), 'body kept going'),
  'huge-declared': tooLarge(
    () => F.huge(MB50, { declareLength: true }),
    `Content-Length is ${MB50} bytes`,
  ),
  'gzip-bomb': tooLarge(() => F.gzipBomb(100 * 1024 * 1024), 'body kept going'),
  'invalid-xml': {
    fault: () => F.respond(200, RSS, fixture('invalid.xml')),
    status: 'failing',
    lastStatus: 200,
    error: () => 'not a valid RSS/Atom feed: unexpected close tag at line 11',
  },
  'html-page': {
    fault: () =>
      F.respond(200, { 'content-type': 'text/html; charset=utf-8' }, fixture('html-page.html')),
    status: 'failing',
    lastStatus: 200,
    error: () => 'not a feed: looks like an HTML page',
  },
}

/** Feeds that change but do not fail. */
export const SUCCEEDING = ['healthy', 'charset-header', 'charset-declared', 'empty', 'guid-gazette']
export const KEYS = [...SUCCEEDING, ...Object.keys(FAILURES)]
export const host = (key: string) => `${key}.example.test`

function timedOut(url: string) {
  return `timed out after ${TIMEOUT_MS} ms fetching ${url}`
}
function httpError(status: number, headers: Record<string, string> = {}): Failure {
  const fault = () => F.respond(status, { 'content-type': 'text/plain', ...headers }, 'nope')
  return { fault, status: 'failing', lastStatus: status, error: (u) => `HTTP ${status} from ${u}` }
}
function tooLarge(fault: Failure['fault'], why: string): Failure {
  const error = (u: string) => `response from ${u} exceeds ${MAX_BYTES} bytes (${why})`
  return { fault, status: 'failing', lastStatus: null, error }
}
