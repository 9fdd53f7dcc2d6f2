// Opaque keyset cursors: base64url of "sortKey\u0000id". Keyset (not offset) pagination stays
// correct while new articles arrive between page requests.
import { AppError } from '../core/errors.js'

export function encodeCursor(sortKey: string, id: string): string {
  const bytes = new TextEncoder().encode(`${sortKey}\u0000${id}`)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function decodeCursor(cursor: string): { sortKey: string; id: string } {
  try {
    const bin = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    const text = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
    const [sortKey, id, extra] = text.split('\u0000')
    if (sortKey === undefined || !id || extra !== undefined) throw new Error('shape')
    return { sortKey, id }
  } catch {
    throw new AppError('bad_request', 'cursor is not valid: pass next_cursor back unchanged')
  }
}

/** Builds a page from limit+1 fetched rows. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => [string, string]) {
  const data = rows.slice(0, limit)
  const last = data[data.length - 1]
  const nextCursor = rows.length > limit && last ? encodeCursor(...key(last)) : null
  return { data, nextCursor }
}
