/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Web pages for subscriptions (signed-in editors, scope `write`): the list with a create form,
// and one subscription with its delivery log. The global verifyCsrf middleware has already
// checked every form's token. Same rules as the API: own subscriptions only (admins: all).
import { Hono, type Context } from 'hono'
import { CHANNELS, DIGEST_MODES, type Channel, type DigestMode } from '../../../db/schema/vocab.js'
import { hasScope } from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import {
  createSubscription,
  listOwnSubscriptions,
  ownSubscription,
  reenableSubscription,
  removeSubscription,
  type CreatedSubscription,
  type Owner,
} from '../../pipeline/notify/webhook-manage.js'
import { csrfToken, currentEditor, requireScope, type AuthVars } from '../auth/middleware.js'
import { SubscriptionDetailPage } from './subscription-detail-page.js'
import { subscriptionHref, SubscriptionsPage } from './subscription-pages.js'

type Env = { Variables: AuthVars }
type C = Context<Env>

const field = (form: Record<string, unknown>, name: string) => {
  const v = form[name]
  return typeof v === 'string' ? v : ''
}

export function subscriptionWebRoutes(deps: Deps) {
  const web = new Hono<Env>()
  const owner = (c: C): Owner => {
    const key = c.get('apiKey')!
    return { keyId: key.id, admin: hasScope(key.scopes, 'admin') }
  }
  const listPage = async (
    c: C,
    extra: { created?: CreatedSubscription; message?: string; form?: Record<string, string> },
    status: 200 | 400 | 502 = 200,
  ) => {
    const page = await listOwnSubscriptions(deps, owner(c), { limit: 200, cursor: null })
    const props = { subscriptions: page.data, editor: currentEditor(c), csrf: csrfToken(c) }
    return c.html(<SubscriptionsPage {...props} {...extra} />, status)
  }
  const detailPage = async (c: C, id: string, message?: string, status: 200 | 400 = 200) => {
    const sub = await ownSubscription(deps, id, owner(c))
    const [attempts, counts] = await Promise.all([
      deps.repo.deliveryAttempts(sub.id, 50),
      deps.repo.notificationCounts(sub.id),
    ])
    const props = { attempts, counts, editor: currentEditor(c), csrf: csrfToken(c), message }
    return c.html(<SubscriptionDetailPage subscription={sub} {...props} />, status)
  }

  web.get('/subscriptions', requireScope('write'), (c) => listPage(c, {}))
  web.post('/subscriptions', requireScope('write'), async (c) => {
    const body = await c.req.parseBody()
    const form = {
      topic: field(body, 'topic'),
      channel: field(body, 'channel'),
      target: field(body, 'target'),
      mode: field(body, 'mode'),
    }
    try {
      const input = parseForm(form)
      // 201 would be right for an API; a browser shows any 2xx, and 200 keeps history simple.
      return await listPage(c, { created: await createSubscription(deps, input, owner(c)) })
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'internal') throw err
      return listPage(c, { message: err.message, form }, err.status >= 500 ? 502 : 400)
    }
  })
  web.get('/subscriptions/:id', requireScope('write'), (c) => detailPage(c, c.req.param('id')))
  web.post('/subscriptions/:id', requireScope('write'), async (c) => {
    const id = c.req.param('id')
    const action = field(await c.req.parseBody(), 'action')
    try {
      if (action === 'delete') {
        await removeSubscription(deps, id, owner(c))
        return c.redirect('/subscriptions', 303)
      }
      if (action !== 'enable') throw new AppError('bad_request', `unknown action "${action}"`)
      await reenableSubscription(deps, id, owner(c))
      return c.redirect(subscriptionHref(id), 303)
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err
      return detailPage(c, id, err.message, 400)
    }
  })
  return web
}

function parseForm(form: Record<string, string>) {
  const channel = form.channel as Channel
  if (!CHANNELS.includes(channel)) throw new AppError('bad_request', 'choose a channel')
  const mode = (form.mode || 'immediate') as DigestMode
  if (!DIGEST_MODES.includes(mode)) throw new AppError('bad_request', 'choose a mode')
  const topic = form.topic?.trim() ?? ''
  const target = form.target?.trim() ?? ''
  if (!topic || !target) throw new AppError('bad_request', 'give a topic and a target')
  // The mode select is there for e-mail; a webhook is always immediate.
  return { topic, channel, target, mode: channel === 'webhook' ? undefined : mode }
}
