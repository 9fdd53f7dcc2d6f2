// E-mail delivery for `runNotify`: one e-mail per subscription per digest, carrying every
// notification it has waiting (immediate: each run; daily: once a day at the digest hour).
// The send and the bookkeeping are separate steps: the notifications are claimed first (a
// lease), then mailed, then marked delivered in the same batch as their delivery_attempts row.
// A crash between the SMTP "250 OK" and that batch re-sends the digest after the lease; it
// keeps its Message-ID, so mail systems that de-duplicate on it show it once.
import type { Deps } from '../../core/deps.js'
import { AppError, describeError } from '../../core/errors.js'
import { hashId } from '../../core/ids.js'
import type { SubscriptionRecord } from '../../storage/repository.js'
import { digestEntries, oneLine } from './email-format.js'
import { CONFIRM_TTL_MS, confirmTokenHash, emailLink, emailToken } from './email-links.js'
import { renderConfirmation, renderDigest } from './email-render.js'
import {
  DIGEST_MAX_ITEMS,
  EMAIL_LEASE_MS,
  EMAIL_MAX_ATTEMPTS,
  digestDue,
  digestSlot,
  emailRetryAt,
} from './email-schedule.js'
import { topicLabel } from './email-topic.js'
import type { Mailer } from './email-types.js'

/** Subscriptions looked at per run; the rest are due again on the next run. */
const DIGESTS_PER_RUN = 500

/** Why e-mail cannot be sent here (no SMTP settings, or a runtime without SMTP); null if it can. */
export function emailUnavailable(deps: Pick<Deps, 'mailer'>): string | null {
  if (deps.mailer) return null
  return (
    'e-mail subscriptions are not available on this server: it has no SMTP settings ' +
    '(set SITREP_SMTP_URL on a Node server; Cloudflare Workers cannot send over SMTP)'
  )
}

type Subscription = Pick<SubscriptionRecord, 'id' | 'topic' | 'target' | 'mode'>

/** Mails the double opt-in link; nothing else is sent to the address until it is followed. */
export async function sendConfirmation(deps: Deps, sub: Subscription): Promise<void> {
  const why = emailUnavailable(deps)
  if (why || !deps.mailer) throw new AppError('bad_request', why ?? 'no mailer')
  const token = await emailToken(deps, 'confirm', sub.id)
  await deps.repo.setEmailConfirmToken(sub.id, await confirmTokenHash(token))
  const msg = renderConfirmation({
    to: sub.target,
    topic: await topicLabel(deps, sub.topic),
    mode: sub.mode,
    confirmUrl: emailLink(deps, 'confirm', token),
    expiresAt: new Date(deps.now().getTime() + CONFIRM_TTL_MS),
  })
  try {
    await deps.mailer.send(msg)
  } catch (err) {
    deps.log.warn('confirmation e-mail failed', {
      subscription_id: sub.id,
      error: describeError(err),
    })
    throw new AppError(
      'fetch_failed',
      'the confirmation e-mail could not be sent; try again later',
      {
        cause: err,
      },
    )
  }
}

export async function deliverEmails(
  deps: Deps,
  now: Date,
): Promise<{ sent: number; failed: number }> {
  // The daily rule runs in the query (so waiting daily digests cannot crowd out the run's
  // limit) and again here, where it is the one tested rule.
  const slot = digestSlot(now, deps.config.digestHour).toISOString()
  const due = await deps.repo.dueEmailDigests(now.toISOString(), slot, DIGESTS_PER_RUN)
  const ready = due.filter((d) => digestDue(d.subscription, now, deps.config.digestHour))
  const result = { sent: 0, failed: 0 }
  if (ready.length === 0) return result
  const why = emailUnavailable(deps)
  if (why || !deps.mailer) {
    deps.log.warn('e-mail digests waiting, not sent', { reason: why, subscriptions: ready.length })
    return result
  }
  // One at a time: digests are few (one per subscription) and SMTP servers throttle bursts.
  for (const { subscription } of ready) {
    const ok = await sendDigest(deps, deps.mailer, subscription, now)
    if (ok === true) result.sent++
    if (ok === false) result.failed++
  }
  return result
}

/** true: sent; false: failed (retried later); null: another run had claimed it. */
async function sendDigest(
  deps: Deps,
  mailer: Mailer,
  sub: SubscriptionRecord,
  now: Date,
): Promise<boolean | null> {
  const at = now.toISOString()
  const lease = new Date(now.getTime() + EMAIL_LEASE_MS).toISOString()
  const items = await deps.repo.claimEmailDigest(sub.id, at, lease, DIGEST_MAX_ITEMS)
  if (items.length === 0) return null
  const ids = items.map((i) => i.id)
  const token = await emailToken(deps, 'unsubscribe', sub.id)
  const msg = renderDigest({
    to: sub.target,
    topic: await topicLabel(deps, sub.topic),
    mode: sub.mode,
    entries: digestEntries(
      items.map((i) => i.payload),
      deps.config.publicUrl,
    ),
    unsubscribeUrl: emailLink(deps, 'unsubscribe', token),
    date: now,
  })
  msg.messageId = `<${await hashId('digest', ids.join(','))}@${new URL(deps.config.publicUrl).hostname}>`
  const started = performance.now()
  let error: string | null = null
  try {
    await mailer.send(msg)
  } catch (err) {
    error = oneLine(describeError(err), 500) || 'send failed'
    deps.log.warn('e-mail digest failed', { subscription_id: sub.id, error })
  }
  const attempt = Math.max(...items.map((i) => i.attempts)) + 1
  await deps.repo.recordEmailDigest({
    attempt: {
      id: await hashId('att', `${sub.id}|${at}|${ids.join(',')}|${crypto.randomUUID()}`),
      subscriptionId: sub.id,
      notificationIds: ids,
      at,
      ok: error === null,
      statusCode: null,
      error,
      durationMs: Math.round(performance.now() - started),
    },
    nextAttemptAt: error === null ? null : emailRetryAt(now, attempt).toISOString(),
    maxAttempts: EMAIL_MAX_ATTEMPTS,
  })
  return error === null
}
