/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Editor sign-in: an API key with the write (or admin) scope opens a 12-hour session. The cookie
// holds a random token, the database only its hash; the key itself is never stored in a cookie.
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import {
  CSRF_FIELD,
  generateSessionToken,
  hasScope,
  hashApiKey,
  hashSessionToken,
  looksLikeApiKey,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import { csrfToken, currentEditor, type AuthVars } from '../auth/middleware.js'
import { loginRateLimit } from '../auth/rate-limit.js'
import { requestIsHttps, type AuthWiring } from '../auth/wiring.js'
import { Layout } from './layout.js'

export { currentEditor } from '../auth/middleware.js'

type AuthEnv = { Variables: AuthVars }

/** Only same-site relative paths: `/x`, never `//host`, `/\host` or an absolute URL. */
export function safeNext(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null
  return /^\/(?![/\\])[^\\\s]*$/.test(value) ? value : null
}

function LoginPage(props: { c: Context; next: string | null; message?: string }) {
  const editor = currentEditor(props.c)
  const csrf = csrfToken(props.c)
  return (
    <Layout title="Sign in" editor={editor}>
      <h1>Sign in</h1>
      <p>
        Editors sign in with an API key that has the <code>write</code> or <code>admin</code> scope.
        An administrator creates one with <code>sitrep keys create --name NAME --scope write</code>.
      </p>
      {props.message && (
        <p role="alert" class="error">
          {props.message}
        </p>
      )}
      <form method="post" action="/login" class="login">
        <label for="key">API key</label>
        <input id="key" name="key" type="password" autocomplete="current-password" required />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        {csrf && <input type="hidden" name={CSRF_FIELD} value={csrf} />}
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  )
}

function loginFailed(c: Context, next: string | null, status: 401 | 403 | 429, message: string) {
  return c.html(<LoginPage c={c} next={next} message={message} />, status)
}

async function signIn(deps: Deps, c: Context<AuthEnv>) {
  const body = await c.req.parseBody()
  const next = safeNext(body.next)
  const key = typeof body.key === 'string' ? body.key.trim() : ''
  const record = looksLikeApiKey(key)
    ? await deps.repo.findApiKeyByHash(await hashApiKey(key))
    : null
  if (!record) return loginFailed(c, next, 401, 'That API key is not valid, or it was revoked.')
  if (!hasScope(record.scopes, 'write')) {
    return loginFailed(
      c,
      next,
      403,
      'This key can only read; signing in needs a write or admin key.',
    )
  }
  const old = getCookie(c, SESSION_COOKIE)
  if (old) await deps.repo.deleteSession(await hashSessionToken(old))
  const token = generateSessionToken()
  const now = deps.now()
  await deps.repo.createSession({
    tokenHash: await hashSessionToken(token),
    keyId: record.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  })
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: requestIsHttps(c, deps.config),
    maxAge: SESSION_TTL_MS / 1000,
  })
  return c.redirect(next ?? '/', 303)
}

/** GET/POST `/login` and POST `/logout`; mount at `/` after `authenticate` and `verifyCsrf`. */
export function webAuthRoutes(deps: Deps, wiring: AuthWiring = {}) {
  const web = new Hono<AuthEnv>()
  web.get('/login', (c) => c.html(<LoginPage c={c} next={safeNext(c.req.query('next'))} />))
  web.post(
    '/login',
    loginRateLimit(deps, wiring, async (c) => {
      const next = safeNext((await c.req.parseBody()).next)
      return loginFailed(c, next, 429, 'Too many failed sign-ins from here; wait a minute.')
    }),
    (c) => signIn(deps, c),
  )
  web.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await deps.repo.deleteSession(await hashSessionToken(token))
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: requestIsHttps(c, deps.config) })
    return c.redirect('/', 303)
  })
  return web
}
