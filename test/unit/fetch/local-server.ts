// A loopback HTTP server for fetch tests. Listens on 127.0.0.1 with an ephemeral port; never
// touches the network beyond that.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LocalServer {
  base: string
  port: number
  /** Request headers of every request served, in order. */
  seen: http.IncomingHttpHeaders[]
  close(): Promise<void>
}

export async function startServer(handler: http.RequestListener): Promise<LocalServer> {
  const seen: http.IncomingHttpHeaders[] = []
  const server = http.createServer((req, res) => {
    seen.push(req.headers)
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging handlers never end their responses; drop those sockets too.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = await startServer(() => {})
  await s.close()
  return s.port
}
