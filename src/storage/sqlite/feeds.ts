import { asc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import { feeds, runs, settings } from '../../../db/schema/sqlite.js'
import { feedId } from '../../core/ids.js'
import type { Feed } from '../../core/types.js'
import type { FeedPatch, NewFeed, Repository, RunRecord } from '../repository.js'
import { chunk, runBatch, type SqliteDb } from './db.js'

type FeedRepo = Pick<
  Repository,
  | 'getSetting'
  | 'setSetting'
  | 'addFeeds'
  | 'listFeeds'
  | 'dueFeeds'
  | 'updateFeed'
  | 'recordRun'
  | 'recentRuns'
>

export function feedRepo(db: SqliteDb): FeedRepo {
  return {
    async getSetting(key) {
      const row = await db.select().from(settings).where(eq(settings.key, key)).get()
      return row?.value ?? null
    },
    async setSetting(key, value) {
      await db
        .insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } })
    },
    async addFeeds(list: NewFeed[], now: string) {
      const rows = await Promise.all(
        list.map(async (f) => ({
          id: await feedId(f.url),
          url: f.url,
          name: f.name,
          siteUrl: f.siteUrl ?? null,
          createdAt: now,
          nextFetchAt: now,
        })),
      )
      let added = 0
      for (const part of chunk(rows, 50)) {
        const res = await db
          .insert(feeds)
          .values(part)
          .onConflictDoNothing()
          .returning({ id: feeds.id })
        added += res.length
      }
      return added
    },
    async listFeeds() {
      const rows = await db.select().from(feeds).orderBy(asc(feeds.name), asc(feeds.url))
      return rows as Feed[]
    },
    async dueFeeds(now: string) {
      const rows = await db
        .select()
        .from(feeds)
        .where(or(isNull(feeds.nextFetchAt), lte(feeds.nextFetchAt, now)))
        .orderBy(asc(feeds.nextFetchAt))
      return rows as Feed[]
    },
    async updateFeed(id: string, patch: FeedPatch) {
      if (Object.keys(patch).length === 0) return
      await db.update(feeds).set(patch).where(eq(feeds.id, id))
    },
    async recordRun(run: RunRecord) {
      await runBatch(db, [
        db
          .insert(runs)
          .values(run)
          .onConflictDoUpdate({
            target: runs.id,
            set: { finishedAt: run.finishedAt, stats: run.stats, errors: run.errors },
          }),
      ])
    },
    async recentRuns(limit: number) {
      const rows = await db
        .select()
        .from(runs)
        .orderBy(sql`${runs.startedAt} desc`)
        .limit(limit)
      return rows as RunRecord[]
    },
  }
}
