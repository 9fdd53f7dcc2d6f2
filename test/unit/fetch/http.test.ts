import type { IncomingMessage, ServerResponse } from 'node:http'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors.js'
import { DEFAULT_FEED_ACCEPT, fetchResource } from '../../../src/pipeline/fetch/http.js'
import type { FetchOptions } from '../../../src/pipeline/fetch/types.js'
import { createNodeHttpClient } from '../../../src/platform/node/http-client.js'
import { closedPort, startServer } from './local-server.js'
import type { LocalServer } from './local-server.js'

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
const text = (b: Uint8Array) => new TextDecoder().decode(b)

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x')
  const [, name = '', arg = ''] = url.pathname.split('/')
  const status = Number(url.searchParams.get('s') ?? 302)
  switch (name) {
    case 'ok':
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Tue, 01 Jul 2025 10:00:00 GMT',
        'cache-control': 'max-age=300',
        expires: 'Tue, 01 Jul 2025 10:05:00 GMT',
      })
      return void res.end(RSS)
    case 'etag':
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"', 'cache-control': 'max-age=60' })
        return void res.end()
      }
      res.writeHead(200, { etag: '"v1"' })
      return void res.end(RSS)
    case 'hop': {
      const left = Number(arg)
      if (left === 0) return void res.end('landed')
      // Relative Location, resolved against the current URL by fetchResource.
      res.writeHead(status, { location: `${left - 1}?s=${status}` })
      return void res.end('moved')
    }
    case 'p301':
      res.writeHead(301, { location: '/t302' })
      return void res.end()
    case 't302':
      res.writeHead(302, { location: '/ok' })
      return void res.end()
    case 'gzip':
      res.writeHead(200, { 'content-encoding': 'gzip' })
      return void res.end(gzipSync(RSS))
    case 'br':
      res.writeHead(200, { 'content-encoding': 'br' })
      return void res.end(brotliCompressSync(RSS))
    case 'bomb':
      res.writeHead(200, { 'content-encoding': 'gzip' })
      return void res.end(gzipSync(Buffer.alloc(4_000_000)))
    case 'declared-big':
      // Claims 10 MB, sends a little, then stalls: only an early check avoids the timeout.
      res.writeHead(200, { 'content-length': String(10_000_000) })
      return void res.write('x'.repeat(100))
    case 'chunked-big': {
      let sent = 0
      const timer = setInterval(() => {
        if (res.destroyed || sent > 1_000_000) return (clearInterval(timer), res.end())
        res.write(Buffer.alloc(16_384, 0x61))
        sent += 16_384
      }, 1)
      return
    }
    case 'stall-body':
      res.writeHead(200, { 'content-type': 'text/xml' })
      return void res.write('<rss>')
    case 'hang':
      return
    case 'unavailable':
      res.writeHead(503, { 'retry-after': '120' })
      return void res.end('busy')
    default:
      res.writeHead(404)
      return void res.end('no')
  }
}

let server: LocalServer
const client = createNodeHttpClient({ allowPrivateNetworks: true, connectTimeoutMs: 2000 })
const opts: FetchOptions = {
  timeoutMs: 5000,
  maxBytes: 100_000,
  allowPrivateNetworks: true,
  userAgent: 'sitrep-test/1.0',
}

async function failure(url: string, extra: Partial<FetchOptions> = {}): Promise<AppError> {
  const err = await fetchResource(client, url, { ...opts, ...extra }).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`)
  return err
}

beforeAll(async () => {
  server = await startServer(route)
})
afterAll(async () => {
  await client.close()
  await server.close()
})

describe('fetchResource over a loopback server', () => {
  it('fetches a 200 and fills every field from the headers', async () => {
    const r = await fetchResource(client, `${server.base}/ok`, opts)
    expect(text(r.body)).toBe(RSS)
    expect(r).toMatchObject({
      url: `${server.base}/ok`,
      status: 200,
      notModified: false,
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT',
      retryAfter: null,
      cacheControl: 'max-age=300',
      expires: 'Tue, 01 Jul 2025 10:05:00 GMT',
      permanentUrl: null,
    })
    const sent = server.seen.at(-1)
    expect(sent?.['user-agent']).toBe('sitrep-test/1.0')
    expect(sent?.accept).toBe(DEFAULT_FEED_ACCEPT)
    expect(sent?.['accept-encoding']).toMatch(/gzip/)
    expect(sent?.['if-none-match']).toBeUndefined()
  })

  it('sends validators and reports 304 as notModified with an empty body', async () => {
    const lastModified = 'Tue, 01 Jul 2025 10:00:00 GMT'
    const r = await fetchResource(client, `${server.base}/etag`, {
      ...opts,
      etag: '"v1"',
      lastModified,
      accept: 'text/html',
    })
    expect(r).toMatchObject({ status: 304, notModified: true, etag: '"v1"', lastModified })
    expect(r.body).toHaveLength(0)
    expect(server.seen.at(-1)).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': lastModified,
      accept: 'text/html',
    })
  })

  it('follows 5 redirects and refuses a 6th', async () => {
    const r = await fetchResource(client, `${server.base}/hop/5`, opts)
    expect(text(r.body)).toBe('landed')
    expect(r.url).toBe(`${server.base}/hop/0?s=302`)
    const err = await failure(`${server.base}/hop/6`)
    expect(err.code).toBe('fetch_failed')
    expect(err.message).toContain('too many redirects')
    expect(
      (await fetchResource(client, `${server.base}/hop/2`, { ...opts, maxRedirects: 2 })).status,
    ).toBe(200)
    expect((await failure(`${server.base}/hop/1`, { maxRedirects: 0 })).message).toContain(
      'redirects',
    )
  })

  it('sets permanentUrl only while every hop is permanent', async () => {
    for (const s of [301, 308]) {
      const r = await fetchResource(client, `${server.base}/hop/2?s=${s}`, opts)
      expect(r.permanentUrl).toBe(`${server.base}/hop/0?s=${s}`)
    }
    for (const s of [302, 303, 307]) {
      const r = await fetchResource(client, `${server.base}/hop/1?s=${s}`, opts)
      expect(r.status).toBe(200)
      expect(r.permanentUrl).toBeNull()
    }
    const mixed = await fetchResource(client, `${server.base}/p301`, opts)
    expect(mixed.url).toBe(`${server.base}/ok`)
    expect(mixed.permanentUrl).toBeNull()
  })

  it('decompresses gzip and brotli bodies', async () => {
    for (const path of ['gzip', 'br']) {
      expect(text((await fetchResource(client, `${server.base}/${path}`, opts)).body)).toBe(RSS)
    }
  })

  it('rejects early when Content-Length exceeds maxBytes', async () => {
    const started = Date.now()
    const err = await failure(`${server.base}/declared-big`)
    expect(err.code).toBe('too_large')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('stops reading a chunked or decompressed body at maxBytes', async () => {
    for (const path of ['chunked-big', 'bomb']) {
      const err = await failure(`${server.base}/${path}`)
      expect(err.code).toBe('too_large')
      expect(err.message).toContain('100000 bytes')
    }
  })

  it('times out the whole exchange, headers or body', async () => {
    for (const path of ['hang', 'stall-body']) {
      const started = Date.now()
      const err = await failure(`${server.base}/${path}`, { timeoutMs: 300 })
      expect(err.code).toBe('fetch_failed')
      expect(err.message).toBe(`timed out after 300 ms fetching ${server.base}/${path}`)
      expect(Date.now() - started).toBeLessThan(2000)
    }
  })

  it('surfaces status and Retry-After of a non-2xx response', async () => {
    const err = await failure(`${server.base}/unavailable`)
    expect(err.code).toBe('fetch_failed')
    expect(err.message).toBe(`HTTP 503 from ${server.base}/unavailable`)
    expect(err.context).toMatchObject({ status: 503, retryAfter: '120' })
    expect((await failure(`${server.base}/missing`)).context).toMatchObject({ status: 404 })
  })

  it('explains a refused connection on one line', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/feed`
    const err = await failure(url)
    expect(err.code).toBe('fetch_failed')
    expect(err.message).toBe(`connection refused fetching ${url}`)
  })

  it('refuses 127.0.0.1 when private networks are not allowed', async () => {
    const strict = createNodeHttpClient({ allowPrivateNetworks: false, connectTimeoutMs: 2000 })
    const before = server.seen.length
    const err = await fetchResource(strict, `${server.base}/ok`, {
      ...opts,
      allowPrivateNetworks: false,
    }).catch((e: unknown) => e)
    await strict.close()
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('blocked_address')
    expect((err as AppError).message).toContain('127.0.0.1 is a loopback address')
    expect(server.seen.length).toBe(before)
  })
})
