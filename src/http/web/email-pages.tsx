/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Pages behind the links in e-mails: confirm a subscription, unsubscribe. A GET only shows a
// button; the change is a POST, so link scanners that open every URL in a mail change nothing.
// The CSP forbids scripts: these are plain forms. hono/jsx escapes every value.
import { CSRF_FIELD } from '../../core/api-keys.js'
import { Layout, type EditorStatus } from './layout.js'

interface Common {
  editor: EditorStatus
}

export type EmailPageKind =
  | 'confirm-ask'
  | 'confirmed'
  | 'already-confirmed'
  | 'unsubscribe-ask'
  | 'unsubscribed'
  | 'invalid-confirm'
  | 'invalid-unsubscribe'
  | 'replaced-confirm'
  | 'cancelled'

export interface EmailPageProps extends Common {
  kind: EmailPageKind
  topic?: string
  address?: string
  mode?: string
  token?: string
  csrf?: string
}

const TITLES: Record<EmailPageKind, string> = {
  'confirm-ask': 'Confirm your subscription',
  confirmed: 'Subscription confirmed',
  'already-confirmed': 'Already confirmed',
  'unsubscribe-ask': 'Unsubscribe',
  unsubscribed: 'Unsubscribed',
  'invalid-confirm': 'Confirmation link not valid',
  'invalid-unsubscribe': 'Unsubscribe link not valid',
  'replaced-confirm': 'Confirmation link replaced',
  cancelled: 'Subscription cancelled',
}

function TokenForm(props: { action: string; token: string; csrf?: string; label: string }) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="token" value={props.token} />
      {props.csrf && <input type="hidden" name={CSRF_FIELD} value={props.csrf} />}
      <button type="submit">{props.label}</button>
    </form>
  )
}

function Body(p: EmailPageProps) {
  const what = (
    <>
      <strong>{p.topic}</strong> to <strong>{p.address}</strong>
    </>
  )
  const how = p.mode === 'daily' ? 'one digest a day' : 'an e-mail when something changes'
  switch (p.kind) {
    case 'confirm-ask':
      return (
        <>
          <p>
            Confirm that sitrep may send news about {what}: {how}.
          </p>
          <TokenForm
            action="/subscriptions/confirm"
            token={p.token ?? ''}
            csrf={p.csrf}
            label="Confirm subscription"
          />
        </>
      )
    case 'confirmed':
    case 'already-confirmed':
      return (
        <p>
          sitrep sends news about {what}: {how}. Every e-mail has a one-click unsubscribe link.
        </p>
      )
    case 'unsubscribe-ask':
      return (
        <>
          <p>Stop e-mails about {what}?</p>
          <TokenForm
            action="/unsubscribe"
            token={p.token ?? ''}
            csrf={p.csrf}
            label="Unsubscribe"
          />
        </>
      )
    case 'unsubscribed':
      return <p>You are unsubscribed: sitrep sends no more e-mails about {what}.</p>
    case 'cancelled':
      return <p>This subscription was cancelled; subscribe again to get e-mails.</p>
    case 'replaced-confirm':
      return (
        <p>A newer confirmation e-mail was sent for this subscription: use the link in that one.</p>
      )
    default:
      return (
        <p>
          This link is not valid: it may be incomplete (check that it was not cut across two lines)
          {p.kind === 'invalid-confirm' ? ', or it expired (links work for 7 days)' : ''}. For a new
          confirmation link, subscribe again.
        </p>
      )
  }
}

export function EmailPage(p: EmailPageProps) {
  return (
    <Layout title={TITLES[p.kind]} editor={p.editor}>
      <h1>{TITLES[p.kind]}</h1>
      <Body {...p} />
    </Layout>
  )
}
