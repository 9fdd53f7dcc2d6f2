/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { Deps } from '../../core/deps.js'
import { incidentDetail } from '../incident-detail.js'
import { IncidentCard } from './incident-list.js'
import { IncidentPage } from './incident-page.js'
import { Layout } from './layout.js'

export function webRoutes(deps: Deps) {
  const web = new Hono()
  web.get('/', async (c) => {
    const q = c.req.query('q')?.slice(0, 200) || null
    const cursor = c.req.query('cursor') || null
    const page = await deps.repo.listIncidents({ limit: 30, cursor, q })
    const next = page.nextCursor
      ? `/?${new URLSearchParams({ ...(q ? { q } : {}), cursor: page.nextCursor })}`
      : null
    return c.html(
      <Layout title={q ? `Search: ${q}` : 'Latest incidents'}>
        <h1>{q ? `Incidents matching “${q}”` : 'Latest incidents'}</h1>
        {page.data.length === 0 && <p>No incidents yet. Add feeds and run a crawl.</p>}
        {page.data.map((i) => (
          <IncidentCard incident={i} />
        ))}
        {next && (
          <p>
            <a href={next}>Older incidents →</a>
          </p>
        )}
      </Layout>,
    )
  })
  web.get('/incidents/:id', async (c) => {
    const incident = await incidentDetail(deps, c.req.param('id'))
    if (!incident) return c.notFound()
    return c.html(<IncidentPage incident={incident} />)
  })
  return web
}
