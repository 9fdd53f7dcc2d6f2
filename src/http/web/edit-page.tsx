/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The incident editor: plain HTML forms (the CSP forbids scripts), one per action, each posting
// to /incidents/ID/edit with the session's CSRF token. hono/jsx escapes every value.
import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from '../../core/api-keys.js'
import type { IncidentDetail } from '../../storage/repository.js'
import { incidentHref } from './format.js'
import { Layout, type EditorStatus } from './layout.js'

export interface EditProps {
  editor: EditorStatus
  csrf: string
  /** Why the last post failed, shown above the forms. */
  message?: string | null
}

const FIELD = 'display:block;margin:.6rem 0'
export const ROW = 'display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.5rem 0'
const AREA =
  'width:100%;border:1px solid var(--muted);border-radius:6px;padding:.45rem .6rem;background:var(--surface)'

/** One form posting `action` to the edit URL, with the CSRF token. */
export function EditForm(props: { href: string; action: string; csrf: string; children: Child }) {
  return (
    <form method="post" action={props.href} style={FIELD}>
      <input type="hidden" name="action" value={props.action} />
      {props.csrf && <input type="hidden" name={CSRF_FIELD} value={props.csrf} />}
      {props.children}
    </form>
  )
}

export function Problem({ message }: { message?: string | null }) {
  return message ? (
    <p role="alert" class="notice error">
      {message}
    </p>
  ) : null
}

export function IncidentEditPage(props: EditProps & { incident: IncidentDetail }) {
  const { incident, csrf } = props
  const href = `${incidentHref(incident.id)}/edit`
  const summary = incident.summary.map((s) => s.text).join(' ')
  return (
    <Layout title={`Edit: ${incident.title}`} editor={props.editor}>
      <h1>Edit incident</h1>
      <p class="lede">
        <a href={incidentHref(incident.id)}>{incident.title}</a> · {incident.id}
      </p>
      <Problem message={props.message} />
      <section aria-labelledby="fields-h">
        <h2 id="fields-h">Title and summary</h2>
        <EditForm href={href} action="title" csrf={csrf}>
          <label for="title">Title</label>
          <input
            id="title"
            name="title"
            type="text"
            required
            maxlength={300}
            value={incident.title}
          />
          <p style={ROW}>
            <button type="submit">Save title</button>
          </p>
        </EditForm>
        <EditForm href={href} action="summary" csrf={csrf}>
          <label for="summary">Summary</label>
          <textarea id="summary" name="summary" rows={6} required maxlength={5000} style={AREA}>
            {summary}
          </textarea>
          <p style={ROW}>
            <button type="submit">Save summary</button>
            <span class="muted small">Sentences kept word for word keep their source.</span>
          </p>
        </EditForm>
      </section>
      <section aria-labelledby="state-h">
        <h2 id="state-h">Visibility</h2>
        <div style={ROW}>
          <StateButton href={href} csrf={csrf} on={!!incident.pinned} yes="Pin" no="Unpin" />
          <StateButton href={href} csrf={csrf} on={!!incident.hidden} yes="Hide" no="Unhide" />
          {incident.kind === 'incident' ? (
            <EditForm href={href} action="not_incident" csrf={csrf}>
              <button type="submit">Not an incident</button>
            </EditForm>
          ) : (
            <EditForm href={href} action="incident" csrf={csrf}>
              <button type="submit">Mark as an incident</button>
            </EditForm>
          )}
        </div>
      </section>
      <MergeSection href={href} csrf={csrf} />
      <SplitSection incident={incident} href={href} csrf={csrf} />
    </Layout>
  )
}

/** "Pin" while not pinned, "Unpin" once it is (same for Hide/Unhide). */
function StateButton(props: { href: string; csrf: string; on: boolean; yes: string; no: string }) {
  const label = props.on ? props.no : props.yes
  return (
    <EditForm href={props.href} action={label.toLowerCase()} csrf={props.csrf}>
      <button type="submit">{label}</button>
    </EditForm>
  )
}

function MergeSection(props: { href: string; csrf: string }) {
  return (
    <section aria-labelledby="merge-h">
      <h2 id="merge-h">Merge</h2>
      <EditForm href={props.href} action="merge" csrf={props.csrf}>
        <label for="merge-target">Merge into incident</label>
        <input
          id="merge-target"
          name="into"
          type="text"
          required
          placeholder="inc_… or https://…/incidents/inc_…"
          aria-describedby="merge-help"
        />
        <p id="merge-help" class="muted small">
          This incident's sources move to the other incident, which keeps its title; this incident's
          address then leads there.
        </p>
        <p style={ROW}>
          <button type="submit">Merge</button>
        </p>
      </EditForm>
    </section>
  )
}

function SplitSection(props: { incident: IncidentDetail; href: string; csrf: string }) {
  const { articles } = props.incident
  return (
    <section aria-labelledby="split-h">
      <h2 id="split-h">Split</h2>
      <EditForm href={props.href} action="split" csrf={props.csrf}>
        <fieldset>
          <legend>Articles to move into a new incident</legend>
          {articles.map((a, i) => (
            <p style={ROW}>
              <input
                type="checkbox"
                id={`article-${i}`}
                name="article"
                value={a.id}
                style="width:auto"
              />
              <label for={`article-${i}`} style="display:inline;font-weight:400">
                {a.title} <span class="muted">({a.source})</span>
              </label>
            </p>
          ))}
        </fieldset>
        <p style={ROW}>
          <button type="submit" disabled={articles.length < 2}>
            Split into new incident
          </button>
        </p>
      </EditForm>
    </section>
  )
}
