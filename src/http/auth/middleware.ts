// Who is calling: an API key from `Authorization: Bearer`, or (web pages only) an editor session
// cookie. `authenticate` only identifies; `requireScope` decides; `verifyCsrf` guards cookie-
// authenticated form posts, the only requests a browser sends with ambient credentials.
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { ApiScope } from '../../../db/schema/vocab.js'
import {
  CSRF_FIELD,
  csrfTokenOf,
  hasScope,
  hashApiKey,
  hashSessionToken,
  looksLikeApiKey,
  safeEqual,
  SESSION_COOKIE,
  touchDue,
} from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import type { ApiKeyRecord } from '../../storage/repository.js'
import { isApiPath, ownHosts } from './wiring.js'

export type AuthVars = { apiKey: { id: string; name: string; scopes: ApiScope[] } | null }

/** Set only for cookie sessions; read through `csrfToken(c)`. */
const CSRF_VAR = 'sitrepCsrfToken'

type AuthEnv = { Variables: AuthVars }
type AnyContext = Context
type AuthDeps = Pick<Deps, 'repo' | 'now'>

function bearerToken(header: string): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return m ? m[1]! : null
}

async function keyFromBearer(deps: AuthDeps, header: string): Promise<ApiKeyRecord | null> {
  const token = bearerToken(header)
  if (!token || !looksLikeApiKey(token)) return null
  return deps.repo.findApiKeyByHash(await hashApiKey(token))
}

/**
 * Sets `apiKey` (or null) and never rejects. An `Authorization` header, when present, is the
 * only credential considered; the session cookie counts only outside `/api`, so the API never
 * acts on ambient browser credentials.
 */
export function authenticate(deps: AuthDeps): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('apiKey', null)
    const header = c.req.header('authorization')
    let key: ApiKeyRecord | null = null
    if (header !== undefined) {
      key = await keyFromBearer(deps, header)
    } else if (!isApiPath(c.req.path)) {
      const token = getCookie(c, SESSION_COOKIE)
      const session = token
        ? await deps.repo.findSession(await hashSessionToken(token), deps.now().toISOString())
        : null
      if (session && token) {
        key = session.key
        ;(c as AnyContext).set(CSRF_VAR, await csrfTokenOf(token))
      }
    }
    if (key) {
      c.set('apiKey', { id: key.id, name: key.name, scopes: key.scopes })
      const now = deps.now()
      if (touchDue(key.lastUsedAt, now)) await deps.repo.touchApiKey(key.id, now.toISOString())
    }
    await next()
  }
}

function unauthorized(c: AnyContext): Response {
  if (!isApiPath(c.req.path)) {
    const next = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : c.req.path
    return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303)
  }
  const invalid = c.req.header('authorization') !== undefined
  const message = invalid
    ? 'the API key is not valid or was revoked'
    : 'this endpoint needs an API key: send Authorization: Bearer <key>'
  return c.json(new AppError('unauthorized', message).toJSON(), 401, {
    'WWW-Authenticate': invalid
      ? 'Bearer realm="sitrep", error="invalid_token"'
      : 'Bearer realm="sitrep"',
  })
}

function forbidden(c: AnyContext, scope: ApiScope, message?: string): Response {
  const text = message ?? `this action needs an API key with the "${scope}" scope`
  if (!isApiPath(c.req.path)) {
    return c.html(
      `<!doctype html><title>Forbidden</title><p>Forbidden: ${text}. <a href="/">Home</a></p>`,
      403,
    )
  }
  return c.json(new AppError('forbidden', text).toJSON(), 403, {
    'WWW-Authenticate': `Bearer realm="sitrep", error="insufficient_scope", scope="${scope}"`,
  })
}

/**
 * 401 without a valid key (web pages: redirect to `/login?next=`), 403 when the key lacks the
 * scope. `admin` ⊇ `write` ⊇ `read`.
 */
export function requireScope(scope: ApiScope): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const key = c.get('apiKey') ?? null
    if (!key) return unauthorized(c)
    if (!hasScope(key.scopes, scope)) return forbidden(c, scope)
    await next()
  }
}

/** The CSRF token to embed (field `_csrf`) in forms of a cookie session; '' when there is none. */
export function csrfToken(c: AnyContext): string {
  const token: unknown = c.get(CSRF_VAR)
  return typeof token === 'string' ? token : ''
}

/** The signed-in editor of a web request (cookie session), for "Signed in as NAME". */
export function currentEditor(c: AnyContext): { name: string; csrfToken: string } | null {
  const key = (c.get('apiKey') as AuthVars['apiKey'] | undefined) ?? null
  const token = csrfToken(c)
  return key && token ? { name: key.name, csrfToken: token } : null
}

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/
/**
 * Paths whose POSTs carry their own credential, a signed token in the URL or form, and act on
 * nothing the session cookie grants. `/unsubscribe` must also take RFC 8058 one-click POSTs,
 * which mail providers send cross-site by design (issue 7, http/web/email-routes.tsx).
 */
const TOKEN_AUTH_POSTS: ReadonlySet<string> = new Set(['/unsubscribe'])
const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i

/** A browser tells us where a form came from; posts from other sites are refused outright. */
function crossSite(c: AnyContext, deps: Pick<Deps, 'config'>): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return true
  const origin = c.req.header('origin')
  if (origin === undefined) return false
  // An opaque origin (privacy settings, some extensions): trust only the browser's own verdict.
  if (origin === 'null') return c.req.header('sec-fetch-site') !== 'same-origin'
  try {
    return !ownHosts(c, deps.config).includes(new URL(origin).host)
  } catch {
    return true
  }
}

async function givenCsrf(c: AnyContext): Promise<string | null> {
  const header = c.req.header('x-csrf-token')
  if (header) return header
  if (!FORM_TYPE.test(c.req.header('content-type') ?? '')) return null
  // parseBody caches the parsed body, so the route handler can read it again.
  const value = (await c.req.parseBody())[CSRF_FIELD]
  return typeof value === 'string' ? value : null
}

/**
 * Web (non-/api) unsafe requests: refused when the browser says they come from another site
 * (Origin / Sec-Fetch-Site, like hono's `csrf()`, but header-less clients pass to the token
 * check), and, when authenticated by the session cookie, refused without the session's CSRF
 * token. Bearer-authenticated calls carry no ambient credential and need no token.
 */
export function verifyCsrf(deps: Pick<Deps, 'config'>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method) || isApiPath(c.req.path)) return next()
    if (c.req.method === 'POST' && TOKEN_AUTH_POSTS.has(c.req.path)) return next()
    const refuse = (why: string) =>
      c.html(`<!doctype html><title>Forbidden</title><p>Forbidden: ${why}.</p>`, 403)
    if (crossSite(c, deps)) return refuse('cross-site form submission')
    const expected = csrfToken(c)
    if (expected) {
      const given = await givenCsrf(c)
      if (!given || !safeEqual(given, expected)) {
        return refuse('the form is missing its CSRF token or it expired; reload the page')
      }
    }
    await next()
  }
}
