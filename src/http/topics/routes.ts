// Public topic feeds: `/topics/{topic}/feed.atom` and `/topics/{topic}/feed.json`, for any feed
// reader. Web routes, not API ones (they are not in the OpenAPI document); errors render as the
// site's error page (400 for a malformed topic, 404 for an unknown entity).
import { Hono } from 'hono'
import { etag } from 'hono/etag'
import type { Deps } from '../../core/deps.js'
import { renderAtom } from './atom.js'
import { loadTopicFeed } from './feed-data.js'
import { renderJsonFeed } from './json-feed.js'

const CACHE = 'public, max-age=300'

export function topicRoutes(deps: Deps) {
  const app = new Hono()
  // A weak ETag of the body: If-None-Match answers 304 while the feed is unchanged.
  app.use('/topics/*', etag({ weak: true }))
  app.get('/topics/:topic/feed.atom', async (c) => {
    const feed = await loadTopicFeed(deps, c.req.param('topic'))
    c.header('Cache-Control', CACHE)
    return c.body(renderAtom(feed), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })
  })
  app.get('/topics/:topic/feed.json', async (c) => {
    const feed = await loadTopicFeed(deps, c.req.param('topic'))
    c.header('Cache-Control', CACHE)
    const body = JSON.stringify(renderJsonFeed(feed, deps.config.publicUrl))
    return c.body(body, 200, { 'Content-Type': 'application/feed+json; charset=utf-8' })
  })
  return app
}
