/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Feed health, as `sitrep feeds list` and GET /api/v1/feeds report it. Status is always words
// (and a symbol), colour only reinforces it.
import type { Feed } from '../../core/types.js'
import { failingForADay } from '../../pipeline/fetch/schedule.js'
import { hostOf, longDay, relativeTime, safeHref } from './format.js'
import { Layout, type EditorStatus } from './layout.js'

const STATUS: Record<Feed['status'], [string, string]> = {
  ok: ['✓', 'OK'],
  failing: ['✕', 'Failing'],
  'backing-off': ['◷', 'Backing off'],
  gone: ['⊘', 'Gone (410)'],
}

function When({ iso, now, empty }: { iso: string | null; now: Date; empty: string }) {
  if (!iso) return <span class="muted">{empty}</span>
  return (
    <time datetime={iso} title={`${longDay(iso)} ${iso.slice(11, 16)} UTC`}>
      {relativeTime(iso, now)}
    </time>
  )
}

export function FeedsPage({
  feeds,
  now,
  editor,
}: {
  feeds: Feed[]
  now: Date
  editor: EditorStatus
}) {
  const failing = feeds.filter((f) => f.status !== 'ok').length
  const stale = feeds.filter((f) => failingForADay(f.failingSince, now)).length
  return (
    <Layout title="Feeds" editor={editor} current="feeds">
      <h1>Feeds</h1>
      <p class="lede">
        {feeds.length} feeds · {feeds.length - failing} healthy · {failing} with errors
        {stale > 0 ? ` · ${stale} failing for more than a day` : ''}
      </p>
      <p class="muted small">
        Each feed is polled about as often as it publishes (5 minutes to a day). Errors back off
        exponentially, up to a day; a feed is never dropped.
      </p>
      {feeds.length === 0 ? (
        <div class="notice">
          <p>
            No feeds yet. Add one with <code>sitrep feeds add URL</code>.
          </p>
        </div>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="vh">Feed health</caption>
            <thead>
              <tr>
                <th scope="col">Feed</th>
                <th scope="col">Status</th>
                <th scope="col">Last success</th>
                <th scope="col">Errors</th>
                <th scope="col">Next fetch</th>
                <th scope="col">Failing for a day</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((f) => (
                <FeedRow feed={f} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}

function FeedRow({ feed: f, now }: { feed: Feed; now: Date }) {
  const [symbol, label] = STATUS[f.status]
  const day = failingForADay(f.failingSince, now)
  return (
    <tr>
      <th scope="row">
        {f.name ?? hostOf(f.url)}
        <br />
        <a class="url" href={safeHref(f.url)} rel="noopener noreferrer nofollow">
          {f.url}
        </a>
      </th>
      <td>
        <span class={`status status-${f.status}`}>
          <span aria-hidden="true">{symbol}</span> {label}
        </span>
        {f.lastError && <div class="small muted">{f.lastError}</div>}
      </td>
      <td>
        <When iso={f.lastSuccessAt} now={now} empty="never" />
      </td>
      <td>{f.errorCount}</td>
      <td>
        <When iso={f.nextFetchAt} now={now} empty="not scheduled" />
      </td>
      <td>{day ? <strong class="status status-failing">Yes</strong> : 'No'}</td>
    </tr>
  )
}
