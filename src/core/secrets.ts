// The server secret and what it protects: webhook secrets at rest (AES-GCM) and signed tokens
// for e-mail links (HMAC-SHA256). Web Crypto only (globalThis.crypto), so Node and Workers share
// it. Keys are derived with HKDF under distinct labels, so a token signature can never be
// replayed as a ciphertext key or the other way round.
import type { Config } from './config.js'
import type { Repository } from '../storage/repository.js'

export const SERVER_SECRET_SETTING = 'server_secret'
const CIPHER_VERSION = 'v1'

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const subtle = () => globalThis.crypto.subtle
type Key = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>

export function base64url(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Throws on anything that is not base64url. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url')
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(bin, (c) => c.charCodeAt(0))
}

/** `bytes` random bytes in base64url (32 bytes: 256 bits, not guessable). */
export function randomSecret(bytes = 32): string {
  return base64url(globalThis.crypto.getRandomValues(new Uint8Array(bytes)))
}

/**
 * `SITREP_SECRET`, else the one stored in `settings`, else a new one stored for next time. The
 * store is insert-if-absent, so two processes starting at once agree on the same secret.
 */
export async function serverSecret(deps: {
  config: Pick<Config, 'secret'>
  repo: Pick<Repository, 'getSetting' | 'initSetting'>
}): Promise<string> {
  if (deps.config.secret) return deps.config.secret
  const stored = await deps.repo.getSetting(SERVER_SECRET_SETTING)
  if (stored) return stored
  return deps.repo.initSetting(SERVER_SECRET_SETTING, randomSecret())
}

async function derive(secret: string, label: string, usage: 'aes' | 'hmac'): Promise<Key> {
  const base = await subtle().importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
  const params = {
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(label),
  }
  return usage === 'aes'
    ? subtle().deriveKey(params, base, { name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ])
    : subtle().deriveKey(params, base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
        'sign',
        'verify',
      ])
}

const AT_REST_LABEL = 'sitrep secrets at rest v1'

export interface SecretBox {
  encrypt(plaintext: string): Promise<string>
  decrypt(ciphertext: string): Promise<string>
}

/**
 * AES-256-GCM under a key derived once from the server secret, for callers that handle many
 * secrets (a delivery run): `v1.<iv>.<ciphertext+tag>`, a fresh random 12-byte IV each time.
 */
export async function secretBox(secret: string): Promise<SecretBox> {
  const key = await derive(secret, AT_REST_LABEL, 'aes')
  return {
    async encrypt(plaintext) {
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(12))
      const ct = await subtle().encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(plaintext))
      return `${CIPHER_VERSION}.${base64url(iv)}.${base64url(new Uint8Array(ct))}`
    },
    async decrypt(ciphertext) {
      const [version, iv, ct, extra] = ciphertext.split('.')
      if (version !== CIPHER_VERSION || !iv || !ct || extra !== undefined) {
        throw new Error('not a sitrep ciphertext')
      }
      try {
        const plain = await subtle().decrypt(
          { name: 'AES-GCM', iv: fromBase64url(iv) },
          key,
          fromBase64url(ct),
        )
        return decoder.decode(plain)
      } catch {
        // One message for every failure: which part was wrong helps nobody but an attacker.
        throw new Error('cannot decrypt: altered ciphertext or another server secret')
      }
    },
  }
}

/** Encrypts one secret at rest (see secretBox). */
export async function encryptSecret(secret: string, plaintext: string): Promise<string> {
  return (await secretBox(secret)).encrypt(plaintext)
}

/** Inverse of encryptSecret; throws when the text was altered or the server secret differs. */
export async function decryptSecret(secret: string, ciphertext: string): Promise<string> {
  return (await secretBox(secret)).decrypt(ciphertext)
}

export interface TokenOptions {
  /** The token stops verifying at this time (stored as `exp`, unix seconds). */
  expiresAt?: Date
}

/** `<payload JSON, base64url>.<HMAC-SHA256, base64url>`, for links in e-mails. */
export async function signToken(
  secret: string,
  payload: Record<string, unknown>,
  opts: TokenOptions = {},
): Promise<string> {
  const body = opts.expiresAt
    ? { ...payload, exp: Math.floor(opts.expiresAt.getTime() / 1000) }
    : payload
  const data = base64url(encoder.encode(JSON.stringify(body)))
  const key = await derive(secret, 'sitrep tokens v1', 'hmac')
  const sig = await subtle().sign('HMAC', key, encoder.encode(data))
  return `${data}.${base64url(new Uint8Array(sig))}`
}

/** The payload of a token signed with this secret and not expired at `now`; else null. */
export async function verifyToken<T extends Record<string, unknown> = Record<string, unknown>>(
  secret: string,
  token: string,
  now: Date = new Date(),
): Promise<T | null> {
  const [data, sig, extra] = token.split('.')
  if (!data || !sig || extra !== undefined) return null
  try {
    const key = await derive(secret, 'sitrep tokens v1', 'hmac')
    // subtle.verify compares in constant time.
    const ok = await subtle().verify('HMAC', key, fromBase64url(sig), encoder.encode(data))
    if (!ok) return null
    const payload = JSON.parse(decoder.decode(fromBase64url(data))) as unknown
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null
    const exp = (payload as { exp?: unknown }).exp
    if (typeof exp === 'number' && exp * 1000 <= now.getTime()) return null
    return payload as T
  } catch {
    return null
  }
}

/** Hex HMAC-SHA256 of `message` keyed with the UTF-8 bytes of `secret` (webhook signatures). */
export async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await subtle().importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const sig = new Uint8Array(await subtle().sign('HMAC', key, encoder.encode(message)))
  return Array.from(sig, (b) => b.toString(16).padStart(2, '0')).join('')
}
