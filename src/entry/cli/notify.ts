// `sitrep notify --once`: fan recorded changes out to subscriptions and deliver what is due, as
// the server's notify job does every minute. For setups that crawl from cron without `serve`.
import type { Deps } from '../../core/deps.js'
import { runNotify } from '../../jobs/notify.js'

export async function notifyCommand(deps: Deps): Promise<number> {
  const r = await runNotify(deps)
  console.log(
    `notified: ${r.changes} change(s) fanned out into ${r.notifications} new notification(s); ` +
      `webhooks ${r.webhooks.sent} sent, ${r.webhooks.failed} failed; ` +
      `e-mails ${r.emails.sent} sent, ${r.emails.failed} failed`,
  )
  // Failed deliveries are retried by later runs: not an error of this command.
  return 0
}

/** After `sitrep crawl --once`: a notification failure is reported, never a crash of the crawl. */
export async function notifyAfterCrawl(deps: Deps): Promise<number> {
  try {
    await runNotify(deps)
    return 0
  } catch (err) {
    console.error(`error: notifications: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
}
