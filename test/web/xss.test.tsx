/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Feed content is hostile by assumption. Every page component is rendered with markup, event
// handlers, javascript: URLs and a closing </style> in every string it shows, and the result
// must contain none of them as markup; then the same through the real app over a database
// holding such rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AboutPage } from '../../src/http/web/about-page.js'
import { EntityPage } from '../../src/http/web/entity-page.js'
import { ErrorPage } from '../../src/http/web/error-page.js'
import { FeedsPage } from '../../src/http/web/feeds-page.js'
import { HomePage } from '../../src/http/web/home-page.js'
import { IncidentPage } from '../../src/http/web/incident-page.js'
import { parseSearch } from '../../src/http/web/search-params.js'
import { SearchPage } from '../../src/http/web/search-page.js'
import { editor, entity, feed, hostileIncident, now, X } from './hostile-views.js'
import { inertProblems } from './inert.js'
import { buildWebDb, HOSTILE_ENTITY, MERGED_ID, type WebSiteDb } from './site-db.js'
import { openWebApp } from './web-app.js'

async function render(node: unknown): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString())
}

describe('pages rendered from hostile strings', () => {
  const cases: [string, () => unknown][] = [
    [
      'home',
      () => (
        <HomePage
          pinned={[hostileIncident(0)]}
          latest={[hostileIncident(1), hostileIncident(2)]}
          olderHref={`/?cursor=${encodeURIComponent(X)}`}
          covered={{
            asked: '7',
            shown: '30',
            incidents: [{ ...hostileIncident(3), recentArticles: 2 }],
          }}
          now={now}
          editor={editor}
        />
      ),
    ],
    ...[0, 1, 2, 3, 4, 5].map((i): [string, () => unknown] => [
      `incident ${i}`,
      () => <IncidentPage incident={hostileIncident(i)} editor={editor} />,
    ]),
    [
      'entity',
      () => (
        <EntityPage
          entity={{
            ...entity,
            aliases: [X, X],
            origin: 'discovered',
            provisional: true,
            description: X,
            firstSeenAt: X,
            firstSeenUrl: 'javascript:alert(1)',
            incidentCount: 1,
            incidents: [hostileIncident(4)],
          }}
          activity={[{ date: '2026-04-01', count: 2 }]}
          related={[{ ...entity, incidents: 1 }]}
          now={now}
          editor={editor}
        />
      ),
    ],
    [
      'search',
      () => {
        const req = parseSearch({
          q: X,
          type: X,
          entity: X,
          since: X,
          until: X,
          sort: X,
          cursor: X,
        })
        return <SearchPage req={req} results={null} failure={X} now={now} editor={editor} />
      },
    ],
    [
      'search results',
      () => {
        const req = parseSearch({ q: X, entity: X, cursor: X, seen: '5' })
        const results = { incidents: [hostileIncident(5)], nextCursor: X }
        return <SearchPage req={req} results={results} now={now} editor={editor} />
      },
    ],
    ['feeds', () => <FeedsPage feeds={[feed]} now={now} editor={editor} />],
    [
      'about',
      () => (
        <AboutPage counts={{ feeds: 1, articles: 2, incidents: 3, entities: 4 }} editor={editor} />
      ),
    ],
    ['error', () => <ErrorPage status={400} message={X} editor={editor} />],
  ]

  for (const [name, make] of cases) {
    it(`leaves nothing executable on the ${name} page`, async () => {
      const html = await render(make())
      expect(inertProblems(html)).toEqual([])
      // The hostile text is still there for the reader, as text.
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    })
  }
})

describe('pages served from a database of hostile rows', () => {
  let db: WebSiteDb
  let web: Awaited<ReturnType<typeof openWebApp>>

  beforeAll(async () => {
    db = await buildWebDb()
    web = await openWebApp(db.url)
  }, 60_000)

  afterAll(() => {
    web?.close()
    db?.cleanup()
  })

  it('renders every page with the hostile rows as text only', async () => {
    const hostile = db.incidentOf('hostile.example')
    const paths = [
      '/',
      '/?covered=all',
      `/incidents/${hostile}`,
      `/incidents/${db.incidentOf('harborview')}`,
      `/entities/${HOSTILE_ENTITY}`,
      `/search?q=${encodeURIComponent('<script>alert(1)</script> Orbital')}`,
      `/search?q=Orbital&type=${encodeURIComponent('"><script>')}`,
      '/feeds',
      '/about',
      `/incidents/${encodeURIComponent('"><script>alert(1)</script>')}`,
      `/incidents/${MERGED_ID}/../${encodeURIComponent('<svg onload=alert(1)>')}`,
    ]
    for (const path of paths) {
      const { status, html } = await web.page(path)
      expect(status, path).toBeLessThan(500)
      expect(inertProblems(html), path).toEqual([])
    }
    const page = await web.page(`/incidents/${hostile}`)
    expect(page.$('h1').text()).toContain('<script>alert("title")</script>')
    expect(page.$('section:has(#sources-h) li').length).toBe(2)
    // The javascript: article stays listed, but not as a link.
    const titles = page.$('section:has(#sources-h) li a').map((_, a) => page.$(a).attr('href'))
    expect(titles.get()).toEqual(['https://hostile.example/2026/04/04/orbital-freight'])
  })
})
