/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// One subscription: its state, why it was disabled (with a button to re-enable it), counts of
// its notifications and the delivery log. Buttons are POST forms carrying the CSRF token.
import type { DeliveryStatus } from '../../../db/schema/vocab.js'
import { CSRF_FIELD } from '../../core/api-keys.js'
import type { DeliveryAttemptRecord, SubscriptionRecord } from '../../storage/repository.js'
import { Problem, ROW } from './edit-page.js'
import { Layout, type EditorStatus } from './layout.js'
import { STATUS_LABEL, subscriptionHref } from './subscription-pages.js'

export interface SubscriptionDetailProps {
  subscription: SubscriptionRecord
  attempts: DeliveryAttemptRecord[]
  counts: Partial<Record<DeliveryStatus, number>>
  editor: EditorStatus
  csrf: string
  message?: string | null
}

export function SubscriptionDetailPage(props: SubscriptionDetailProps) {
  const s = props.subscription
  return (
    <Layout title={`Subscription ${s.topic}`} editor={props.editor}>
      <p>
        <a href="/subscriptions">← Subscriptions</a>
      </p>
      <h1>
        Subscription <code>{s.topic}</code>
      </h1>
      <Problem message={props.message} />
      {s.status === 'disabled' && (
        <div class="notice error" role="alert">
          <p>
            Disabled after persistent failure: {s.disabledReason ?? 'no reason recorded'}. Fix the
            receiver, then re-enable: failed deliveries are retried at once.
          </p>
        </div>
      )}
      <dl class="meta">
        <dt>Id</dt>
        <dd>{s.id}</dd>
        <dt>Channel</dt>
        <dd>{s.channel === 'webhook' ? 'Webhook' : `E-mail (${s.mode})`}</dd>
        <dt>Target</dt>
        <dd class="url">{s.target}</dd>
        <dt>Status</dt>
        <dd>{STATUS_LABEL[s.status]}</dd>
        <dt>Created</dt>
        <dd>{s.createdAt}</dd>
        <dt>Notifications</dt>
        <dd>{countLine(props.counts)}</dd>
      </dl>
      <Actions subscription={s} csrf={props.csrf} />
      <DeliveryLog attempts={props.attempts} />
    </Layout>
  )
}

function countLine(counts: Partial<Record<DeliveryStatus, number>>): string {
  const parts = Object.entries(counts).map(([status, n]) => `${n} ${status}`)
  return parts.length > 0 ? parts.join(' · ') : 'none yet'
}

function Actions({ subscription: s, csrf }: { subscription: SubscriptionRecord; csrf: string }) {
  const button = (action: string, label: string) => (
    <form method="post" action={subscriptionHref(s.id)}>
      <input type="hidden" name="action" value={action} />
      {csrf && <input type="hidden" name={CSRF_FIELD} value={csrf} />}
      <button type="submit">{label}</button>
    </form>
  )
  return (
    <div style={ROW}>
      {s.status === 'disabled' && button('enable', 'Re-enable')}
      {button('delete', 'Delete subscription')}
    </div>
  )
}

function DeliveryLog({ attempts }: { attempts: DeliveryAttemptRecord[] }) {
  return (
    <section aria-labelledby="log-h">
      <h2 id="log-h">Delivery log</h2>
      {attempts.length === 0 ? (
        <p class="muted">No delivery attempts yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="vh">The last {attempts.length} delivery attempts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Result</th>
                <th scope="col">HTTP status</th>
                <th scope="col">Error</th>
                <th scope="col">Time</th>
                <th scope="col">Event ids</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr>
                  <td>{a.at.replace('T', ' ').slice(0, 19)}</td>
                  <td>{a.ok ? '✓ Delivered' : '✕ Failed'}</td>
                  <td>{a.statusCode ?? '–'}</td>
                  <td>{a.error ?? ''}</td>
                  <td>{a.durationMs === null ? '–' : `${a.durationMs} ms`}</td>
                  <td>
                    <code>{a.notificationIds.join(', ')}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
