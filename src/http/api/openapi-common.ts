// Pieces every OpenAPIHono (sub-)app of API v1 shares: the error body, the hook that turns zod
// failures into that body with a 400, and the `ApiKey` security scheme of the write routes.
import type { Hook, OpenAPIHono } from '@hono/zod-openapi'
import { z } from '@hono/zod-openapi'
import { ERROR_CODES } from '../../core/errors.js'

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).openapi({ example: 'bad_request' }),
      message: z.string().openapi({ example: 'unknown parameter(s): foo' }),
    }),
  })
  .openapi('Error')

/** `{"error":{"code","message"}}` as an OpenAPI response entry. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorSchema } } }
}

const header = (description: string) => ({ description, schema: { type: 'string' as const } })

/** 429 of the rate limiter that guards every API route (per API key, else per client IP). */
export const rateLimitedResponse = {
  ...errorResponse('Too many requests: see Retry-After'),
  headers: {
    'Retry-After': header('seconds until the window resets'),
    RateLimit: header('remaining requests in the current window'),
    'RateLimit-Policy': header('requests allowed per window'),
  },
}

/** Turns the first zod issue into the documented 400 body; unknown parameters are named. */
export function validationMessage(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid parameters'
  if (issue.code === 'unrecognized_keys') return `unknown parameter(s): ${issue.keys.join(', ')}`
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue.message}`
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by apps of any Env
export const defaultHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return
  return c.json({ error: { code: 'bad_request', message: validationMessage(result.error) } }, 400)
}

/** Write routes send `Authorization: Bearer <key>` (see `sitrep keys create`). */
export const securitySchemes = {
  ApiKey: {
    type: 'http' as const,
    scheme: 'bearer',
    description: 'An API key from `sitrep keys create`, sent as `Authorization: Bearer <key>`.',
  },
}

/** Registers `securitySchemes` on an app's OpenAPI registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Env, schema and base path
export function registerSecuritySchemes(app: OpenAPIHono<any, any, any>): void {
  for (const [name, scheme] of Object.entries(securitySchemes))
    app.openAPIRegistry.registerComponent('securitySchemes', name, scheme)
}
