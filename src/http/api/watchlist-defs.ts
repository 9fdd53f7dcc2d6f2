// Request and response schemas of the dependency watchlist routes, and their serializers.
import { z } from '@hono/zod-openapi'
import { CHANNELS, DIGEST_MODES, LOCKFILE_FORMATS } from '../../../db/schema/vocab.js'
import type { CurrentMatch } from '../../pipeline/watchlist/manage.js'
import type { WatchlistRecord, WatchlistSummary } from '../../storage/repository.js'
import { IncidentSummarySchema } from './schemas.js'
import { incidentSummaryJson } from './serialize.js'
import { SubscriptionCreatedSchema } from './subscription-defs.js'

export const WatchlistCreateBody = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: 'model-gateway' }),
    filename: z.string().trim().min(1).max(255).openapi({
      description:
        'decides the format: package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, requirements*.txt, poetry.lock, *.cdx.json / bom.json / *.cdx.xml (any other name: detected from the content)',
      example: 'requirements.txt',
    }),
    content: z
      .string()
      .min(1)
      .openapi({ description: 'the file, as text (at most 5 MB)', example: 'litellm==1.82.7\n' }),
    channel: z.enum(CHANNELS).optional().openapi({ description: 'with `target`: subscribe it' }),
    target: z.string().trim().min(1).max(2000).optional().openapi({
      description: 'webhook URL or e-mail address',
      example: 'https://hooks.example/sitrep',
    }),
    mode: z.enum(DIGEST_MODES).optional(),
  })
  .strict()
  .openapi('WatchlistCreate')

export const WatchedPackageSchema = z
  .object({
    ecosystem: z
      .string()
      .openapi({ description: 'purl type: npm, pypi, maven, ...', example: 'pypi' }),
    name: z.string().openapi({ description: 'PyPI names PEP 503 normalized', example: 'litellm' }),
    version: z
      .string()
      .nullable()
      .openapi({ description: 'null when the file pins no exact version' }),
    spec: z.string().optional().openapi({ description: 'the range as written (requirements.txt)' }),
  })
  .openapi('WatchedPackage')

// A plain shape, spread into the detailed schemas: `.extend()` of a named schema renders as
// `allOf`, which closed-object validation (test/api) cannot combine.
const watchlistShape = {
  id: z.string().openapi({ example: 'wl_3655a41adfdc6451' }),
  name: z.string(),
  format: z.enum(LOCKFILE_FORMATS),
  package_count: z.number().int(),
  key_id: z.string().nullable(),
  created_at: z.string(),
}

export const WatchlistSchema = z.object(watchlistShape).openapi('Watchlist')

export const WatchMatchSchema = z
  .object({
    ecosystem: z.string(),
    name: z.string(),
    version: z.string().nullable(),
    affected: z.enum(['affected', 'not_affected', 'unknown']).openapi({
      description:
        '`affected`: the pinned version is named (or in a named range); `not_affected`: versions are named and it is not one; `unknown`: no version named, or none pinned',
    }),
    affected_versions: z
      .array(z.string())
      .openapi({ description: 'as the articles state them', example: ['1.82.7', '1.82.8'] }),
  })
  .openapi('WatchMatch')

export const WatchlistCreatedSchema = z
  .object({
    ...watchlistShape,
    packages: z.array(WatchedPackageSchema),
    warnings: z.array(z.string()).openapi({ description: 'lines or entries skipped, and why' }),
    subscription_id: z.string().optional(),
    // with channel and target: the subscription to `watchlist:<id>` (a webhook secret only here)
    subscription: SubscriptionCreatedSchema.optional(),
  })
  .openapi('WatchlistCreated')

export const WatchlistDetailSchema = z
  .object({
    ...watchlistShape,
    packages: z.array(WatchedPackageSchema),
    matches: z
      .array(z.object({ incident: IncidentSummarySchema, packages: z.array(WatchMatchSchema) }))
      .openapi({ description: 'incidents of the last 90 days naming its packages, newest first' }),
  })
  .openapi('WatchlistDetail')

export const watchlistJson = (w: WatchlistSummary) => ({
  id: w.id,
  name: w.name,
  format: w.format,
  package_count: w.packageCount,
  key_id: w.keyId,
  created_at: w.createdAt,
})

export const recordJson = (w: WatchlistRecord) => ({
  ...watchlistJson({ ...w, packageCount: w.packages.length }),
  packages: w.packages.map((p) => ({
    ecosystem: p.ecosystem,
    name: p.name,
    version: p.version,
    ...(p.spec ? { spec: p.spec } : {}),
  })),
})

export const matchesJson = (matches: CurrentMatch[]) =>
  matches.map((m) => ({ incident: incidentSummaryJson(m.incident), packages: m.packages }))
