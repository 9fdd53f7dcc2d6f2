// The notify job: fan recorded changes out to matching subscriptions, then deliver what is due
// (webhooks, e-mail). Runs after every crawl and on its own schedule (SITREP_NOTIFY_CRON).
//
// Exactly-once: changes are read after a cursor (settings `notify_cursor`), and a notification's
// id is a hash of (subscription, surviving incident, change), inserted or ignored. A run killed
// between the inserts and the cursor update re-reads those changes and inserts nothing new.
import type { Deps } from '../core/deps.js'
import { describeError } from '../core/errors.js'
import { incidentSummaryJson } from '../http/api/serialize.js'
import { deliverEmails } from '../pipeline/notify/email-deliver.js'
import {
  earlierNotificationIds,
  incidentUrl,
  notificationId,
  notificationPayload,
} from '../pipeline/notify/match.js'
import {
  loadRunTopics,
  matchSubscriptions,
  type Matched,
  type RunTopics,
} from '../pipeline/notify/match-subscribers.js'
import { deliverWebhooks } from '../pipeline/notify/webhook-deliver.js'
import type { IncidentChangeRecord, NewNotification } from '../storage/repository.js'

const CURSOR = 'notify_cursor'
/** `<seq>:<failed runs>` of a change that keeps failing; skipped after MAX_TRIES runs. */
const STUCK = 'notify_stuck'
const MAX_TRIES = 3
const PAGE = 200

export interface FanOutReport {
  changes: number
  notifications: number
}

/** An incident as it is notified: the survivor of merges, with its matching subscriptions. */
interface Target {
  id: string
  /** The survivor and every incident merged into it. */
  family: string[]
  json: Record<string, unknown>
  matched: Matched[]
}

type Change = IncidentChangeRecord & { seq: number }

export async function fanOut(deps: Deps): Promise<FanOutReport> {
  const report: FanOutReport = { changes: 0, notifications: 0 }
  let cursor = Number(await deps.repo.getSetting(CURSOR)) || 0
  const run = await loadRunTopics(deps)
  const targets = new Map<string, Promise<Target | null>>()
  for (;;) {
    const page = await deps.repo.changesAfter(cursor, PAGE)
    if (page.length === 0) break
    for (const change of page) {
      try {
        const target = targets.get(change.incidentId) ?? resolveTarget(deps, run, change)
        targets.set(change.incidentId, target)
        report.notifications += await notify(deps, change, await target)
      } catch (err) {
        if (await stillRetrying(deps, change, err)) {
          await deps.repo.setSetting(CURSOR, String(cursor))
          return report
        }
      }
      cursor = change.seq
      report.changes++
    }
    await deps.repo.setSetting(CURSOR, String(cursor))
  }
  return report
}

/** Fan-out, then delivery; a failing channel is logged and does not stop the other. */
export async function runNotify(deps: Deps) {
  const fan = await fanOut(deps)
  const now = deps.now()
  const none = { sent: 0, failed: 0 }
  const [webhooks, emails] = await Promise.all(
    [deliverWebhooks, deliverEmails].map((deliver) =>
      deliver(deps, now).catch((err: unknown) => {
        deps.log.error('delivery failed', { channel: deliver.name, error: describeError(err) })
        return none
      }),
    ),
  )
  if (fan.notifications > 0 || webhooks!.sent + webhooks!.failed + emails!.sent > 0) {
    deps.log.info('notify', { ...fan, webhooks, emails })
  }
  return { ...fan, webhooks: webhooks!, emails: emails! }
}

async function resolveTarget(deps: Deps, run: RunTopics, change: Change): Promise<Target | null> {
  const incident = await deps.repo.getStoredIncident(change.incidentId)
  // An editor may have hidden it or called it not an incident since the change was recorded.
  if (!incident || incident.kind !== 'incident' || incident.hidden) return null
  const view = await deps.repo.getIncident(incident.id)
  if (!view) return null
  const matched = await matchSubscriptions(deps, run, incident, view)
  const family = matched.length
    ? [incident.id, ...(await deps.repo.mergedIncidentIds(incident.id))]
    : []
  const json = {
    ...incidentSummaryJson(view),
    tags: incident.tags ?? [],
    url: incidentUrl(deps.config.publicUrl, incident.id),
  }
  return { id: incident.id, family, json, matched }
}

async function notify(deps: Deps, change: Change, target: Target | null): Promise<number> {
  if (!target || target.matched.length === 0) return 0
  const silenced = await alreadyTold(deps, change, target)
  const createdAt = deps.now().toISOString()
  const rows: NewNotification[] = []
  for (const m of target.matched) {
    const sub = m.subscription
    if (silenced.has(sub.id)) continue
    const id = await notificationId(sub.id, target.id, change.id)
    const payload = notificationPayload({
      id,
      createdAt,
      topic: sub.topic,
      incident: target.json,
      change,
      watchlist: m.watchlist,
    })
    rows.push({
      id,
      subscriptionId: sub.id,
      incidentId: target.id,
      changeId: change.id,
      payload,
      createdAt,
    })
  }
  return rows.length ? deps.repo.insertNotifications(rows) : 0
}

/**
 * The merge rule: subscribers already told about the same (kind, subject) on an incident that
 * was merged into this one. Only incidents that absorbed others need the lookup.
 */
async function alreadyTold(deps: Deps, change: Change, target: Target): Promise<Set<string>> {
  if (target.family.length < 2) return new Set()
  const earlier = (await deps.repo.sameChanges(target.family, change.kind, change.subject)).filter(
    (c) => c.id !== change.id,
  )
  if (earlier.length === 0) return new Set()
  const subs = target.matched.map((m) => m.subscription.id)
  const ids = await earlierNotificationIds(subs, earlier, target.id)
  const found = await deps.repo.existingNotifications([...ids.keys()])
  return new Set([...found].map((id) => ids.get(id)!))
}

/**
 * A failing change stops the run (the cursor stays before it, the next run retries), unless it
 * has failed MAX_TRIES runs in a row: then it is logged and skipped, so one bad change cannot
 * hold every later notification back.
 */
async function stillRetrying(deps: Deps, change: Change, err: unknown): Promise<boolean> {
  const [seq, tries] = ((await deps.repo.getSetting(STUCK)) ?? '').split(':')
  const count = Number(seq) === change.seq ? Number(tries) + 1 : 1
  await deps.repo.setSetting(STUCK, `${change.seq}:${count}`)
  const give = count >= MAX_TRIES
  deps.log.error(give ? 'notification fan-out skipped a change' : 'notification fan-out failed', {
    change_id: change.id,
    incident_id: change.incidentId,
    tries: count,
    error: describeError(err),
  })
  return !give
}
