// Subscription management of API v1 (scope `write`): create (a webhook's secret is in the 201
// only), list, read with the delivery log, delete, re-enable. Keys see their own subscriptions,
// admin keys all of them; another key's subscription is a 404.
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { hasScope } from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import {
  createSubscription,
  listOwnSubscriptions,
  ownSubscription,
  reenableSubscription,
  removeSubscription,
  type Owner,
} from '../../pipeline/notify/webhook-manage.js'
import { requireScope, type AuthVars } from '../auth/middleware.js'
import { defaultHook, errorResponse } from './openapi-common.js'
import { idParam } from './params.js'
import {
  countsJson,
  deliveryJson,
  SubscriptionCreateBody,
  SubscriptionCreatedSchema,
  SubscriptionDetailSchema,
  SubscriptionListQuery,
  SubscriptionSchema,
  subscriptionJson,
} from './subscription-defs.js'
import { pageOf } from './schemas.js'

type Env = { Variables: AuthVars }

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const keyed = {
  tags: ['Subscriptions'],
  security: [{ ApiKey: [] }],
  middleware: requireScope('write'),
}
const denied = {
  401: errorResponse('No API key, or not a valid one'),
  403: errorResponse('The key lacks the "write" scope'),
}
const missing = { 404: errorResponse('No such subscription (or not one of this key)') }
const subscriptionId = idParam('sub_c2VjcmV0c2hvd24')

const routes = {
  create: createRoute({
    ...keyed,
    method: 'post',
    path: '/subscriptions',
    summary: 'Subscribe a webhook or an e-mail address to a topic',
    description:
      'A webhook answers with its signing `secret`, shown only here. An e-mail subscription is `pending` until the address follows the link mailed to it.',
    request: {
      body: { required: true, content: { 'application/json': { schema: SubscriptionCreateBody } } },
    },
    responses: {
      201: json(SubscriptionCreatedSchema, 'The new subscription'),
      400: errorResponse('Bad body, unknown topic, or a URL that is not allowed'),
      ...denied,
      502: errorResponse('The confirmation e-mail could not be sent'),
    },
  }),
  list: createRoute({
    ...keyed,
    method: 'get',
    path: '/subscriptions',
    summary: "This key's subscriptions (an admin key: all), newest first",
    request: { query: SubscriptionListQuery },
    responses: {
      200: json(pageOf(SubscriptionSchema), 'Subscriptions'),
      400: errorResponse('Bad parameters'),
      ...denied,
    },
  }),
  get: createRoute({
    ...keyed,
    method: 'get',
    path: '/subscriptions/{id}',
    summary: 'A subscription with its last 50 delivery attempts',
    request: { params: subscriptionId },
    responses: {
      200: json(SubscriptionDetailSchema, 'The subscription'),
      ...denied,
      ...missing,
    },
  }),
  remove: createRoute({
    ...keyed,
    method: 'delete',
    path: '/subscriptions/{id}',
    summary: 'Delete a subscription, its pending notifications and its delivery log',
    request: { params: subscriptionId },
    responses: { 204: { description: 'Deleted' }, ...denied, ...missing },
  }),
  enable: createRoute({
    ...keyed,
    method: 'post',
    path: '/subscriptions/{id}/enable',
    summary: 'Re-enable a subscription disabled after persistent failure',
    description: 'Its failed deliveries are retried at once.',
    request: { params: subscriptionId },
    responses: {
      200: json(SubscriptionSchema, 'The subscription, active again'),
      400: errorResponse('Not a disabled subscription (e.g. an unconfirmed e-mail)'),
      ...denied,
      ...missing,
    },
  }),
}

export function subscriptionRoutes(deps: Deps) {
  const api = new OpenAPIHono<Env>({ defaultHook })
  const owner = (c: Context<Env>): Owner => {
    const key = c.get('apiKey')!
    return { keyId: key.id, admin: hasScope(key.scopes, 'admin') }
  }

  api.openapi(routes.create, async (c) => {
    const { subscription, secret } = await createSubscription(deps, c.req.valid('json'), owner(c))
    const body = subscriptionJson(subscription)
    return c.json(secret ? { ...body, secret } : body, 201)
  })
  api.openapi(routes.list, async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const page = await listOwnSubscriptions(deps, owner(c), { limit, cursor: cursor ?? null })
    return c.json({ data: page.data.map(subscriptionJson), next_cursor: page.nextCursor }, 200)
  })
  api.openapi(routes.get, async (c) => {
    const sub = await ownSubscription(deps, c.req.valid('param').id, owner(c))
    const [counts, attempts] = await Promise.all([
      deps.repo.notificationCounts(sub.id),
      deps.repo.deliveryAttempts(sub.id, 50),
    ])
    const detail = {
      ...subscriptionJson(sub),
      notifications: countsJson(counts),
      deliveries: attempts.map(deliveryJson),
    }
    return c.json(detail, 200)
  })
  api.openapi(routes.remove, async (c) => {
    await removeSubscription(deps, c.req.valid('param').id, owner(c))
    return c.body(null, 204)
  })
  api.openapi(routes.enable, async (c) => {
    const sub = await reenableSubscription(deps, c.req.valid('param').id, owner(c))
    return c.json(subscriptionJson(sub), 200)
  })
  return api
}
