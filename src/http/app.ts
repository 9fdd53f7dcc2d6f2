// The single Hono app, served unchanged by the Node server and the Worker. Errors are mapped to
// HTTP here and only here.
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { Deps } from '../core/deps.js'
import { AppError } from '../core/errors.js'
import { apiRoutes } from './api/routes.js'
import { webRoutes } from './web/routes.js'

export function createApp(deps: Deps) {
  const app = new Hono()
  app.use(
    '*',
    secureHeaders({
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
  app.route('/api/v1', apiRoutes(deps))
  app.route('/', webRoutes(deps))
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(
          new AppError('not_found', `no route for ${c.req.method} ${c.req.path}`).toJSON(),
          404,
        )
      : c.html(
          '<!doctype html><title>Not found</title><p>Not found. <a href="/">Home</a></p>',
          404,
        ),
  )
  app.onError((err, c) => {
    const appErr = err instanceof AppError ? err : null
    if (!appErr) deps.log.error('request failed', { path: c.req.path, error: String(err) })
    const status = (appErr?.status ?? 500) as 400
    const body = appErr?.toJSON() ?? { error: { code: 'internal', message: 'internal error' } }
    if (c.req.path.startsWith('/api/')) return c.json(body, status)
    return c.text(body.error.message, status)
  })
  return app
}
