// Signed links in e-mails. The token is the only credential of the confirm and unsubscribe
// pages (the reader is not signed in), so it names its purpose and the subscription and is
// signed with the server secret; a confirm token also has to be the last one mailed.
import { sha256Hex } from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import { serverSecret, signToken, verifyToken } from '../../core/secrets.js'

export type LinkPurpose = 'confirm' | 'unsubscribe'

/** Confirmation links expire; unsubscribe links never do (old digests must keep working). */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000

const PATHS: Record<LinkPurpose, string> = {
  confirm: '/subscriptions/confirm',
  unsubscribe: '/unsubscribe',
}

type LinkDeps = Pick<Deps, 'config' | 'repo' | 'now'>

export async function emailToken(
  deps: LinkDeps,
  purpose: LinkPurpose,
  subscriptionId: string,
): Promise<string> {
  const secret = await serverSecret(deps)
  const expiresAt =
    purpose === 'confirm' ? new Date(deps.now().getTime() + CONFIRM_TTL_MS) : undefined
  // `n`: a nonce so that each confirmation mail's token differs (only the last one counts).
  const nonce = purpose === 'confirm' ? crypto.randomUUID() : undefined
  return signToken(secret, { p: purpose, s: subscriptionId, n: nonce }, { expiresAt })
}

/** The absolute link carrying a token, under `SITREP_PUBLIC_URL`. */
export function emailLink(deps: Pick<Deps, 'config'>, purpose: LinkPurpose, token: string) {
  return `${deps.config.publicUrl}${PATHS[purpose]}?token=${encodeURIComponent(token)}`
}

/** The subscription id a token of this purpose names; null when forged, expired or mistyped. */
export async function readEmailToken(
  deps: LinkDeps,
  purpose: LinkPurpose,
  token: string | undefined,
): Promise<string | null> {
  if (!token || token.length > 2000) return null
  const payload = await verifyToken(await serverSecret(deps), token, deps.now())
  if (!payload || payload.p !== purpose || typeof payload.s !== 'string') return null
  return payload.s
}

/** What storage keeps of a confirmation token (never the token itself). */
export const confirmTokenHash = (token: string) => sha256Hex(`confirm:${token}`)
