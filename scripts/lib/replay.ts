// Runs gold articles through a fresh sitrep database exactly as a user would: JSON Lines-shaped
// items into the ingest path, then reads incident ids and entities back through API v1.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNodeRuntime } from '../../src/entry/node-deps.js'
import { createApp } from '../../src/http/app.js'
import type { ClusterParams } from '../../src/pipeline/cluster/assign.js'
import { createPipelineContext } from '../../src/pipeline/context.js'
import { parseKnowledgeFile } from '../../src/pipeline/extract/kb-import.js'
import { ingestItems } from '../../src/pipeline/ingest.js'
import { canonicalizeUrl } from '../../src/pipeline/parse/url.js'
import type { GoldArticle } from './gold.js'
import type { PredictedIncident } from './incident-eval.js'
import { readPredictedLinks, type PredictedLink } from './links-eval.js'

export interface ReplayResult {
  incidentOf: Map<string, string | null>
  entitiesOf: Map<string, { name: string; type: string }[]>
  incidents: Map<string, PredictedIncident & { related: { id: string; relation: string }[] }>
  links: PredictedLink[]
}

type ApiArticle = {
  url: string
  incident_id: string | null
  entities: { name: string; type: string }[]
}

export async function replay(
  articles: GoldArticle[],
  kbFiles: string[],
  params?: ClusterParams,
): Promise<ReplayResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'))
  const rt = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'eval.db')}`,
    SITREP_FETCH_PAGES: '0',
    SITREP_SEED_FEEDS: '0',
    SITREP_LOG_LEVEL: 'error',
  })
  try {
    for (const file of kbFiles) {
      const entries = await parseKnowledgeFile(JSON.parse(readFileSync(file, 'utf8')), file)
      await rt.deps.repo.upsertEntities(
        entries.map((e) => ({
          ...e,
          origin: 'import',
          provisional: false,
          description: null,
          firstSeenAt: null,
        })),
        new Date().toISOString(),
      )
    }
    const ctx = await createPipelineContext(rt.deps, params)
    const items = articles.map((a) => ({
      url: a.url,
      title: a.title,
      published: a.published ? new Date(a.published).toISOString() : null,
      text: a.text,
      source: a.source,
    }))
    const stats = await ingestItems(rt.deps, ctx, items, {
      origin: 'ingest',
      feedId: null,
      source: null,
    })
    if (stats.errors.length)
      console.error(
        `replay: ${stats.errors.length} item errors, first: ${stats.errors[0]?.message}`,
      )
    const byUrl = await readAllArticles(createApp(rt.deps))
    const incidentOf = new Map<string, string | null>()
    const entitiesOf = new Map<string, { name: string; type: string }[]>()
    for (const a of articles) {
      const got = byUrl.get(canonicalizeUrl(a.url) ?? a.url)
      incidentOf.set(a.id, got?.incident_id ?? null)
      entitiesOf.set(a.id, got?.entities ?? [])
    }
    const app = createApp(rt.deps)
    const incidents: ReplayResult['incidents'] = new Map()
    for (const id of new Set([...incidentOf.values()].filter((v): v is string => !!v))) {
      const res = await app.request(`/api/v1/incidents/${id}`)
      if (res.ok)
        incidents.set(
          id,
          (await res.json()) as ReplayResult['incidents'] extends Map<string, infer V> ? V : never,
        )
    }
    const idByUrl = new Map(articles.map((a) => [canonicalizeUrl(a.url) ?? a.url, a.id]))
    const links = await readPredictedLinks(app, (url) => idByUrl.get(url))
    return { incidentOf, entitiesOf, incidents, links }
  } finally {
    await rt.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function readAllArticles(
  app: ReturnType<typeof createApp>,
): Promise<Map<string, ApiArticle>> {
  const out = new Map<string, ApiArticle>()
  let cursor: string | null = null
  do {
    const qs: string = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const res = await app.request(`/api/v1/articles?${qs}`)
    const body = (await res.json()) as { data: ApiArticle[]; next_cursor: string | null }
    for (const a of body.data) out.set(a.url, a)
    cursor = body.next_cursor
  } while (cursor)
  return out
}
