import { sql } from 'drizzle-orm'
import type { StoredIncident } from '../repository.js'
import type { SqliteDb, Stmt } from './db.js'

export function incidentFtsStmts(db: SqliteDb, incident: StoredIncident): Stmt[] {
  const summary = incident.summary.map((s) => s.text).join(' ')
  return [
    db.run(sql`delete from incidents_fts where incident_id = ${incident.id}`),
    db.run(
      sql`insert into incidents_fts (incident_id, title, summary) values (${incident.id}, ${incident.title}, ${summary})`,
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
