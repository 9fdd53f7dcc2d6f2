// One error family. HTTP status mapping happens in exactly one place (http/app.ts onError),
// and the CLI prints `message` on one line: neither ever shows a stack trace to a user.
export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'unsupported_input',
  'fetch_failed',
  'blocked_address',
  'too_large',
  'parse_failed',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  unsupported_input: 422,
  fetch_failed: 502,
  blocked_address: 400,
  too_large: 413,
  parse_failed: 422,
  internal: 500,
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly context: Record<string, unknown>
  constructor(
    code: ErrorCode,
    message: string,
    opts: { cause?: unknown; context?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.context = opts.context ?? {}
  }
  get status(): number {
    return STATUS[this.code]
  }
  toJSON() {
    return { error: { code: this.code, message: this.message } }
  }
}

/** A one-line, human-readable description of any thrown value. */
export function describeError(err: unknown): string {
  if (err instanceof AppError) return err.message
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : ''
    return `${err.message}${cause}`.replace(/\s+/g, ' ').trim()
  }
  return String(err)
}
