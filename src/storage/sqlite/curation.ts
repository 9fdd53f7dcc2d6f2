// Editor curation writes on incidents. Each action is one batch: the change itself, the decision
// in `curations` (replayed after recluster) and its line in `audit_log`. Replays pass no log and
// leave both tables alone.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  articles,
  curations,
  incidentEntities,
  incidentTerms,
  incidents,
} from '../../../db/schema/sqlite.js'
import type { CurationLog, RebuiltIncident, Repository } from '../repository.js'
import { logStmts } from './curation-log.js'
import { curationEntityRepo } from './curation-entities.js'
import { curationReads } from './curation-reads.js'
import { chunk, runBatch, type SqliteDb, type Stmt } from './db.js'
import { incidentFtsStmts } from './fts.js'
import { bump, mergeStmts } from './save-article.js'

/** Fields the pipeline must keep once an editor set them; pinned/hidden it never writes anyway. */
const LOCKABLE = ['title', 'summary', 'kind'] as const

type CurationWrites = Pick<
  Repository,
  'incidentAnchor' | 'incidentsOfArticles' | 'setIncidentFields' | 'mergeIncident' | 'splitIncident'
>

export function curationRepo(db: SqliteDb) {
  return { ...curationWrites(db), ...curationReads(db), ...curationEntityRepo(db) }
}

function curationWrites(db: SqliteDb): CurationWrites {
  return {
    async incidentAnchor(id) {
      const row = await db
        .select({ id: articles.id })
        .from(articles)
        .where(eq(articles.incidentId, id))
        .orderBy(asc(articles.publishedAt), asc(articles.id))
        .limit(1)
        .get()
      return row?.id ?? null
    },
    async incidentsOfArticles(ids) {
      const out = new Map<string, string | null>()
      for (const part of chunk([...new Set(ids)])) {
        const rows = await db
          .select({ id: articles.id, incidentId: articles.incidentId })
          .from(articles)
          .where(inArray(articles.id, part))
        for (const r of rows) out.set(r.id, r.incidentId)
      }
      return out
    },
    async setIncidentFields(incident, patch, editedAt, log) {
      const locked = [
        ...new Set([...(incident.locked ?? []), ...LOCKABLE.filter((f) => patch[f] !== undefined)]),
      ]
      const stmts: Stmt[] = [
        ...(log ? [...supersedeFieldStmts(db, incident.id, log), ...logStmts(db, log)] : []),
        db
          .update(incidents)
          .set({ ...patch, locked, editedAt })
          .where(eq(incidents.id, incident.id)),
      ]
      if (patch.title !== undefined || patch.summary !== undefined) {
        stmts.push(...incidentFtsStmts(db, { ...incident, ...patch }))
      }
      await runBatch(db, stmts)
    },
    async mergeIncident(fromId, into, log) {
      await runBatch(db, [
        // Before the articles move: the merged incident's own field decisions are void now.
        ...(log ? [deleteFieldCurations(db, fromId, null), ...logStmts(db, log)] : []),
        ...mergeStmts(db, fromId, into.incident.id),
        ...incidentStmts(db, into),
        bump(db, 'incidents', -1),
      ])
    },
    async splitIncident(split, log) {
      const { created, articleIds } = split
      const stmts: Stmt[] = chunk(articleIds).map((part) =>
        db
          .update(articles)
          .set({ incidentId: created.incident.id })
          .where(inArray(articles.id, part)),
      )
      stmts.push(...incidentStmts(db, created), bump(db, 'incidents', 1))
      for (const r of split.remaining) stmts.push(...incidentStmts(db, r))
      for (const id of split.emptied) stmts.push(...mergeStmts(db, id, created.incident.id))
      if (split.emptied.length > 0) stmts.push(bump(db, 'incidents', -split.emptied.length))
      if (log) {
        // Decisions anchored on a moved article stay with the incident that keeps the rest.
        for (const r of split.remaining.slice(0, 1)) stmts.push(reanchorStmt(db, r, articleIds))
        stmts.push(...logStmts(db, log))
      }
      await runBatch(db, stmts)
    },
  }
}

/** Upserts an incident's row (with whatever editor state it carries), entities and FTS row. */
function incidentStmts(db: SqliteDb, r: RebuiltIncident): Stmt[] {
  const row = r.incident
  const stmts: Stmt[] = [
    db
      .insert(incidents)
      .values(row)
      .onConflictDoUpdate({ target: incidents.id, set: { ...row, id: undefined } }),
    db.delete(incidentEntities).where(eq(incidentEntities.incidentId, row.id)),
    ...incidentFtsStmts(db, row),
  ]
  if (r.indexTerms?.length) {
    const terms = r.indexTerms.map((term) => ({ incidentId: row.id, term, lastSeen: row.lastSeen }))
    for (const part of chunk(terms, 200)) {
      stmts.push(
        db
          .insert(incidentTerms)
          .values(part)
          .onConflictDoUpdate({
            target: [incidentTerms.incidentId, incidentTerms.term],
            set: { lastSeen: sql`max(${incidentTerms.lastSeen}, excluded.last_seen)` },
          }),
      )
    }
  }
  if (r.entities.length > 0) {
    stmts.push(
      db.insert(incidentEntities).values(r.entities.map((e) => ({ ...e, incidentId: row.id }))),
    )
  }
  return stmts
}

/** A field set again replaces the earlier decision on it (wherever that one is anchored). */
function supersedeFieldStmts(db: SqliteDb, incidentId: string, log: CurationLog): Stmt[] {
  return log.curations
    .filter((c) => c.kind === 'incident_field' && c.field)
    .map((c) => deleteFieldCurations(db, incidentId, c.field))
}

/** Field decisions anchored on an article of the incident (one field, or all when null). */
function deleteFieldCurations(db: SqliteDb, incidentId: string, field: string | null) {
  return db
    .delete(curations)
    .where(
      and(
        eq(curations.kind, 'incident_field'),
        field === null ? undefined : eq(curations.field, field),
        sql`${curations.anchorArticleId} in (select id from articles where incident_id = ${incidentId})`,
      ),
    )
}

function reanchorStmt(db: SqliteDb, r: RebuiltIncident, moved: string[]) {
  const earliest = sql`(select id from articles where incident_id = ${r.incident.id}
    order by published_at, id limit 1)`
  return db
    .update(curations)
    .set({ anchorArticleId: earliest })
    .where(and(eq(curations.kind, 'incident_field'), inArray(curations.anchorArticleId, moved)))
}
