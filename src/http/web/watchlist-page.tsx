/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// One watchlist: the incidents of the last 90 days that name its packages, each package with
// whether its pinned version is affected (in words, never colour alone), then every package.
import type { WatchlistMatch } from '../../pipeline/notify/watchlist-match.js'
import type { CurrentMatch } from '../../pipeline/watchlist/manage.js'
import type { WatchlistRecord } from '../../storage/repository.js'
import { incidentHref } from './format.js'
import { Layout, type EditorStatus } from './layout.js'
import { FORMAT_LABEL } from './watchlist-pages.js'

export const AFFECTED_LABEL: Record<WatchlistMatch['affected'], string> = {
  affected: 'Affected',
  not_affected: 'Not an affected version',
  unknown: 'Versions not stated',
}

export interface WatchlistPageProps {
  watchlist: WatchlistRecord
  matches: CurrentMatch[]
  editor: EditorStatus
  /** Right after the upload: the parser's notes and the subscription (secret shown once). */
  created?: { warnings: string[]; subscriptionId: string | null; secret: string | null } | null
}

export function WatchlistPage(props: WatchlistPageProps) {
  const w = props.watchlist
  return (
    <Layout title={`Watchlist: ${w.name}`} editor={props.editor}>
      <h1>{w.name}</h1>
      <p class="lede">
        {FORMAT_LABEL[w.format]} · {w.packages.length} packages · uploaded{' '}
        {w.createdAt.slice(0, 10)} · topic <code>watchlist:{w.id}</code>
      </p>
      {props.created && <Created {...props.created} />}
      <section aria-labelledby="matches-h">
        <h2 id="matches-h">Incidents naming these packages (last 90 days)</h2>
        {props.matches.length === 0 ? (
          <p class="muted">No recent incident names a package of this watchlist.</p>
        ) : (
          <ul class="plain">
            {props.matches.map((m) => (
              <MatchItem match={m} />
            ))}
          </ul>
        )}
      </section>
      <PackageTable watchlist={w} />
    </Layout>
  )
}

function Created(props: NonNullable<WatchlistPageProps['created']>) {
  return (
    <div class="notice" role="status">
      <p>Watchlist created.</p>
      {props.subscriptionId && (
        <p>
          Subscribed:{' '}
          <a href={`/subscriptions/${encodeURIComponent(props.subscriptionId)}`}>
            {props.subscriptionId}
          </a>
        </p>
      )}
      {props.secret && (
        <p>
          Webhook signing secret (shown only now; it cannot be shown again):{' '}
          <code class="url">{props.secret}</code>
        </p>
      )}
      {props.warnings.length > 0 && (
        <>
          <p>Notes from reading the file:</p>
          <ul>
            {props.warnings.map((text) => (
              <li>{text}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

function MatchItem({ match }: { match: CurrentMatch }) {
  return (
    <li>
      <h3>
        <a href={incidentHref(match.incident.id)}>{match.incident.title}</a>
      </h3>
      <p class="muted small">Last seen {match.incident.lastSeen.slice(0, 10)}</p>
      <ul>
        {match.packages.map((p) => (
          <li>
            <span class="badge">{AFFECTED_LABEL[p.affected]}</span> <code>{p.name}</code>{' '}
            {p.version ?? 'no pinned version'} ({p.ecosystem})
            {p.affected_versions.length > 0 && <> · named: {p.affected_versions.join(', ')}</>}
          </li>
        ))}
      </ul>
    </li>
  )
}

function PackageTable({ watchlist }: { watchlist: WatchlistRecord }) {
  return (
    <section aria-labelledby="packages-h">
      <h2 id="packages-h">Packages</h2>
      <div class="table-wrap">
        <table>
          <caption class="vh">Packages of this watchlist</caption>
          <thead>
            <tr>
              <th scope="col">Ecosystem</th>
              <th scope="col">Name</th>
              <th scope="col">Version</th>
            </tr>
          </thead>
          <tbody>
            {watchlist.packages.map((p) => (
              <tr>
                <td>{p.ecosystem}</td>
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.version ?? p.spec ?? 'any'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
