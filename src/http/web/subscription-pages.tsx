/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The signed-in editor's subscriptions: a list and a plain HTML form to create one (no script).
// A new webhook's secret is shown on the page that answers the form, once; it is never stored
// in clear, so no later page can show it again.
import { CHANNELS, DIGEST_MODES, INCIDENT_TAGS } from '../../../db/schema/vocab.js'
import { CSRF_FIELD } from '../../core/api-keys.js'
import type { SubscriptionRecord } from '../../storage/repository.js'
import { Problem, ROW } from './edit-page.js'
import { Layout, type EditorStatus } from './layout.js'

export const subscriptionHref = (id: string) => `/subscriptions/${encodeURIComponent(id)}`

export const STATUS_LABEL: Record<SubscriptionRecord['status'], string> = {
  active: '✓ Active',
  pending: '◷ Waiting for e-mail confirmation',
  disabled: '✕ Disabled',
  unsubscribed: '⊘ Unsubscribed',
}

export interface SubscriptionsProps {
  subscriptions: SubscriptionRecord[]
  editor: EditorStatus
  csrf: string
  /** The subscription just created, with its webhook secret (shown once). */
  created?: { subscription: SubscriptionRecord; secret: string | null } | null
  message?: string | null
  /** Form values to show again after a failed post. */
  form?: Record<string, string>
}

export function SubscriptionsPage(props: SubscriptionsProps) {
  return (
    <Layout title="Subscriptions" editor={props.editor}>
      <h1>Subscriptions</h1>
      <p class="lede">
        Webhooks and e-mail for a topic: an entity, a tag, a search or a watchlist.
      </p>
      {props.created && <Created {...props.created} />}
      <Problem message={props.message} />
      <SubscriptionTable subscriptions={props.subscriptions} />
      <CreateForm csrf={props.csrf} form={props.form ?? {}} />
    </Layout>
  )
}

function Created({ subscription, secret }: NonNullable<SubscriptionsProps['created']>) {
  return (
    <div class="notice" role="status">
      <p>
        Created <a href={subscriptionHref(subscription.id)}>{subscription.id}</a> for{' '}
        <code>{subscription.topic}</code>.
      </p>
      {secret ? (
        <>
          <p>
            Signing secret (shown only now; copy it into your receiver, it cannot be shown again):
          </p>
          <p>
            <code class="url">{secret}</code>
          </p>
        </>
      ) : (
        <p>
          We sent a confirmation link to {subscription.target}; nothing is sent until it is
          followed.
        </p>
      )}
    </div>
  )
}

function SubscriptionTable({ subscriptions }: { subscriptions: SubscriptionRecord[] }) {
  if (subscriptions.length === 0) return <p class="muted">No subscriptions yet.</p>
  return (
    <div class="table-wrap">
      <table>
        <caption class="vh">Your subscriptions</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Channel</th>
            <th scope="col">Target</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.map((s) => (
            <tr>
              <td>
                <a href={subscriptionHref(s.id)}>{s.topic}</a>
              </td>
              <td>{s.channel === 'webhook' ? 'Webhook' : `E-mail (${s.mode})`}</td>
              <td class="url">{s.target}</td>
              <td>{STATUS_LABEL[s.status]}</td>
              <td>{s.createdAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CreateForm({ csrf, form }: { csrf: string; form: Record<string, string> }) {
  return (
    <section aria-labelledby="new-h">
      <h2 id="new-h">New subscription</h2>
      <form method="post" action="/subscriptions">
        {csrf && <input type="hidden" name={CSRF_FIELD} value={csrf} />}
        <label for="topic">Topic</label>
        <input
          id="topic"
          name="topic"
          type="text"
          required
          maxlength={300}
          value={form.topic ?? ''}
          aria-describedby="topic-help"
        />
        <p id="topic-help" class="muted small">
          <code>entity:ID</code> (from an entity page), <code>tag:TAG</code> (
          {INCIDENT_TAGS.join(', ')}
          ), <code>q:search words</code> or <code>watchlist:ID</code>.
        </p>
        <p style={ROW}>
          <label for="channel">Channel</label>
          <select id="channel" name="channel">
            {CHANNELS.map((c) => (
              <option value={c} selected={form.channel === c}>
                {c === 'webhook' ? 'Webhook' : 'E-mail'}
              </option>
            ))}
          </select>
          <label for="mode">E-mail mode</label>
          <select id="mode" name="mode">
            {DIGEST_MODES.map((m) => (
              <option value={m} selected={form.mode === m}>
                {m === 'immediate' ? 'Immediate' : 'Daily digest'}
              </option>
            ))}
          </select>
        </p>
        <label for="target">Webhook URL or e-mail address</label>
        <input
          id="target"
          name="target"
          type="text"
          required
          maxlength={2000}
          value={form.target ?? ''}
        />
        <p style={ROW}>
          <button type="submit">Subscribe</button>
        </p>
      </form>
    </section>
  )
}
