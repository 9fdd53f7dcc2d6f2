import { sql } from 'drizzle-orm'
import type { StoredIncident } from '../repository.js'
import type { SqliteDb, Stmt } from './db.js'

/**
 * FTS rows are addressed by a rowid derived from the row's hashed id (52 bits of it): deleting by
 * an UNINDEXED column would scan the whole FTS table on every update, and the tables' own rowids
 * are not stable across VACUUM.
 */
export function ftsRowid(id: string): number {
  const hex = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 14)
  return Number.parseInt(hex, 16)
}

export function incidentFtsStmts(db: SqliteDb, incident: StoredIncident): Stmt[] {
  const summary = incident.summary.map((s) => s.text).join(' ')
  const rowid = ftsRowid(incident.id)
  return [
    db.run(sql`delete from incidents_fts where rowid = ${rowid}`),
    db.run(
      sql`insert into incidents_fts (rowid, incident_id, title, summary) values (${rowid}, ${incident.id}, ${incident.title}, ${summary})`,
    ),
  ]
}

export function deleteIncidentFts(db: SqliteDb, incidentId: string): Stmt {
  return db.run(sql`delete from incidents_fts where rowid = ${ftsRowid(incidentId)}`)
}

export function articleFtsStmts(
  db: SqliteDb,
  a: { id: string; title: string; text: string },
): Stmt[] {
  const rowid = ftsRowid(a.id)
  return [
    db.run(sql`delete from articles_fts where rowid = ${rowid}`),
    db.run(
      sql`insert into articles_fts (rowid, article_id, title, text) values (${rowid}, ${a.id}, ${a.title}, ${a.text})`,
    ),
  ]
}

/**
 * Turns free text into a safe FTS5 query: every word becomes a quoted token, so user input
 * can never inject FTS syntax (NEAR, column filters, unbalanced quotes).
 */
export function ftsQuery(text: string, mode: 'and' | 'or' = 'and'): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}$_-]+/u)
    .map((w) => w.replace(/^[-_]+|[-_]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 32)
  if (words.length === 0) return null
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(mode === 'and' ? ' ' : ' OR ')
}
