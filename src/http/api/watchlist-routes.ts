// Dependency watchlists of API v1: upload a lockfile or SBOM (scope `write`; with channel and
// target it is subscribed at once), list them, and read one with the recent incidents that name
// its packages (scope `read`). Keys see their own watchlists, admin keys all; another key's is
// a 404.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { hasScope } from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import type { Owner } from '../../pipeline/notify/webhook-manage.js'
import { MAX_LOCKFILE_BYTES } from '../../pipeline/watchlist/index.js'
import { createWatchlist, currentMatches, ownWatchlist } from '../../pipeline/watchlist/manage.js'
import { requireScope, type AuthVars } from '../auth/middleware.js'
import { defaultHook, errorResponse } from './openapi-common.js'
import { idParam } from './params.js'
import { subscriptionJson } from './subscription-defs.js'
import {
  matchesJson,
  recordJson,
  WatchlistCreateBody,
  WatchlistCreatedSchema,
  WatchlistDetailSchema,
  WatchlistSchema,
  watchlistJson,
} from './watchlist-defs.js'

type Env = { Variables: AuthVars }

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const keyed = (scope: 'read' | 'write') => ({
  tags: ['Watchlists'],
  security: [{ ApiKey: [] }],
  middleware: requireScope(scope),
})
const denied = (scope: string) => ({
  401: errorResponse('No API key, or not a valid one'),
  403: errorResponse(`The key lacks the "${scope}" scope`),
})

/** The file travels JSON-escaped: room for escapes on top of the 5 MB the parser accepts. */
const uploadLimit = bodyLimit({
  maxSize: 2 * MAX_LOCKFILE_BYTES,
  onError: () => {
    throw new AppError('too_large', 'the request body is larger than the 5 MB file it may carry')
  },
})

const routes = {
  create: createRoute({
    ...keyed('write'),
    middleware: [requireScope('write'), uploadLimit] as const,
    method: 'post',
    path: '/watchlists',
    summary: 'Upload a lockfile or SBOM as a watchlist (and subscribe it)',
    description:
      'Accepts package-lock.json (v1-v3), pnpm-lock.yaml (v5-v9), requirements.txt, poetry.lock and CycloneDX SBOMs (JSON or XML). With `channel` and `target`, creates the subscription `watchlist:<id>` too: its notifications carry `watchlist.matches`.',
    request: {
      body: { required: true, content: { 'application/json': { schema: WatchlistCreateBody } } },
    },
    responses: {
      201: json(WatchlistCreatedSchema, 'The watchlist with the packages read from the file'),
      400: errorResponse('Bad body, a file that is not a supported lockfile, or a bad target'),
      ...denied('write'),
      413: errorResponse('The file is larger than 5 MB'),
      502: errorResponse('The confirmation e-mail could not be sent'),
    },
  }),
  list: createRoute({
    ...keyed('read'),
    method: 'get',
    path: '/watchlists',
    summary: "This key's watchlists (an admin key: all), newest first",
    responses: {
      200: json(z.object({ data: z.array(WatchlistSchema) }), 'Watchlists'),
      ...denied('read'),
    },
  }),
  get: createRoute({
    ...keyed('read'),
    method: 'get',
    path: '/watchlists/{id}',
    summary: 'A watchlist with the recent incidents that name its packages',
    request: { params: idParam('wl_3655a41adfdc6451') },
    responses: {
      200: json(WatchlistDetailSchema, 'The watchlist and its matches'),
      ...denied('read'),
      404: errorResponse('No such watchlist (or not one of this key)'),
    },
  }),
}

export function watchlistRoutes(deps: Deps) {
  const api = new OpenAPIHono<Env>({ defaultHook })
  const owner = (c: Context<Env>): Owner => {
    const key = c.get('apiKey')!
    return { keyId: key.id, admin: hasScope(key.scopes, 'admin') }
  }

  api.openapi(routes.create, async (c) => {
    const made = await createWatchlist(deps, c.req.valid('json'), owner(c))
    const sub = made.subscription
    const subscription = sub
      ? { ...subscriptionJson(sub.subscription), ...(sub.secret ? { secret: sub.secret } : {}) }
      : undefined
    const body = {
      ...recordJson(made.watchlist),
      warnings: made.warnings,
      ...(subscription ? { subscription_id: subscription.id, subscription } : {}),
    }
    return c.json(body, 201)
  })
  api.openapi(routes.list, async (c) => {
    const o = owner(c)
    const list = await deps.repo.listWatchlists({ keyId: o.admin ? null : o.keyId, limit: 200 })
    return c.json({ data: list.map(watchlistJson) }, 200)
  })
  api.openapi(routes.get, async (c) => {
    const w = await ownWatchlist(deps, c.req.valid('param').id, owner(c))
    const matches = await currentMatches(deps, w)
    return c.json({ ...recordJson(w), matches: matchesJson(matches) }, 200)
  })
  return api
}
