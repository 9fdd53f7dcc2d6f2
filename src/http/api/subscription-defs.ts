// Request and response schemas of the subscription routes, and the JSON of a stored
// subscription. The webhook secret appears in exactly one response: the 201 that created it.
import { z } from '@hono/zod-openapi'
import { CHANNELS, DELIVERY_STATUSES, DIGEST_MODES } from '../../../db/schema/vocab.js'
import { SUBSCRIPTION_STATUSES } from '../../../db/schema/vocab.js'
import type { DeliveryStatus } from '../../../db/schema/vocab.js'
import type { DeliveryAttemptRecord, SubscriptionRecord } from '../../storage/repository.js'

export const SubscriptionCreateBody = z
  .object({
    topic: z.string().trim().min(1).max(300).openapi({
      description: '`entity:<id>`, `tag:<tag>`, `q:<full-text query>` or `watchlist:<id>`',
      example: 'tag:ransomware',
    }),
    channel: z.enum(CHANNELS),
    target: z.string().trim().min(1).max(2000).openapi({
      description: 'webhook: an http(s) URL; email: an address (double opt-in)',
      example: 'https://hooks.example.com/sitrep',
    }),
    mode: z.enum(DIGEST_MODES).optional().openapi({
      description: 'e-mail only: `immediate` (default) or `daily`; webhooks are immediate',
    }),
  })
  .strict()
  .openapi('SubscriptionCreate')

export const SubscriptionListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(512).optional(),
  })
  .strict()

// Plain shapes, not `.extend()` of a named schema: that would document an `allOf`, which closed
// objects (the API tests close every object) cannot satisfy.
const subscriptionShape = {
  id: z.string(),
  topic: z.string(),
  channel: z.enum(CHANNELS),
  target: z.string(),
  mode: z.enum(DIGEST_MODES),
  status: z.enum(SUBSCRIPTION_STATUSES).openapi({
    description: '`pending`: e-mail not yet confirmed; `disabled`: after persistent failure',
  }),
  disabled_reason: z.string().nullable().openapi({
    example: '8 consecutive failures since 2026-03-20T10:00:00.000Z; last: HTTP 500',
  }),
  consecutive_failures: z.number().int(),
  key_id: z.string().nullable().openapi({ description: 'the API key that created it' }),
  created_at: z.string(),
  confirmed_at: z.string().nullable(),
}

export const SubscriptionSchema = z.object(subscriptionShape).openapi('Subscription')

export const SubscriptionCreatedSchema = z
  .object({
    ...subscriptionShape,
    secret: z.string().optional().openapi({
      description:
        'webhooks only: the signing secret, shown this once (sitrep keeps it encrypted and never shows it again)',
      example: 'whsec_3q2-7wE…',
    }),
  })
  .openapi('SubscriptionCreated')

export const DeliveryAttemptSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    ok: z.boolean(),
    status_code: z.number().int().nullable(),
    error: z.string().nullable(),
    duration_ms: z.number().int().nullable(),
    notification_ids: z.array(z.string()),
  })
  .openapi('DeliveryAttempt')

const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, z.number().int()])) as Record<
  DeliveryStatus,
  z.ZodNumber
>

export const SubscriptionDetailSchema = z
  .object({
    ...subscriptionShape,
    notifications: z.object(counts).openapi({ description: 'notifications by delivery status' }),
    deliveries: z
      .array(DeliveryAttemptSchema)
      .openapi({ description: 'the last 50 delivery attempts, newest first' }),
  })
  .openapi('SubscriptionDetail')

export function subscriptionJson(s: SubscriptionRecord) {
  return {
    id: s.id,
    topic: s.topic,
    channel: s.channel,
    target: s.target,
    mode: s.mode,
    status: s.status,
    disabled_reason: s.disabledReason,
    consecutive_failures: s.consecutiveFailures,
    key_id: s.keyId,
    created_at: s.createdAt,
    confirmed_at: s.confirmedAt,
  }
}

export function deliveryJson(a: DeliveryAttemptRecord) {
  return {
    id: a.id,
    at: a.at,
    ok: a.ok,
    status_code: a.statusCode,
    error: a.error,
    duration_ms: a.durationMs,
    notification_ids: a.notificationIds,
  }
}

export function countsJson(c: Partial<Record<DeliveryStatus, number>>) {
  return Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, c[s] ?? 0])) as Record<
    DeliveryStatus,
    number
  >
}
