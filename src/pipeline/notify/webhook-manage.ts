// Subscription management shared by the API and the web pages: validation, the webhook secret
// (generated here, returned once, stored only encrypted) and ownership. A key sees and changes
// its own subscriptions; an admin key sees all. Others' ids answer 404, never 403, so ids of
// other keys' subscriptions cannot be probed.
import type { Channel, DigestMode } from '../../../db/schema/vocab.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { encryptSecret, randomSecret, serverSecret } from '../../core/secrets.js'
import type { Page } from '../../core/types.js'
import type { SubscriptionRecord } from '../../storage/repository.js'
import { assertUrlAllowed } from '../fetch/ssrf.js'
import { emailUnavailable, sendConfirmation } from './email-deliver.js'
import { checkTopic } from './webhook-topic.js'

export const WEBHOOK_SECRET_PREFIX = 'whsec_'

export interface SubscriptionInput {
  topic: string
  channel: Channel
  target: string
  mode?: DigestMode | undefined
}

/** Who acts: the API key (or the signed-in editor's key) and whether it is an admin. */
export interface Owner {
  keyId: string
  admin: boolean
}

export interface CreatedSubscription {
  subscription: SubscriptionRecord
  /** The webhook signing secret, in clear this once; null for e-mail. */
  secret: string | null
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/

export async function createSubscription(
  deps: Deps,
  input: SubscriptionInput,
  owner: Owner,
): Promise<CreatedSubscription> {
  const topic = await checkTopic(deps, input.topic.trim())
  const target = input.target.trim()
  const mode = input.mode ?? 'immediate'
  const base = {
    id: `sub_${randomSecret(12)}`,
    topic,
    channel: input.channel,
    target,
    mode,
    disabledReason: null,
    confirmTokenHash: null,
    consecutiveFailures: 0,
    keyId: owner.keyId,
    createdAt: deps.now().toISOString(),
    confirmedAt: null,
    lastDigestAt: null,
  }
  if (input.channel === 'webhook') {
    await checkWebhook(deps, target, mode)
    const secret = WEBHOOK_SECRET_PREFIX + randomSecret()
    const secretEnc = await encryptSecret(await serverSecret(deps), secret)
    const subscription: SubscriptionRecord = { ...base, secretEnc, status: 'active' }
    await deps.repo.createSubscription(subscription)
    return { subscription, secret }
  }
  if (!EMAIL.test(target) || target.length > 254) {
    throw new AppError('bad_request', `target: not an e-mail address: ${target}`)
  }
  const unavailable = emailUnavailable(deps)
  if (unavailable) throw new AppError('bad_request', unavailable)
  const subscription: SubscriptionRecord = { ...base, secretEnc: null, status: 'pending' }
  await deps.repo.createSubscription(subscription)
  await confirmOrUndo(deps, subscription)
  return { subscription, secret: null }
}

/** Sends the opt-in mail; a subscription whose mail could not go out is not kept. */
async function confirmOrUndo(deps: Deps, sub: SubscriptionRecord): Promise<void> {
  try {
    await sendConfirmation(deps, sub)
  } catch (err) {
    await deps.repo.deleteSubscription(sub.id)
    throw err
  }
}

async function checkWebhook(deps: Deps, url: string, mode: DigestMode): Promise<void> {
  if (mode !== 'immediate') {
    throw new AppError('bad_request', 'mode: webhooks are sent as events happen ("immediate")')
  }
  if (url.length > 2000)
    throw new AppError('bad_request', 'target: URL longer than 2000 characters')
  await assertUrlAllowed(url, {
    allowPrivateNetworks: deps.config.allowPrivateNetworks,
    resolve: deps.http.resolve?.bind(deps.http),
  })
}

export async function ownSubscription(
  deps: Deps,
  id: string,
  owner: Owner,
): Promise<SubscriptionRecord> {
  const sub = await deps.repo.getSubscription(id)
  if (!sub || (!owner.admin && sub.keyId !== owner.keyId)) {
    throw new AppError('not_found', `no subscription with id ${id}`)
  }
  return sub
}

export function listOwnSubscriptions(
  deps: Deps,
  owner: Owner,
  page: { limit: number; cursor: string | null },
): Promise<Page<SubscriptionRecord>> {
  return deps.repo.listSubscriptions({ keyId: owner.admin ? null : owner.keyId, ...page })
}

export async function removeSubscription(deps: Deps, id: string, owner: Owner): Promise<void> {
  await ownSubscription(deps, id, owner)
  await deps.repo.deleteSubscription(id)
}

/** Re-enables a disabled subscription (its failed deliveries are retried now). */
export async function reenableSubscription(
  deps: Deps,
  id: string,
  owner: Owner,
): Promise<SubscriptionRecord> {
  const sub = await ownSubscription(deps, id, owner)
  if (sub.status === 'active') return sub
  if (sub.status !== 'disabled') {
    const why = sub.status === 'pending' ? 'it waits for its e-mail confirmation' : 'it ended'
    throw new AppError('bad_request', `subscription ${id} is ${sub.status}: ${why}`)
  }
  await deps.repo.enableSubscription(id, deps.now().toISOString())
  return ownSubscription(deps, id, owner)
}
