// A programmable loopback HTTP server for crawler fault tests: every path gets a handler that can
// be swapped between crawls (healthy feed first, then a fault), and every exchange is logged with
// the request headers, the status sent and how many body bytes actually went out.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import { createGzip } from 'node:zlib'

export type Handler = (req: IncomingMessage, res: ServerResponse) => void

export interface Exchange {
  path: string
  headers: IncomingMessage['headers']
  status: number | null
  /** Body bytes written to the socket (after any content-encoding). */
  bodyBytes: number
  /** False when the client hung up before the response ended. */
  finished: boolean
}

export interface FaultServer {
  base: string
  port: number
  exchanges: Exchange[]
  route(path: string, handler: Handler): void
  /** Exchanges for one path, in arrival order. */
  on(path: string): Exchange[]
  close(): Promise<void>
}

export async function startFaultServer(routes: Record<string, Handler> = {}): Promise<FaultServer> {
  const table = new Map(Object.entries(routes))
  const exchanges: Exchange[] = []
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const exchange: Exchange = {
      path,
      headers: req.headers,
      status: null,
      bodyBytes: 0,
      finished: false,
    }
    exchanges.push(exchange)
    countBytes(res, exchange)
    const handler = table.get(path) ?? respond(404, { 'content-type': 'text/plain' }, 'not found')
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    exchanges,
    route: (path, handler) => void table.set(path, handler),
    on: (path) => exchanges.filter((e) => e.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging and trickling handlers never end their responses; drop those sockets too.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function countBytes(res: ServerResponse, exchange: Exchange): void {
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse
  const size = (chunk: unknown) =>
    typeof chunk === 'string' ? Buffer.byteLength(chunk) : ((chunk as Buffer)?.byteLength ?? 0)
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    exchange.bodyBytes += size(chunk)
    return write(chunk, ...rest)
  }) as ServerResponse['write']
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') exchange.bodyBytes += size(chunk)
    return end(chunk, ...rest)
  }) as ServerResponse['end']
  res.on('close', () => {
    exchange.status = res.headersSent ? res.statusCode : null
    exchange.finished = res.writableFinished
  })
}

type Headers = Record<string, string | number>

export const respond =
  (status: number, headers: Headers, body: string | Buffer = ''): Handler =>
  (_req, res) =>
    void res.writeHead(status, headers).end(body)

/** Reads the request, then never answers: from the client's side, a server that stalls. */
export const hang = (): Handler => () => {}

/** Sends headers and a first fragment at once, then one small chunk every `everyMs`, forever. */
export const trickle =
  (first: string, everyMs: number): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
    res.write(first)
    const timer = setInterval(() => res.write('<!-- . -->\n'), everyMs)
    res.on('close', () => clearInterval(timer))
  }

/**
 * Streams `totalBytes` of feed-shaped filler in 64 KiB writes that wait for the socket to drain,
 * so a 50 MB body never sits in memory and stops as soon as the client hangs up.
 */
export const huge =
  (totalBytes: number, opts: { declareLength?: boolean } = {}): Handler =>
  (_req, res) => {
    const head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>\n'
    const filler = Buffer.from(`<!-- ${'x'.repeat(64 * 1024 - 10)} -->\n`)
    res.writeHead(200, {
      'content-type': 'application/rss+xml',
      ...(opts.declareLength ? { 'content-length': totalBytes } : {}),
    })
    let sent = 0
    const pump = () => {
      while (!res.destroyed && sent < totalBytes) {
        const chunk =
          sent === 0
            ? Buffer.from(head)
            : filler.subarray(0, Math.min(filler.length, totalBytes - sent))
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      if (!res.destroyed) res.end()
    }
    res.on('error', () => {})
    pump()
  }

/** A gzip body of `decompressedBytes` of filler: tiny on the wire, huge once inflated. */
export async function gzipBomb(decompressedBytes: number): Promise<Handler> {
  const gzip = createGzip({ level: 9 })
  const out: Buffer[] = []
  gzip.on('data', (chunk: Buffer) => out.push(chunk))
  const ended = once(gzip, 'end')
  gzip.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Bomb</title>')
  // One reused block: compressing never holds more than a megabyte of the inflated body.
  const block = Buffer.alloc(1024 * 1024, ' ')
  for (let left = decompressedBytes; left > 0; left -= block.length) {
    if (!gzip.write(block)) await once(gzip, 'drain')
  }
  gzip.end()
  await ended
  const compressed = Buffer.concat(out)
  return (_req, res) =>
    void res
      .writeHead(200, {
        'content-type': 'application/rss+xml',
        'content-encoding': 'gzip',
        'content-length': compressed.length,
      })
      .end(compressed)
}
