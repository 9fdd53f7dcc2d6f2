// The SQLite/D1 implementation of Repository, assembled from per-area pieces.
import { asc, gt, isNotNull, or, and, eq, sql } from 'drizzle-orm'
import { articles } from '../../../db/schema/sqlite.js'
import type { Repository } from '../repository.js'
import { apiReads } from './api-reads.js'
import { apiEntityReads } from './api-entity-list.js'
import { clusterReads } from './cluster-reads.js'
import { runBatch, type SqliteDb } from './db.js'
import { curationRepo } from './curation.js'
import { dedupRepo } from './dedup.js'
import { emailDigestRepo } from './email-digests.js'
import { entityRepo } from './entities.js'
import { mergeEntities } from './entity-merge.js'
import { feedRepo } from './feeds.js'
import { keyRepo } from './keys.js'
import { linkReads } from './link-reads.js'
import { notifyRepo } from './notify.js'
import { saveArticle } from './save-article.js'
import { subscriptionRepo } from './subscriptions.js'
import { watchlistRepo } from './watchlists.js'
import { webReads } from './web-reads.js'

export function createSqliteRepository(db: SqliteDb): Repository {
  return {
    ...feedRepo(db),
    ...clusterReads(db),
    ...apiReads(db),
    ...entityRepo(db),
    ...dedupRepo(db),
    ...curationRepo(db),
    ...linkReads(db),
    // after entityRepo: adds the `incidents` sort to its listEntities
    ...apiEntityReads(db),
    ...webReads(db),
    ...keyRepo(db),
    ...watchlistRepo(db),
    ...notifyRepo(db),
    ...subscriptionRepo(db),
    ...emailDigestRepo(db),
    saveArticle: (bundle) => saveArticle(db, bundle),
    mergeEntities: (pairs) => mergeEntities(db, pairs),
    async counts() {
      const rows = await db.all<Record<string, number>>(sql`select
        (select count(*) from feeds) as feeds,
        (select count(*) from articles) as articles,
        (select count(*) from incidents where merged_into is null and kind = 'incident') as incidents,
        (select count(*) from entities) as entities`)
      const r = rows[0] ?? {}
      return {
        feeds: Number(r.feeds ?? 0),
        articles: Number(r.articles ?? 0),
        incidents: Number(r.incidents ?? 0),
        entities: Number(r.entities ?? 0),
      }
    },
    async resetIncidents() {
      await runBatch(db, [
        db.run(sql`update articles set incident_id = null`),
        db.run(sql`delete from incidents`),
        db.run(sql`delete from incident_entities`),
        db.run(sql`delete from incident_terms`),
        db.run(sql`delete from incident_links`),
        db.run(sql`delete from incident_tags`),
        db.run(sql`delete from incidents_fts`),
        db.run(sql`delete from terms`),
        db.run(sql`delete from counters`),
      ])
    },
    async articlesInOrder(after, limit) {
      const where = after
        ? (() => {
            const [p, id] = after.split('\u0000') as [string, string]
            return or(
              gt(articles.publishedAt, p),
              and(eq(articles.publishedAt, p), gt(articles.id, id)),
            )
          })()
        : isNotNull(articles.id)
      return db
        .select()
        .from(articles)
        .where(where)
        .orderBy(asc(articles.publishedAt), asc(articles.id))
        .limit(limit)
    },
  }
}
