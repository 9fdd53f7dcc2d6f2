// Storage for changes, tags and the notification fan-out (issue 7). Tags and changes are written
// in the article's batch (`notifyStmts`); notifications are inserted or ignored by their id, a
// hash of (subscription, incident, change), which is what makes delivery exactly-once.
import { and, asc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm'
import {
  incidentChanges,
  incidentTags,
  incidents,
  notifications,
  subscriptions,
  watchlists,
} from '../../../db/schema/sqlite.js'
import type { ArticleBundle, Repository, SubscriptionRecord } from '../repository.js'
import { chunk, type SqliteDb, type Stmt } from './db.js'
import { topicReads } from './notify-reads.js'

type NotifyRepo = Pick<
  Repository,
  | 'changesAfter'
  | 'sameChanges'
  | 'mergedIncidentIds'
  | 'subscriptionsForTopics'
  | 'subscriptionsWithPrefix'
  | 'existingNotifications'
  | 'insertNotifications'
  | 'watchlistPackages'
>

/** Tags and changes of one article, for save-article's batch. */
export function notifyStmts(db: SqliteDb, b: ArticleBundle): Stmt[] {
  const { incident } = b
  const stmts: Stmt[] = []
  // Absorbed incidents' tags live on in the survivor's (the bundle's tags include them).
  for (const old of b.mergedIncidentIds) {
    stmts.push(db.delete(incidentTags).where(eq(incidentTags.incidentId, old)))
  }
  if (b.tags) {
    stmts.push(db.update(incidents).set({ tags: b.tags }).where(eq(incidents.id, incident.id)))
    if (b.tags.length > 0) {
      const rows = b.tags.map((tag) => ({
        incidentId: incident.id,
        tag,
        lastSeen: incident.lastSeen,
      }))
      stmts.push(
        db
          .insert(incidentTags)
          .values(rows)
          .onConflictDoUpdate({
            target: [incidentTags.incidentId, incidentTags.tag],
            set: { lastSeen: sql`max(${incidentTags.lastSeen}, excluded.last_seen)` },
          }),
      )
    }
  }
  for (const c of b.changes ?? []) {
    stmts.push(db.insert(incidentChanges).values(c).onConflictDoNothing())
  }
  return stmts
}

const ACTIVE = eq(subscriptions.status, 'active')
/** Rows per INSERT: 8 x 11 columns stays under D1's 100 bound parameters per statement. */
const ROWS_PER_INSERT = 8
const STMTS_PER_BATCH = 100

export function notifyRepo(db: SqliteDb): NotifyRepo & ReturnType<typeof topicReads> {
  return {
    ...topicReads(db),
    async changesAfter(seq, limit) {
      return db
        .select()
        .from(incidentChanges)
        .where(gt(incidentChanges.seq, seq))
        .orderBy(asc(incidentChanges.seq))
        .limit(limit)
    },
    async sameChanges(ids, kind, subject) {
      if (ids.length === 0) return []
      return db
        .select()
        .from(incidentChanges)
        .where(
          and(
            inArray(incidentChanges.incidentId, ids),
            eq(incidentChanges.kind, kind),
            eq(incidentChanges.subject, subject),
          ),
        )
    },
    async mergedIncidentIds(id) {
      // mergeStmts re-points earlier merges at the survivor, so one level is the usual case.
      const out: string[] = []
      let frontier = [id]
      for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
        const rows = await db
          .select({ id: incidents.id })
          .from(incidents)
          .where(inArray(incidents.mergedInto, frontier))
        frontier = rows.map((r) => r.id).filter((x) => !out.includes(x) && x !== id)
        out.push(...frontier)
      }
      return out
    },
    async subscriptionsForTopics(topics) {
      const out: SubscriptionRecord[] = []
      for (const part of chunk([...new Set(topics)], 90)) {
        const rows = await db
          .select()
          .from(subscriptions)
          .where(and(inArray(subscriptions.topic, part), ACTIVE))
        out.push(...rows)
      }
      return out
    },
    async subscriptionsWithPrefix(prefix) {
      // A range on the (topic, status) index rather than LIKE.
      const end =
        prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
      return db
        .select()
        .from(subscriptions)
        .where(and(gte(subscriptions.topic, prefix), lt(subscriptions.topic, end), ACTIVE))
    },
    async existingNotifications(ids) {
      const found = new Set<string>()
      for (const part of chunk(ids, 90)) {
        const rows = await db
          .select({ id: notifications.id })
          .from(notifications)
          .where(inArray(notifications.id, part))
        for (const r of rows) found.add(r.id)
      }
      return found
    },
    async insertNotifications(rows) {
      let created = 0
      const stmts = chunk(rows, ROWS_PER_INSERT).map((part) =>
        db
          .insert(notifications)
          .values(
            part.map((r) => ({ ...r, status: 'pending' as const, nextAttemptAt: r.createdAt })),
          )
          .onConflictDoNothing()
          .returning({ id: notifications.id }),
      )
      for (const batch of chunk(stmts, STMTS_PER_BATCH)) {
        const results = (await db.batch(
          batch as unknown as [Stmt, ...Stmt[]],
        )) as unknown as unknown[][]
        for (const r of results) created += r.length
      }
      return created
    },
    async watchlistPackages(ids) {
      const out = new Map<string, { ecosystem: string; name: string; version: string | null }[]>()
      for (const part of chunk(ids, 90)) {
        const rows = await db
          .select({ id: watchlists.id, packages: watchlists.packages })
          .from(watchlists)
          .where(inArray(watchlists.id, part))
        for (const r of rows) out.set(r.id, r.packages)
      }
      return out
    },
  }
}
