/* eslint-disable no-restricted-imports -- a stand-alone Node example for receivers, not part of src */
// Verifying sitrep webhooks: the function below is the snippet the README shows (the test suite
// checks that README and this file agree, and verifies real deliveries with it). Run this file
// for a small receiver that prints verified events:
//
//   SITREP_WEBHOOK_SECRET=whsec_... node docs/verify-webhook.mjs 8080
//
// Node 18+, no dependencies.
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'

// --- snippet ---
import { createHmac, timingSafeEqual } from 'node:crypto'

const MAX_AGE_SECONDS = 5 * 60

/**
 * True when `rawBody` (the exact bytes received: a Buffer or string, before any JSON parsing)
 * was signed by sitrep with `secret` less than 5 minutes ago. `headers`: node:http's
 * `req.headers` or a fetch `Headers`.
 */
export function verifySitrepWebhook(secret, rawBody, headers, nowMs = Date.now()) {
  const get = (name) => (typeof headers.get === 'function' ? headers.get(name) : headers[name])
  const timestamp = String(get('sitrep-timestamp') ?? '')
  const signature = String(get('sitrep-signature') ?? '')
  if (!/^\d+$/.test(timestamp)) return false
  // Old (or far-future) timestamps are refused, so a captured delivery cannot be replayed later.
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_AGE_SECONDS) return false
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest()
  const given = Buffer.from(signature.replace(/^v1=/, ''), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
// --- end of snippet ---

/** A receiver for trying it out: verifies, dedupes on Sitrep-Event-Id, answers 204 or 401. */
export function startReceiver(secret, port) {
  const seen = new Set()
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      if (!verifySitrepWebhook(secret, body, req.headers)) {
        res.writeHead(401).end()
        return
      }
      const id = req.headers['sitrep-event-id']
      // A delivery can repeat after a crash (same id): handle each id once.
      if (!seen.has(id)) {
        seen.add(id)
        const event = JSON.parse(body.toString('utf8'))
        console.log(`${id} ${event.type} ${event.incident?.title ?? ''}`)
      }
      res.writeHead(204).end()
    })
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const secret = process.env.SITREP_WEBHOOK_SECRET
  if (!secret) {
    console.error('set SITREP_WEBHOOK_SECRET to the secret sitrep showed when subscribing')
    process.exit(1)
  }
  const server = await startReceiver(secret, Number(process.argv[2] ?? 8080))
  console.log(`listening on http://127.0.0.1:${server.address().port}/`)
}
