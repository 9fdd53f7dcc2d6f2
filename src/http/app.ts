// The single Hono app, served unchanged by the Node server and the Worker. Errors are mapped to
// HTTP here and only here.
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { Deps } from '../core/deps.js'
import { AppError } from '../core/errors.js'
import { documentOf } from './api/document.js'
import { readCors } from './api/http-cache.js'
import { curationRoutes } from './api/curation-routes.js'
import { apiRoutes } from './api/routes.js'
import { subscriptionRoutes } from './api/subscription-routes.js'
import { watchlistRoutes } from './api/watchlist-routes.js'
import { apiDocsRoutes } from './api-docs/routes.js'
import { authenticate, verifyCsrf } from './auth/middleware.js'
import { apiRateLimit } from './auth/rate-limit.js'
import type { AuthWiring } from './auth/wiring.js'
import { responseCache } from './response-cache.js'
import { topicRoutes } from './topics/routes.js'
import { emailWebRoutes } from './web/email-routes.js'
import { errorPage } from './web/error-page.js'
import { curationWebRoutes } from './web/edit-routes.js'
import { subscriptionWebRoutes } from './web/subscription-routes.js'
import { watchlistWebRoutes } from './web/watchlist-routes.js'
import { webRoutes } from './web/routes.js'
import { webAuthRoutes } from './web/login.js'

export function createApp(deps: Deps, wiring: AuthWiring = {}) {
  const app = new Hono()
  // Outermost, so that a hit replays the stored response (headers included) without running
  // the chain: only anonymous GETs qualify (see response-cache.ts). Hits are not counted by the
  // rate limiter; they cost less than the limiter itself.
  if (deps.dataGeneration && deps.config.responseCacheMs > 0) {
    app.use(
      '*',
      responseCache({ ttlMs: deps.config.responseCacheMs, generation: deps.dataGeneration }),
    )
  }
  app.use(
    '*',
    secureHeaders({
      // Not `no-referrer`: with it browsers post our own forms with `Origin: null`, which the
      // CSRF check must refuse. `same-origin` still sends nothing to other sites.
      referrerPolicy: 'same-origin',
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  )
  // Auth (issue 6): identify every request (never rejects), refuse cross-site or token-less
  // cookie form posts, and rate-limit the API per key or per client IP.
  app.use('*', authenticate(deps), verifyCsrf(deps))
  // CORS first, so that a rate-limited (429) read is still readable cross-origin.
  app.use('/api/v1/*', readCors)
  app.use('/api/*', apiRateLimit(deps, wiring))
  const api = apiRoutes(deps, [
    curationRoutes(deps),
    subscriptionRoutes(deps),
    watchlistRoutes(deps),
  ])
  app.route('/api/v1', api)
  app.route('/api/docs', apiDocsRoutes(documentOf(api)))
  // Before other web routes: `/subscriptions/confirm` must not be taken for a subscription id.
  app.route('/', emailWebRoutes(deps))
  app.route('/', webAuthRoutes(deps, wiring))
  app.route('/', curationWebRoutes(deps))
  app.route('/', subscriptionWebRoutes(deps))
  app.route('/', watchlistWebRoutes(deps))
  // Public Atom / JSON Feed per topic (issue 7).
  app.route('/', topicRoutes(deps))
  app.route('/', webRoutes(deps))
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(
          new AppError('not_found', `no route for ${c.req.method} ${c.req.path}`).toJSON(),
          404,
        )
      : c.html(errorPage(404), 404),
  )
  app.onError((err, c) => {
    const appErr = err instanceof AppError ? err : null
    if (!appErr) deps.log.error('request failed', { path: c.req.path, error: String(err) })
    const status = (appErr?.status ?? 500) as 400
    const body = appErr?.toJSON() ?? { error: { code: 'internal', message: 'internal error' } }
    if (c.req.path.startsWith('/api/')) return c.json(body, status)
    return c.html(errorPage(status, appErr ? body.error.message : undefined), status)
  })
  return app
}
