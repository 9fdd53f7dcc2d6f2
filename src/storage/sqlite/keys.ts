// API keys and editor sessions. Only hashes of keys and session tokens are stored.
import { and, asc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm'
import { apiKeys, sessions } from '../../../db/schema/sqlite.js'
import { TOUCH_INTERVAL_MS } from '../../core/api-keys.js'
import { AppError } from '../../core/errors.js'
import { hashId } from '../../core/ids.js'
import type { ApiKeyRecord, Repository } from '../repository.js'
import { runBatch, type SqliteDb } from './db.js'

type KeyRepo = Pick<
  Repository,
  | 'createApiKey'
  | 'findApiKeyByHash'
  | 'listApiKeys'
  | 'revokeApiKey'
  | 'touchApiKey'
  | 'createSession'
  | 'findSession'
  | 'deleteSession'
>

const publicColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
}

function isUniqueViolation(err: unknown): boolean {
  const text = `${String(err)} ${String((err as { cause?: unknown })?.cause ?? '')}`
  return /UNIQUE constraint failed/i.test(text)
}

export function keyRepo(db: SqliteDb): KeyRepo {
  return {
    async createApiKey(key) {
      const taken = await db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(eq(apiKeys.name, key.name))
        .get()
      const duplicate = new AppError('bad_request', `an API key named "${key.name}" already exists`)
      if (taken) throw duplicate
      const row = { id: await hashId('key', key.keyHash), ...key }
      try {
        await db.insert(apiKeys).values(row)
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicate
        throw err
      }
      const { keyHash: _hash, ...rest } = row
      return { ...rest, lastUsedAt: null, revokedAt: null }
    },
    async findApiKeyByHash(keyHash) {
      const row = await db
        .select(publicColumns)
        .from(apiKeys)
        .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
        .get()
      return row ?? null
    },
    async listApiKeys() {
      return db
        .select(publicColumns)
        .from(apiKeys)
        .orderBy(asc(apiKeys.createdAt), asc(apiKeys.name))
    },
    async revokeApiKey(name, at) {
      const key = await db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.name, name), isNull(apiKeys.revokedAt)))
        .get()
      if (!key) return false
      await runBatch(db, [
        db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, key.id)),
        db.delete(sessions).where(eq(sessions.keyId, key.id)),
      ])
      return true
    },
    async touchApiKey(id, at) {
      // The condition makes concurrent requests of one key write once per interval at most.
      const before = new Date(Date.parse(at) - TOUCH_INTERVAL_MS).toISOString()
      await db
        .update(apiKeys)
        .set({ lastUsedAt: at })
        .where(
          and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, before))),
        )
    },
    async createSession(session) {
      await runBatch(db, [
        db.delete(sessions).where(lt(sessions.expiresAt, session.createdAt)),
        db.insert(sessions).values(session),
      ])
    },
    async findSession(tokenHash, now) {
      const row = await db
        .select({ session: sessions, key: publicColumns })
        .from(sessions)
        .innerJoin(apiKeys, eq(apiKeys.id, sessions.keyId))
        .where(
          and(
            eq(sessions.tokenHash, tokenHash),
            sql`${sessions.expiresAt} > ${now}`,
            isNull(apiKeys.revokedAt),
          ),
        )
        .get()
      return row ? { ...row.session, key: row.key as ApiKeyRecord } : null
    },
    async deleteSession(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
    },
  }
}
