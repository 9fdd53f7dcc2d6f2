// API keys and editor sessions: pure functions over Web Crypto, so the Node server and the
// Worker share them. Only hashes are ever stored; a key or session token exists in clear only in
// the hands of its owner.
import { API_SCOPES, type ApiScope } from '../../db/schema/vocab.js'

export const API_KEY_PREFIX = 'sitrep_'
/** Characters of a key kept in clear (`sitrep_` + 5), enough to tell keys apart in a list. */
export const KEY_PREFIX_LENGTH = 12
export const SESSION_COOKIE = 'sitrep_session'
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000
/** Form field (or `X-CSRF-Token` header) carrying the CSRF token of a cookie session. */
export const CSRF_FIELD = '_csrf'
/** `last_used_at` is informational: one write a minute per key keeps reads from becoming writes. */
export const TOUCH_INTERVAL_MS = 60_000

const encoder = new TextEncoder()

function base64url(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function randomToken(): string {
  return base64url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}

/** A new API key: `sitrep_` + 32 random bytes in base64url (256 bits: not guessable). */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomToken()
}

/** A new session token (32 random bytes, base64url); the cookie carries it, the DB its hash. */
export function generateSessionToken(): string {
  return randomToken()
}

/**
 * SHA-256 in hex. A plain hash (no salt, no slow KDF) is right here: keys and tokens are 256-bit
 * random strings, so there is nothing to brute-force, and lookups stay one indexed query.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

export const hashApiKey = (key: string) => sha256Hex(key)
export const hashSessionToken = (token: string) => sha256Hex(`session:${token}`)

/**
 * The CSRF token of a session: derived from the (secret, HttpOnly) session token, so a page can
 * embed it without exposing the token itself and a cross-site form cannot know it.
 */
export const csrfTokenOf = (sessionToken: string) => sha256Hex(`csrf:${sessionToken}`)

export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX_LENGTH)
}

/** Cheap shape check before any hashing or DB lookup. */
export function looksLikeApiKey(value: string): boolean {
  return /^sitrep_[A-Za-z0-9_-]{43}$/.test(value)
}

export function parseScope(value: string): ApiScope | null {
  return (API_SCOPES as readonly string[]).includes(value) ? (value as ApiScope) : null
}

/** `admin` ⊇ `write` ⊇ `read`: a key holds a scope when it holds that scope or a higher one. */
export function hasScope(scopes: readonly ApiScope[], needed: ApiScope): boolean {
  const rank = API_SCOPES.indexOf(needed)
  return scopes.some((s) => API_SCOPES.indexOf(s) >= rank)
}

/** Constant-time string comparison (for CSRF tokens). */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/** True when a key's `last_used_at` is old enough to be worth another write. */
export function touchDue(lastUsedAt: string | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - Date.parse(lastUsedAt) >= TOUCH_INTERVAL_MS
}
