// Storage for deduplication: GUID lookups, LSH band candidates, and the decision log.
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { articleBands, articles, dedupDecisions, incidents } from '../../../db/schema/sqlite.js'
import { hashId } from '../../core/ids.js'
import type { DedupDecision, Repository, StoredIncident } from '../repository.js'
import { chunk, type SqliteDb, type Stmt } from './db.js'

type DedupRepo = Pick<
  Repository,
  | 'articleIdsByGuid'
  | 'nearDuplicateCandidates'
  | 'recordDedup'
  | 'getStoredIncident'
  | 'incidentOfArticle'
>

export function dedupRepo(db: SqliteDb): DedupRepo {
  return {
    async articleIdsByGuid(feedId, guids) {
      const out = new Map<string, string>()
      for (const part of chunk(guids)) {
        const rows = await db
          .select({ id: articles.id, guid: articles.guid })
          .from(articles)
          .where(and(eq(articles.feedId, feedId), inArray(articles.guid, part)))
        for (const r of rows) if (r.guid) out.set(r.guid, r.id)
      }
      return out
    },
    async nearDuplicateCandidates(bands, limit) {
      if (bands.length === 0) return []
      const rows = await db
        .select({
          id: articles.id,
          url: articles.url,
          fingerprint: articles.fingerprint,
          incidentId: articles.incidentId,
        })
        .from(articleBands)
        .innerJoin(articles, eq(articles.id, articleBands.articleId))
        .where(inArray(articleBands.key, bands.slice(0, 200)))
        .groupBy(articles.id)
        .orderBy(desc(sql`count(*)`), articles.publishedAt)
        .limit(limit)
      return rows.flatMap((r) => (r.fingerprint ? [{ ...r, fingerprint: r.fingerprint }] : []))
    },
    async incidentOfArticle(id) {
      const row = await db
        .select({ incidentId: articles.incidentId })
        .from(articles)
        .where(eq(articles.id, id))
        .get()
      return row?.incidentId ?? null
    },
    async recordDedup(d) {
      await dedupStmt(db, await dedupRow(d))
    },
    async getStoredIncident(id) {
      let current = id
      for (let hop = 0; hop < 16; hop++) {
        const row = await db.select().from(incidents).where(eq(incidents.id, current)).get()
        if (!row) return null
        if (!row.mergedInto) return row as StoredIncident
        current = row.mergedInto
      }
      return null
    },
  }
}

/** Decisions are keyed by (url, method, original), so re-running a crawl records nothing new. */
export async function dedupRow(d: DedupDecision) {
  return { id: await hashId('dup', `${d.url}|${d.method}|${d.duplicateOf}`), ...d }
}

// Not async on purpose: a drizzle query is thenable, and returning one from an async function
// would run it instead of handing it to a batch.
export function dedupStmt(db: SqliteDb, row: Awaited<ReturnType<typeof dedupRow>>) {
  return db.insert(dedupDecisions).values(row).onConflictDoNothing()
}

export function bandStmts(db: SqliteDb, articleId: string, bands: string[]): Stmt[] {
  if (bands.length === 0) return []
  return [
    db
      .insert(articleBands)
      .values(bands.map((key) => ({ key, articleId })))
      .onConflictDoNothing(),
  ]
}
