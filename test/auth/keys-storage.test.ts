// Key and session storage: only hashes reach the database, revocation and expiry are honoured,
// and `last_used_at` is written at most once a minute per key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  generateApiKey,
  hasScope,
  hashApiKey,
  hashSessionToken,
  keyPrefix,
  looksLikeApiKey,
} from '../../src/core/api-keys.js'
import { authFixture, type AuthFixture } from './fixture.js'

let f: AuthFixture
beforeEach(async () => {
  f = await authFixture()
})
afterEach(() => f.close())

const rows = async (sql: string) => (await f.handle.client.execute(sql)).rows

describe('API keys', () => {
  it('generates 256-bit base64url keys with a short prefix', () => {
    const key = generateApiKey()
    expect(key).toMatch(/^sitrep_[A-Za-z0-9_-]{43}$/)
    expect(looksLikeApiKey(key)).toBe(true)
    expect(keyPrefix(key)).toBe(key.slice(0, 12))
    expect(generateApiKey()).not.toBe(key)
  })

  it('orders scopes admin ⊇ write ⊇ read', () => {
    expect(hasScope(['admin'], 'write')).toBe(true)
    expect(hasScope(['write'], 'read')).toBe(true)
    expect(hasScope(['read'], 'write')).toBe(false)
    expect(hasScope(['write'], 'admin')).toBe(false)
  })

  it('stores the hash and prefix, never the key', async () => {
    const key = await f.key('ci', 'write')
    const [row] = await rows('select * from api_keys')
    expect(row?.key_hash).toBe(await hashApiKey(key))
    expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row?.prefix).toBe(key.slice(0, 12))
    const dump = JSON.stringify(await rows('select * from api_keys'))
    expect(dump).not.toContain(key)
    expect(dump).not.toContain(key.slice(12))
  })

  it('refuses a duplicate name', async () => {
    await f.key('ci', 'read')
    await expect(f.key('ci', 'write')).rejects.toThrow(/already exists/)
  })

  it('finds active keys by hash and forgets revoked ones', async () => {
    const key = await f.key('ci', 'write')
    const found = await f.deps.repo.findApiKeyByHash(await hashApiKey(key))
    expect(found).toMatchObject({ name: 'ci', scopes: ['write'], revokedAt: null })
    expect(await f.deps.repo.revokeApiKey('ci', '2026-03-12T01:00:00.000Z')).toBe(true)
    expect(await f.deps.repo.findApiKeyByHash(await hashApiKey(key))).toBeNull()
    expect(await f.deps.repo.revokeApiKey('ci', '2026-03-12T01:00:00.000Z')).toBe(false)
    const [listed] = await f.deps.repo.listApiKeys()
    expect(listed?.revokedAt).toBe('2026-03-12T01:00:00.000Z')
    expect(listed).not.toHaveProperty('keyHash')
  })

  it('writes last_used_at at most once a minute', async () => {
    const key = await f.key('ci', 'read')
    const { id } = (await f.deps.repo.findApiKeyByHash(await hashApiKey(key)))!
    await f.deps.repo.touchApiKey(id, '2026-03-12T00:00:00.000Z')
    await f.deps.repo.touchApiKey(id, '2026-03-12T00:00:30.000Z')
    expect((await rows('select last_used_at from api_keys'))[0]?.last_used_at).toBe(
      '2026-03-12T00:00:00.000Z',
    )
    await f.deps.repo.touchApiKey(id, '2026-03-12T00:01:00.000Z')
    expect((await rows('select last_used_at from api_keys'))[0]?.last_used_at).toBe(
      '2026-03-12T00:01:00.000Z',
    )
  })
})

describe('sessions', () => {
  it('finds unexpired sessions of unrevoked keys, by token hash only', async () => {
    const key = await f.key('editor', 'write')
    const { id } = (await f.deps.repo.findApiKeyByHash(await hashApiKey(key)))!
    const tokenHash = await hashSessionToken('token-1')
    await f.deps.repo.createSession({
      tokenHash,
      keyId: id,
      createdAt: '2026-03-12T00:00:00.000Z',
      expiresAt: '2026-03-12T12:00:00.000Z',
    })
    const s = await f.deps.repo.findSession(tokenHash, '2026-03-12T11:59:59.000Z')
    expect(s?.key.name).toBe('editor')
    expect(await f.deps.repo.findSession(tokenHash, '2026-03-12T12:00:00.000Z')).toBeNull()
    expect(JSON.stringify(await rows('select * from sessions'))).not.toContain('token-1')

    await f.deps.repo.deleteSession(tokenHash)
    expect(await f.deps.repo.findSession(tokenHash, '2026-03-12T01:00:00.000Z')).toBeNull()
  })

  it('revoking a key ends its sessions; new sessions sweep expired ones', async () => {
    const key = await f.key('editor', 'write')
    const { id } = (await f.deps.repo.findApiKeyByHash(await hashApiKey(key)))!
    const session = (n: number, createdAt: string, expiresAt: string) =>
      f.deps.repo.createSession({ tokenHash: `h${n}`, keyId: id, createdAt, expiresAt })
    await session(1, '2026-03-12T00:00:00.000Z', '2026-03-12T12:00:00.000Z')
    await session(2, '2026-03-13T00:00:00.000Z', '2026-03-13T12:00:00.000Z')
    expect((await rows('select token_hash from sessions')).map((r) => r.token_hash)).toEqual(['h2'])
    await f.deps.repo.revokeApiKey('editor', '2026-03-13T01:00:00.000Z')
    expect(await rows('select * from sessions')).toEqual([])
  })
})
