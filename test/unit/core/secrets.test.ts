import { describe, expect, it } from 'vitest'
import { createHmac } from 'node:crypto'
import {
  decryptSecret,
  encryptSecret,
  hmacHex,
  randomSecret,
  serverSecret,
  signToken,
  verifyToken,
} from '../../../src/core/secrets.js'

const SECRET = 'a-server-secret-of-some-length'

function memorySettings() {
  const store = new Map<string, string>()
  let writes = 0
  return {
    store,
    writes: () => writes,
    repo: {
      getSetting: async (k: string) => store.get(k) ?? null,
      initSetting: async (k: string, v: string) => {
        writes++
        if (!store.has(k)) store.set(k, v)
        return store.get(k)!
      },
    },
  }
}

describe('server secret', () => {
  it('prefers SITREP_SECRET and never stores it', async () => {
    const s = memorySettings()
    expect(await serverSecret({ config: { secret: SECRET }, repo: s.repo })).toBe(SECRET)
    expect(s.store.size).toBe(0)
  })

  it('generates one secret once and keeps it', async () => {
    const s = memorySettings()
    const first = await serverSecret({ config: { secret: null }, repo: s.repo })
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await serverSecret({ config: { secret: null }, repo: s.repo })).toBe(first)
    expect(s.writes()).toBe(1)
    expect(s.store.get('server_secret')).toBe(first)
  })

  it('agrees with a secret another process stored first', async () => {
    const s = memorySettings()
    const racing = { ...s.repo, getSetting: async () => null }
    s.store.set('server_secret', 'theirs')
    expect(await serverSecret({ config: { secret: null }, repo: racing })).toBe('theirs')
  })
})

describe('encryptSecret / decryptSecret', () => {
  it('round-trips with a fresh IV each time', async () => {
    const a = await encryptSecret(SECRET, 'whsec_hello')
    const b = await encryptSecret(SECRET, 'whsec_hello')
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('hello')
    expect(await decryptSecret(SECRET, a)).toBe('whsec_hello')
    expect(await decryptSecret(SECRET, b)).toBe('whsec_hello')
  })

  it('refuses another server secret, altered text and foreign formats', async () => {
    const c = await encryptSecret(SECRET, 'x'.repeat(40))
    await expect(decryptSecret('another-secret-entirely', c)).rejects.toThrow(/cannot decrypt/)
    const [v, iv, ct] = c.split('.') as [string, string, string]
    const flipped = ct.slice(0, 5) + (ct[5] === 'A' ? 'B' : 'A') + ct.slice(6)
    await expect(decryptSecret(SECRET, `${v}.${iv}.${flipped}`)).rejects.toThrow(/cannot decrypt/)
    await expect(decryptSecret(SECRET, `v2.${iv}.${ct}`)).rejects.toThrow(/not a sitrep/)
    await expect(decryptSecret(SECRET, 'plain')).rejects.toThrow(/not a sitrep/)
  })
})

describe('signToken / verifyToken', () => {
  it('verifies its own tokens and returns the payload', async () => {
    const t = await signToken(SECRET, { sub: 'sub_1', action: 'unsubscribe' })
    expect(t).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(await verifyToken(SECRET, t)).toEqual({ sub: 'sub_1', action: 'unsubscribe' })
  })

  it('rejects tampering, other secrets and garbage', async () => {
    const t = await signToken(SECRET, { sub: 'sub_1' })
    const [data, sig] = t.split('.') as [string, string]
    const forged = Buffer.from(JSON.stringify({ sub: 'sub_2' })).toString('base64url')
    expect(await verifyToken(SECRET, `${forged}.${sig}`)).toBeNull()
    expect(await verifyToken('another-secret-entirely', t)).toBeNull()
    expect(await verifyToken(SECRET, `${data}.${sig}.x`)).toBeNull()
    expect(await verifyToken(SECRET, 'not a token')).toBeNull()
    expect(await verifyToken(SECRET, `${data}.***`)).toBeNull()
    expect(await verifyToken(SECRET, '')).toBeNull()
  })

  it('honours the expiry', async () => {
    const now = new Date('2026-04-01T00:00:00Z')
    const t = await signToken(SECRET, { sub: 's' }, { expiresAt: new Date(now.getTime() + 60_000) })
    expect(await verifyToken(SECRET, t, now)).toMatchObject({ sub: 's' })
    expect(await verifyToken(SECRET, t, new Date(now.getTime() + 60_000))).toBeNull()
  })
})

describe('hmacHex', () => {
  it('matches node:crypto createHmac (what receivers run)', async () => {
    const secret = `whsec_${randomSecret()}`
    const message = '1775000000.{"id":"ntf_1","text":"é ✓"}'
    const expected = createHmac('sha256', secret).update(message).digest('hex')
    expect(await hmacHex(secret, message)).toBe(expected)
  })
})
