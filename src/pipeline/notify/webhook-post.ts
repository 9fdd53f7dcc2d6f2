// One signed webhook POST. The URL passes the SSRF guard first (and, on Node, again at connect
// time inside the HTTP agent); redirects are never followed, since a receiver that moved should
// update its subscription rather than have sitrep POST a signed body wherever a 3xx points.
// The response body is never read: only the status counts.
import { hmacHex } from '../../core/secrets.js'
import { toFetchError } from '../fetch/network-error.js'
import { assertUrlAllowed } from '../fetch/ssrf.js'
import type { HttpClient } from '../fetch/types.js'

export const WEBHOOK_TIMEOUT_MS = 10_000
export const WEBHOOK_USER_AGENT = 'sitrep-webhooks'

export interface PostOutcome {
  ok: boolean
  statusCode: number | null
  error: string | null
  durationMs: number
}

/**
 * The headers of one delivery. The signature covers `<timestamp>.<raw body>`, so a receiver
 * can reject replays of old deliveries by their timestamp without trusting any other header.
 */
export async function webhookHeaders(
  secret: string,
  eventId: string,
  timestamp: number,
  body: string,
): Promise<Record<string, string>> {
  return {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    'sitrep-event-id': eventId,
    'sitrep-timestamp': String(timestamp),
    'sitrep-signature': `v1=${await hmacHex(secret, `${timestamp}.${body}`)}`,
  }
}

export async function postWebhook(
  http: HttpClient,
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { allowPrivateNetworks: boolean; timeoutMs?: number },
): Promise<PostOutcome> {
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  const started = Date.now()
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new Error('timed out')), timeoutMs)
  const done = (statusCode: number | null, error: string | null): PostOutcome => ({
    ok: error === null,
    statusCode,
    error,
    durationMs: Date.now() - started,
  })
  try {
    const send = async () => {
      await assertUrlAllowed(url, {
        allowPrivateNetworks: opts.allowPrivateNetworks,
        resolve: http.resolve?.bind(http),
      })
      const init: RequestInit = {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: controller.signal,
      }
      return http.fetch(url, init)
    }
    // The race also bounds the DNS lookup of the SSRF check, which takes no signal.
    const res = await Promise.race([send(), rejectOnAbort(controller.signal)])
    await res.body?.cancel().catch(() => {})
    return done(res.status, statusError(res.status))
  } catch (err) {
    if (controller.signal.aborted) return done(null, `timed out after ${timeoutMs} ms`)
    return done(null, toFetchError(err, url).message.replace(' fetching ', ' posting to '))
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

function statusError(status: number): string | null {
  if (status >= 200 && status < 300) return null
  if (status >= 300 && status < 400) return `HTTP ${status} (redirects are not followed)`
  return `HTTP ${status}`
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
  })
}
