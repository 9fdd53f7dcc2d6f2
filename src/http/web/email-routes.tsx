/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Anonymous routes behind the links in e-mails: the signed token is the only credential.
// `/unsubscribe` also takes RFC 8058 one-click POSTs (`List-Unsubscribe=One-Click`, token in the
// URL) that mail providers send from their own origin; verifyCsrf exempts that path for it.
import { Hono, type Context } from 'hono'
import type { Deps } from '../../core/deps.js'
import { confirmTokenHash, readEmailToken } from '../../pipeline/notify/email-links.js'
import { topicLabel } from '../../pipeline/notify/email-topic.js'
import type { SubscriptionRecord } from '../../storage/repository.js'
import { csrfToken, currentEditor, type AuthVars } from '../auth/middleware.js'
import { EmailPage, type EmailPageKind } from './email-pages.js'

type Env = { Variables: AuthVars }
type C = Context<Env>

/** The token from the query (links, one-click) or the form body (our own buttons). */
async function tokenOf(c: C): Promise<string | undefined> {
  const query = c.req.query('token')
  if (query) return query
  if (c.req.method !== 'POST') return undefined
  const type = c.req.header('content-type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined
  const value = (await c.req.parseBody()).token
  return typeof value === 'string' ? value : undefined
}

export function emailWebRoutes(deps: Deps) {
  const web = new Hono<Env>()

  const page = async (c: C, kind: EmailPageKind, status: 200 | 400, sub?: SubscriptionRecord) => {
    // Token pages are personal: never cached (the response cache honours no-store), never indexed.
    c.header('Cache-Control', 'no-store')
    c.header('X-Robots-Tag', 'noindex')
    const props = {
      kind,
      editor: currentEditor(c),
      csrf: csrfToken(c),
      token: await tokenOf(c),
      topic: sub ? await topicLabel(deps, sub.topic) : undefined,
      address: sub?.target,
      mode: sub?.mode,
    }
    return c.html(<EmailPage {...props} />, status)
  }

  /** The e-mail subscription a token of this purpose names, or null. */
  const subscriptionOf = async (c: C, purpose: 'confirm' | 'unsubscribe') => {
    const id = await readEmailToken(deps, purpose, await tokenOf(c))
    const sub = id ? await deps.repo.getSubscription(id) : null
    return sub && sub.channel === 'email' ? sub : null
  }

  /** What a confirm link can do now; 'confirm-ask' when it may confirm. */
  const confirmState = async (c: C, sub: SubscriptionRecord): Promise<EmailPageKind> => {
    if (sub.status === 'active') return 'already-confirmed'
    if (sub.status !== 'pending') return 'cancelled'
    const hash = await confirmTokenHash((await tokenOf(c)) ?? '')
    return sub.confirmTokenHash === hash ? 'confirm-ask' : 'replaced-confirm'
  }

  web.get('/subscriptions/confirm', async (c) => {
    const sub = await subscriptionOf(c, 'confirm')
    if (!sub) return page(c, 'invalid-confirm', 400)
    const state = await confirmState(c, sub)
    return page(c, state, state === 'replaced-confirm' || state === 'cancelled' ? 400 : 200, sub)
  })
  web.post('/subscriptions/confirm', async (c) => {
    const sub = await subscriptionOf(c, 'confirm')
    if (!sub) return page(c, 'invalid-confirm', 400)
    const state = await confirmState(c, sub)
    if (state !== 'confirm-ask')
      return page(c, state, state === 'already-confirmed' ? 200 : 400, sub)
    const hash = await confirmTokenHash((await tokenOf(c)) ?? '')
    const at = deps.now().toISOString()
    const done = await deps.repo.confirmEmailSubscription(sub.id, hash, at)
    return page(c, done ? 'confirmed' : 'already-confirmed', 200, sub)
  })

  web.get('/unsubscribe', async (c) => {
    const sub = await subscriptionOf(c, 'unsubscribe')
    if (!sub) return page(c, 'invalid-unsubscribe', 400)
    return page(c, sub.status === 'unsubscribed' ? 'unsubscribed' : 'unsubscribe-ask', 200, sub)
  })
  // Our own button (token in the body) and RFC 8058 one-click (token in the URL) both land here.
  web.post('/unsubscribe', async (c) => {
    const sub = await subscriptionOf(c, 'unsubscribe')
    if (!sub) return page(c, 'invalid-unsubscribe', 400)
    if (sub.status !== 'unsubscribed') {
      await deps.repo.unsubscribeEmail(sub.id, deps.now().toISOString())
    }
    return page(c, 'unsubscribed', 200, sub)
  })
  return web
}
