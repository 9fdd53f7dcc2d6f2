// Turns whatever a fetch implementation threw into one AppError with a one-line message.
// undici wraps the interesting part (ECONNREFUSED, our own blocked-address error from the
// guarded lookup) in `cause`, sometimes inside an AggregateError, so the whole chain is searched.
import { AppError, describeError } from '../../core/errors.js'

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'could not resolve host',
  EAI_AGAIN: 'could not resolve host (temporary DNS failure)',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed unexpectedly',
}

/** Walks `cause` chains (and AggregateError members, from happy-eyeballs connects). */
function causes(err: unknown): unknown[] {
  const out: unknown[] = []
  const queue = [err]
  while (queue.length > 0 && out.length < 10) {
    const e = queue.shift()
    if (e === undefined || e === null) continue
    out.push(e)
    if (e instanceof AggregateError) queue.push(...e.errors)
    if (e instanceof Error) queue.push(e.cause)
  }
  return out
}

/** Any error from a fetch as one AppError: ours pass through, network errors get a readable line. */
export function toFetchError(err: unknown, url: string): AppError {
  const chain = causes(err)
  const app = chain.find((e): e is AppError => e instanceof AppError)
  if (app) return app
  const code = chain
    .map((e) => (e as { code?: unknown }).code)
    .find((c): c is string => typeof c === 'string')
  const known = code ? NETWORK_ERRORS[code] : undefined
  const tls = code && /CERT|TLS|SSL/.test(code) ? `TLS error (${code})` : undefined
  const inner = describeError(chain[chain.length - 1])
  const what = known ?? tls ?? `network error (${inner})`
  return new AppError('fetch_failed', `${what} fetching ${url}`, {
    cause: err,
    context: { url, code: code ?? null },
  })
}
