// The Node client's guarded lookup must hand undici a usable answer when the address is allowed.
// A loopback server stands in for a public host: the SSRF verdict is stubbed to "public" and
// `public.test` resolves to 127.0.0.1, so nothing leaves the machine.
import type * as Dns from 'node:dns'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { createNodeHttpClient } from '../../../src/platform/node/http-client.js'
import { startServer } from './local-server.js'
import type { LocalServer } from './local-server.js'

vi.mock('../../../src/pipeline/fetch/ssrf.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  blockReason: () => null,
}))
vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof Dns>()
  const lookup = (host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (host !== 'public.test') return real.lookup(host, options, cb)
    if (options.all) cb(null, [{ address: '127.0.0.1', family: 4 }])
    else cb(null, '127.0.0.1', 4)
  }
  return { ...real, default: { ...real, lookup }, lookup }
})

let server: LocalServer
const strict = createNodeHttpClient({ allowPrivateNetworks: false, connectTimeoutMs: 2000 })
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('hello'))
})
afterAll(async () => {
  await strict.close()
  await server.close()
})

it('connects through the guarded lookup when the address is allowed', async () => {
  const res = await strict.fetch(`http://public.test:${server.port}/`, { redirect: 'manual' })
  expect(res.status).toBe(200)
  expect(await res.text()).toBe('hello')
  expect(server.seen[0]?.host).toBe(`public.test:${server.port}`)
})
