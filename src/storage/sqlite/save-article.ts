// The write path of the pipeline: one article and everything derived from it, as one batch.
// A crawl killed at any point either has all of these rows or none of them.
import { eq, sql } from 'drizzle-orm'
import {
  articleEntities,
  articles,
  counters,
  entities,
  incidentEntities,
  incidentLinks,
  incidentTerms,
  incidents,
  terms,
  timelineEvents,
} from '../../../db/schema/sqlite.js'
import { hashId } from '../../core/ids.js'
import type { ArticleBundle } from '../repository.js'
import { runBatch, type SqliteDb, type Stmt } from './db.js'
import { bandStmts, dedupRow, dedupStmt } from './dedup.js'
import { articleFtsStmts, deleteIncidentFts, incidentFtsStmts } from './fts.js'
import { notifyStmts } from './notify.js'

export async function saveArticle(db: SqliteDb, b: ArticleBundle): Promise<void> {
  const { article, incident } = b
  const stmts: Stmt[] = [
    // Upserts, so that `sitrep recluster` can replay stored articles through the same path.
    db
      .insert(articles)
      .values({ ...article, incidentId: incident.id })
      .onConflictDoUpdate({ target: articles.id, set: { incidentId: incident.id } }),
    ...articleFtsStmts(db, article),
    db.delete(articleEntities).where(eq(articleEntities.articleId, article.id)),
  ]
  if (b.entities.length > 0) {
    stmts.push(
      db
        .insert(entities)
        .values(b.entities.map(entityRow(b)))
        .onConflictDoNothing(),
    )
  }
  if (b.mentions.length > 0) {
    const rows = b.mentions.map((m) => ({
      articleId: article.id,
      entityId: m.entityId,
      surface: m.surface,
      count: m.count,
    }))
    stmts.push(db.insert(articleEntities).values(rows).onConflictDoNothing())
  }
  for (const old of b.mergedIncidentIds) stmts.push(...mergeStmts(db, old, incident.id))
  // Editor state (pinned, hidden, locked, edited_at) is curation's alone: never written here.
  const { pinned: _p, hidden: _h, locked: _l, editedAt: _e, ...row } = incident
  stmts.push(
    db
      .insert(incidents)
      .values(row)
      .onConflictDoUpdate({ target: incidents.id, set: { ...row, id: undefined, ...keepLocked } }),
    db.delete(incidentEntities).where(eq(incidentEntities.incidentId, incident.id)),
    ...incidentFtsStmts(db, incident),
  )
  if (b.indexTerms.length > 0) {
    const lastSeen = incident.lastSeen
    const rows = b.indexTerms.map((term) => ({ incidentId: incident.id, term, lastSeen }))
    stmts.push(
      db
        .insert(incidentTerms)
        .values(rows)
        .onConflictDoUpdate({
          target: [incidentTerms.incidentId, incidentTerms.term],
          set: { lastSeen: sql`max(${incidentTerms.lastSeen}, excluded.last_seen)` },
        }),
    )
  }
  if (b.incidentEntities.length > 0) {
    const rows = b.incidentEntities.map((r) => ({ ...r, incidentId: incident.id }))
    stmts.push(db.insert(incidentEntities).values(rows))
  }
  if (b.events.length > 0) {
    const rows = await Promise.all(
      b.events.map(async (e) => ({
        id: await hashId('evt', `${e.articleId}|${e.date}|${e.text}`),
        articleId: e.articleId,
        date: e.date,
        text: e.text,
        sourceUrl: e.sourceUrl,
      })),
    )
    stmts.push(db.insert(timelineEvents).values(rows).onConflictDoNothing())
  }
  for (const l of b.links) {
    stmts.push(
      db
        .insert(incidentLinks)
        .values({ ...l, score: null })
        .onConflictDoNothing(),
    )
  }
  // Issue 7: the incident's tags and the changes subscribers hear about, in the same batch.
  stmts.push(...notifyStmts(db, b))
  stmts.push(...bandStmts(db, article.id, b.bands))
  if (b.dedup) stmts.push(dedupStmt(db, await dedupRow(b.dedup)))
  stmts.push(bump(db, 'term_docs', 1))
  if (b.newIncident) stmts.push(bump(db, 'incidents', 1))
  if (b.mergedIncidentIds.length > 0) stmts.push(bump(db, 'incidents', -b.mergedIncidentIds.length))
  if (b.terms.length > 0) {
    stmts.push(
      db
        .insert(terms)
        .values(b.terms.map((term) => ({ term, df: 1 })))
        .onConflictDoUpdate({ target: terms.term, set: { df: sql`${terms.df} + 1` } }),
    )
  }
  await runBatch(db, stmts)
}

export function bump(db: SqliteDb, name: string, by: number) {
  return db
    .insert(counters)
    .values({ name, value: by })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + ${by}` } })
}

function entityRow(b: ArticleBundle) {
  return (e: ArticleBundle['entities'][number]) => ({
    ...e,
    firstSeenAt: e.firstSeenAt ?? b.article.publishedAt,
    firstSeenUrl: b.article.url,
    updatedAt: b.article.fetchedAt,
  })
}

/**
 * Fields an editor locked keep their stored value, also when an edit lands between the
 * pipeline's read of the incident and this write.
 */
const keepLocked = Object.fromEntries(
  (['title', 'summary', 'kind'] as const).map((f) => [
    f,
    sql`case when exists (select 1 from json_each(${incidents.locked}) where value = ${f})
      then ${incidents[f]} else excluded.${sql.identifier(incidents[f].name)} end`,
  ]),
)

/** Moves everything of incident `from` onto `to`; `from` keeps resolving via merged_into. */
export function mergeStmts(db: SqliteDb, from: string, to: string): Stmt[] {
  return [
    db.update(articles).set({ incidentId: to }).where(eq(articles.incidentId, from)),
    db.update(incidents).set({ mergedInto: to }).where(eq(incidents.id, from)),
    db.update(incidents).set({ mergedInto: to }).where(eq(incidents.mergedInto, from)),
    db.delete(incidentEntities).where(eq(incidentEntities.incidentId, from)),
    db.run(
      sql`insert or ignore into incident_terms (incident_id, term, last_seen)
        select ${to}, term, last_seen from incident_terms where incident_id = ${from}`,
    ),
    db.delete(incidentTerms).where(eq(incidentTerms.incidentId, from)),
    deleteIncidentFts(db, from),
    // A link the survivor already has would collide; those, and links that became self-links,
    // are dropped rather than failing the whole batch.
    db.run(sql`update or ignore incident_links set from_id = ${to} where from_id = ${from}`),
    db.run(sql`update or ignore incident_links set to_id = ${to} where to_id = ${from}`),
    db.run(
      sql`delete from incident_links where from_id = ${from} or to_id = ${from} or from_id = to_id`,
    ),
  ]
}
