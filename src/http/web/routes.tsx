/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The public web pages. Handlers load data through the Repository and hand it to page
// components; nothing here builds markup from strings.
import { Hono, type Context } from 'hono'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { assetRoutes } from '../assets/routes.js'
import { currentEditor } from '../auth/middleware.js'
import { incidentDetail } from '../incident-detail.js'
import { AboutPage } from './about-page.js'
import { EntityPage } from './entity-page.js'
import { ErrorPage } from './error-page.js'
import { FeedsPage } from './feeds-page.js'
import { incidentHref } from './format.js'
import { COVERAGE_WINDOWS, HomePage, type Covered, type CoverageWindow } from './home-page.js'
import { IncidentPage } from './incident-page.js'
import { parseSearch } from './search-params.js'
import { SearchPage, type SearchResults } from './search-page.js'

const PAGE_SIZE = 20
const COVERED_SIZE = 5
const DAY_MS = 86_400_000

export function webRoutes(deps: Deps) {
  const web = new Hono()
  web.route('/assets', assetRoutes())
  // A signed-in editor's page carries a CSRF token and their name: never kept by any cache.
  web.use('*', async (c, next) => {
    await next()
    if (currentEditor(c)) c.header('Cache-Control', 'private, no-store')
  })

  web.get('/', async (c) => {
    // Search used to live on the home page; old links keep working.
    const q = c.req.query('q')
    if (q) return c.redirect(`/search?${new URLSearchParams({ q })}`, 301)
    const cursor = c.req.query('cursor') || null
    const latest = await orStale(() => deps.repo.listIncidents({ limit: PAGE_SIZE, cursor }))
    if (!latest) return staleLink(c)
    // Pinned incidents lead the first page; they are left out of the dated list everywhere.
    const pinned = cursor ? [] : await deps.repo.pinnedIncidents(10)
    const asked = (c.req.query('covered') ?? '7') as CoverageWindow
    const covered = cursor ? null : await mostCovered(deps, asked in COVERAGE_WINDOWS ? asked : '7')
    const olderHref = latest.nextCursor
      ? `/?${new URLSearchParams({ cursor: latest.nextCursor })}`
      : null
    return c.html(
      <HomePage
        pinned={pinned.map((i) => ({ ...i, pinned: true }))}
        latest={latest.data.filter((i) => !i.pinned)}
        olderHref={olderHref}
        covered={covered}
        now={deps.now()}
        editor={currentEditor(c)}
      />,
    )
  })

  web.get('/incidents/:id', async (c) => {
    const id = c.req.param('id')
    const incident = await incidentDetail(deps, id)
    if (!incident) return notFound(c, 'There is no incident with this id.')
    // Merged incidents keep their URL: it moves permanently to the surviving incident.
    if (incident.id !== id) return c.redirect(incidentHref(incident.id), 301)
    return c.html(<IncidentPage incident={incident} editor={currentEditor(c)} />)
  })

  web.get('/entities/:id', async (c) => {
    const entity = await deps.repo.getEntity(c.req.param('id'))
    if (!entity) return notFound(c, 'There is no entity with this id.')
    const [activity, related] = await Promise.all([
      deps.repo.entityActivity(entity.id),
      deps.repo.relatedEntities(entity.id, 12),
    ])
    return c.html(
      <EntityPage
        entity={entity}
        activity={activity}
        related={related}
        now={deps.now()}
        editor={currentEditor(c)}
      />,
    )
  })

  web.get('/search', async (c) => {
    const req = parseSearch(c.req.query())
    let results: SearchResults | null = null
    let failure: string | undefined
    if (req.errors.length === 0 && req.active) {
      const page = await orStale(() =>
        deps.repo.listIncidents({ ...req.query, limit: PAGE_SIZE, cursor: req.cursor }),
      )
      if (page) results = { incidents: page.data, nextCursor: page.nextCursor }
      else failure = 'This results page is out of date. Run the search again.'
    }
    const bad = req.errors.length > 0 || failure !== undefined
    return c.html(
      <SearchPage
        req={req}
        results={results}
        failure={failure}
        now={deps.now()}
        editor={currentEditor(c)}
      />,
      bad ? 400 : 200,
    )
  })

  web.get('/feeds', async (c) =>
    c.html(
      <FeedsPage feeds={await deps.repo.listFeeds()} now={deps.now()} editor={currentEditor(c)} />,
    ),
  )

  web.get('/about', async (c) =>
    c.html(<AboutPage counts={await deps.repo.counts()} editor={currentEditor(c)} />),
  )
  return web
}

/** Most covered in the asked window, widening to 30 days and then all time when it is empty. */
async function mostCovered(deps: Deps, asked: CoverageWindow): Promise<Covered> {
  const order: CoverageWindow[] = ['7', '30', 'all']
  for (const shown of order.slice(order.indexOf(asked))) {
    const incidents =
      shown === 'all'
        ? (
            await deps.repo.listIncidents({
              limit: COVERED_SIZE,
              cursor: null,
              sort: 'coverage',
            })
          ).data
        : await deps.repo.mostCovered(
            new Date(deps.now().getTime() - Number(shown) * DAY_MS).toISOString(),
            COVERED_SIZE,
          )
    if (incidents.length > 0 || shown === 'all') return { asked, shown, incidents }
  }
  return { asked, shown: 'all', incidents: [] }
}

/** A hand-edited or outdated `cursor` is the reader's mistake (400), not a server error. */
async function orStale<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load()
  } catch (err) {
    if (err instanceof AppError && err.code === 'bad_request') return null
    throw err
  }
}

function staleLink(c: Context) {
  const message = 'This page link is out of date. Start again from the latest incidents.'
  return c.html(<ErrorPage status={400} message={message} editor={currentEditor(c)} />, 400)
}

function notFound(c: Context, message: string) {
  return c.html(<ErrorPage status={404} message={message} editor={currentEditor(c)} />, 404)
}
