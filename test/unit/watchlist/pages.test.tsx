/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The watchlist pages show uploaded names and versions (anyone's lockfile text) and incident
// titles from feeds: rendered from hostile strings, nothing in them may become markup. The
// badges say in words whether a pinned version is affected.
import { describe, expect, it } from 'vitest'
import type { CurrentMatch } from '../../../src/pipeline/watchlist/manage.js'
import type { WatchlistRecord } from '../../../src/storage/repository.js'
import { WatchlistPage } from '../../../src/http/web/watchlist-page.js'
import { NewWatchlistPage, WatchlistsPage } from '../../../src/http/web/watchlist-pages.js'
import { editor, hostileIncident, X } from '../../web/hostile-views.js'
import { inertProblems } from '../../web/inert.js'

const render = async (node: unknown) =>
  String(await (node as { toString(): string | Promise<string> }).toString())

const watchlist: WatchlistRecord = {
  id: `wl_"><script>`,
  name: X,
  format: 'requirements',
  packages: [
    { ecosystem: X, name: X, version: X },
    { ecosystem: 'pypi', name: 'litellm', version: null, spec: X },
  ],
  keyId: null,
  createdAt: '2026-04-01T00:00:00Z',
}
const matches: CurrentMatch[] = [
  {
    incident: hostileIncident(1),
    packages: [
      {
        ecosystem: 'pypi',
        name: X,
        version: '1.82.7',
        affected: 'affected',
        affected_versions: [X],
      },
      {
        ecosystem: 'pypi',
        name: 'b',
        version: '1.82.6',
        affected: 'not_affected',
        affected_versions: ['1.82.7'],
      },
      { ecosystem: 'pypi', name: 'c', version: null, affected: 'unknown', affected_versions: [] },
    ],
  },
]

describe('watchlist pages', () => {
  const cases: [string, () => unknown][] = [
    [
      'watchlist',
      () => (
        <WatchlistPage
          watchlist={watchlist}
          matches={matches}
          editor={editor}
          created={{ warnings: [X], subscriptionId: X, secret: X }}
        />
      ),
    ],
    [
      'list',
      () => <WatchlistsPage watchlists={[{ ...watchlist, packageCount: 2 }]} editor={editor} />,
    ],
    [
      'new',
      () => (
        <NewWatchlistPage
          editor={editor}
          csrf={X}
          message={X}
          form={{ name: X, filename: X, content: X, channel: X, target: X }}
        />
      ),
    ],
  ]
  for (const [name, make] of cases) {
    it(`leaves nothing executable on the ${name} page`, async () => {
      const html = await render(make())
      expect(inertProblems(html)).toEqual([])
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    })
  }

  it('labels each verdict in words', async () => {
    const html = await render(
      <WatchlistPage watchlist={watchlist} matches={matches} editor={editor} />,
    )
    expect(html).toContain('Affected')
    expect(html).toContain('Not an affected version')
    expect(html).toContain('Versions not stated')
  })
})
