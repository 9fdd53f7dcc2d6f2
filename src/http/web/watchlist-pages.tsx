/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The watchlist list and upload form: a plain multipart form (file upload, or the file pasted
// into a text area), no script. The upload can also subscribe the watchlist at once.
import { CSRF_FIELD } from '../../core/api-keys.js'
import { ACCEPTED } from '../../pipeline/watchlist/index.js'
import type { WatchlistSummary } from '../../storage/repository.js'
import { Problem } from './edit-page.js'
import { Layout, type EditorStatus } from './layout.js'

export const watchlistHref = (id: string) => `/watchlists/${encodeURIComponent(id)}`

export const FORMAT_LABEL: Record<WatchlistSummary['format'], string> = {
  'package-lock': 'package-lock.json',
  'pnpm-lock': 'pnpm-lock.yaml',
  requirements: 'requirements.txt',
  'poetry-lock': 'poetry.lock',
  cyclonedx: 'CycloneDX SBOM',
}

export function WatchlistsPage(props: { watchlists: WatchlistSummary[]; editor: EditorStatus }) {
  return (
    <Layout title="Watchlists" editor={props.editor}>
      <h1>Dependency watchlists</h1>
      <p class="lede">
        Lockfiles and SBOMs whose packages you follow. <a href="/watchlists/new">Upload one</a>.
      </p>
      {props.watchlists.length === 0 ? (
        <p class="muted">No watchlists yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="vh">Your watchlists</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Format</th>
                <th scope="col">Packages</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {props.watchlists.map((w) => (
                <tr>
                  <td>
                    <a href={watchlistHref(w.id)}>{w.name}</a>
                  </td>
                  <td>{FORMAT_LABEL[w.format]}</td>
                  <td>{w.packageCount}</td>
                  <td>{w.createdAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}

export interface NewWatchlistProps {
  editor: EditorStatus
  csrf: string
  message?: string | null
  /** Values to show again after a failed post (never the file). */
  form?: Record<string, string>
}

export function NewWatchlistPage(props: NewWatchlistProps) {
  const form = props.form ?? {}
  return (
    <Layout title="New watchlist" editor={props.editor}>
      <h1>New watchlist</h1>
      <p class="lede">
        Upload a {ACCEPTED}. sitrep follows every package in it and tells you when an incident names
        one, and whether your pinned version is an affected one.
      </p>
      <Problem message={props.message} />
      <form method="post" action="/watchlists" enctype="multipart/form-data">
        {props.csrf && <input type="hidden" name={CSRF_FIELD} value={props.csrf} />}
        <label for="name">Name</label>
        <input id="name" name="name" type="text" required maxlength={200} value={form.name ?? ''} />
        <label for="file">Lockfile or SBOM (at most 5 MB)</label>
        <input id="file" name="file" type="file" />
        <p class="muted small">Or paste it:</p>
        <label for="filename">File name of the pasted text (decides the format)</label>
        <input
          id="filename"
          name="filename"
          type="text"
          maxlength={255}
          placeholder="requirements.txt"
          value={form.filename ?? ''}
        />
        <label for="content">Pasted file</label>
        <textarea id="content" name="content" rows={8}>
          {form.content ?? ''}
        </textarea>
        <fieldset>
          <legend>Alerts (optional)</legend>
          <p class="actions-row">
            <label for="channel">Channel</label>
            <select id="channel" name="channel">
              <option value="">None: only this page</option>
              <option value="webhook" selected={form.channel === 'webhook'}>
                Webhook
              </option>
              <option value="email" selected={form.channel === 'email'}>
                E-mail
              </option>
            </select>
          </p>
          <label for="target">Webhook URL or e-mail address</label>
          <input id="target" name="target" type="text" maxlength={2000} value={form.target ?? ''} />
        </fieldset>
        <p class="actions-row">
          <button type="submit">Create watchlist</button>
        </p>
      </form>
    </Layout>
  )
}
