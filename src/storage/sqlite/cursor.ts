// Keyset pagination for every sort order of the API lists. A cursor is `sortKey\0id` (see
// ../cursor.ts); sorts other than the original ones tag their key (`c|42`) so that a cursor from
// one sort cannot silently page through another.
import { asc, desc, sql, type SQL } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { AppError } from '../../core/errors.js'
import { decodeCursor, encodeCursor } from '../cursor.js'

export interface Keyset {
  /** Column or expression sorted on, then the id as a tie-breaker in the same direction. */
  key: AnySQLiteColumn | SQL
  id: AnySQLiteColumn
  dir: 'asc' | 'desc'
  /** Empty for the original sorts (whose cursors must keep working); else a short tag. */
  tag: string
  /** What the key holds, to reject cursors of another sort: a timestamp, a count or any text. */
  kind: 'time' | 'count' | 'text'
}

const badCursor = () =>
  new AppError(
    'bad_request',
    'cursor does not belong to this sort: pass next_cursor back unchanged',
  )

function decodeKey(spec: Keyset, cursor: string): { value: string | number; id: string } {
  const c = decodeCursor(cursor)
  let raw = c.sortKey
  if (spec.tag) {
    if (!raw.startsWith(`${spec.tag}|`)) throw badCursor()
    raw = raw.slice(spec.tag.length + 1)
  }
  if (spec.kind === 'time' && !/^\d{4}-\d{2}-\d{2}/.test(raw)) throw badCursor()
  if (spec.kind !== 'count') return { value: raw, id: c.id }
  const n = Number(raw)
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) throw badCursor()
  return { value: n, id: c.id }
}

/** Rows strictly after the cursor's row, in the keyset's order. */
export function afterCursor(spec: Keyset, cursor: string): SQL {
  const { value, id } = decodeKey(spec, cursor)
  const past = spec.dir === 'desc' ? sql`<` : sql`>`
  return sql`(${spec.key} ${past} ${value} or (${spec.key} = ${value} and ${spec.id} ${past} ${id}))`
}

export function keysetOrder(spec: Keyset): SQL[] {
  const dir = spec.dir === 'desc' ? desc : asc
  return [dir(spec.key), dir(spec.id)]
}

/** The next_cursor for a page whose last row has this sort value and id. */
export function cursorFor(spec: Keyset, value: string | number, id: string): string {
  return encodeCursor(spec.tag ? `${spec.tag}|${value}` : String(value), id)
}

/** Builds a page from limit+1 fetched rows. */
export function keysetPage<T>(
  spec: Keyset,
  rows: T[],
  limit: number,
  key: (row: T) => [string | number, string],
) {
  const data = rows.slice(0, limit)
  const last = data[data.length - 1]
  const nextCursor = rows.length > limit && last ? cursorFor(spec, ...key(last)) : null
  return { data, nextCursor }
}
