// A loopback HTTP server that serves hand-written fixtures, with {{BASE}} replaced by its own
// origin so feeds can link to their article pages. Counts requests per path for assertions.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Route {
  file: string
  type: string
}

export interface FixtureServer {
  base: string
  hits: Map<string, number>
  close(): Promise<void>
}

export async function startFixtureServer(routes: Record<string, Route>): Promise<FixtureServer> {
  const hits = new Map<string, number>()
  let base = ''
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    hits.set(path, (hits.get(path) ?? 0) + 1)
    const route = routes[path]
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    const body = readFileSync(route.file, 'utf8').replaceAll('{{BASE}}', base)
    res.writeHead(200, { 'content-type': route.type }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
