// Builds (or reuses) the HTTP bench database: 10,000 incidents and 50,000 articles written through
// the repository's own `saveArticle` bundles, so every derived table (FTS, entity and term indexes,
// timeline, links, counters) is filled exactly as a crawl would fill it, minus the clustering cost.
// Cached under the OS temp folder, keyed by the migrations and this generator's version.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EntityRecord, IncidentLink } from '../../src/core/types.js'
import { hashId } from '../../src/core/ids.js'
import type { ArticleBundle, StoredIncident } from '../../src/storage/repository.js'
import { migrationsDir, openSqlite } from '../../src/storage/sqlite-node.js'
import * as gen from './bench-http-data.js'

const GENERATOR_VERSION = 1
export const INCIDENTS = Number(process.env.BENCH_HTTP_INCIDENTS ?? 10_000)
export const ARTICLES = Number(process.env.BENCH_HTTP_ARTICLES ?? 50_000)

/** Schema version: a hash of every migration file, so a new migration rebuilds the cache. */
function cacheKey(): string {
  const dir = migrationsDir()
  const h = createHash('sha256').update(`v${GENERATOR_VERSION}:${INCIDENTS}:${ARTICLES}`)
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.sql'))
    .sort())
    h.update(f).update(readFileSync(join(dir, f)))
  return h.digest('hex').slice(0, 16)
}

/** Articles per incident: 1 to 9, summing to exactly ARTICLES. */
function articleCounts(): number[] {
  const counts = Array.from({ length: INCIDENTS }, (_, i) => ((i * 7) % 9) + 1)
  let diff = ARTICLES - counts.reduce((a, b) => a + b, 0)
  for (let i = 0; diff !== 0; i = (i + 1) % INCIDENTS) {
    const step = diff > 0 ? 1 : -1
    const next = counts[i]! + step
    if (next >= 1 && next <= 12) {
      counts[i] = next
      diff -= step
    }
  }
  return counts
}

export async function benchDatabase(
  log: (m: string) => void,
): Promise<{ url: string; built: boolean }> {
  const dir = join(tmpdir(), 'sitrep-bench-http', cacheKey())
  const file = join(dir, 'bench.db')
  if (existsSync(file)) return { url: `file:${file}`, built: false }
  mkdirSync(dir, { recursive: true })
  const tmp = join(dir, `building-${process.pid}.db`)
  const started = Date.now()
  await fill(`file:${tmp}`, log)
  for (const ext of ['-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true })
  renameSync(tmp, file)
  log(
    `built ${INCIDENTS} incidents / ${ARTICLES} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return { url: `file:${file}`, built: true }
}

async function fill(url: string, log: (m: string) => void): Promise<void> {
  const handle = await openSqlite(url)
  // Bench data is disposable: skip fsync per batch (10x faster builds); reads are unaffected.
  await handle.client.execute('PRAGMA synchronous = OFF')
  try {
    const r = gen.rng(6)
    const pool = await gen.entityPool(hashId)
    const counts = articleCounts()
    const ids: string[] = []
    const t0 = Date.parse('2024-06-01T00:00:00Z')
    const span = 730 * 86_400_000
    for (let i = 0; i < INCIDENTS; i++) {
      const start = t0 + Math.floor((i / INCIDENTS) * span + r() * 86_400_000)
      const id = await hashId('inc', `bench-${i}`)
      const link = linkFor(r, id, ids)
      await saveIncident(handle.repo.saveArticle.bind(handle.repo), r, pool, {
        i,
        id,
        start,
        count: counts[i]!,
        link,
      })
      ids.push(id)
      if ((i + 1) % 1000 === 0) log(`  ${i + 1} incidents written`)
    }
    await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    await handle.client.execute('ANALYZE')
  } finally {
    handle.close()
  }
}

/** About one incident in eight is caused by or related to a recent earlier one. */
function linkFor(r: gen.Rand, id: string, earlier: string[]): IncidentLink | null {
  if (earlier.length < 10 || r() > 0.125) return null
  const to = earlier[earlier.length - 1 - Math.floor(r() * Math.min(200, earlier.length))]!
  const relation = r() < 0.5 ? 'caused_by' : r() < 0.5 ? 'related' : 'same_actor'
  return {
    fromId: id,
    toId: to,
    relation,
    evidence: 'Investigators traced the intrusion to the earlier breach.',
  }
}

type Save = (b: ArticleBundle) => Promise<void>
interface Plan {
  i: number
  id: string
  start: number
  count: number
  link: IncidentLink | null
}

async function saveIncident(save: Save, r: gen.Rand, pool: gen.Pool, p: Plan): Promise<void> {
  const cast = gen.castStory(r, pool)
  const ents = gen.castEntities(cast)
  const mentions = gen.mentionsOf(cast)
  const summary: StoredIncident['summary'] = []
  const sources: string[] = []
  for (let k = 0; k < p.count; k++) {
    const at = new Date(p.start + k * 16 * 3_600_000 + Math.floor(r() * 3_600_000)).toISOString()
    const outlet = gen.OUTLETS[(p.i + k) % gen.OUTLETS.length]!
    const title = gen.storyTitle(cast, k)
    const url = `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/${at.slice(0, 7)}/${p.i}-${k}`
    const articleId = await hashId('art', url)
    const sentences = gen.storyText(cast, at, k)
    if (summary.length < 3)
      summary.push({ text: sentences[summary.length]!, articleId, sourceUrl: url })
    if (!sources.includes(outlet)) sources.push(outlet)
    const firstSeen = new Date(p.start).toISOString()
    const incident: StoredIncident = {
      id: p.id,
      title: gen.storyTitle(cast, 0),
      summary: [...summary],
      kind: 'incident',
      firstSeen,
      lastSeen: at,
      articleCount: k + 1,
      mergedInto: null,
      updatedAt: at,
      profile: {
        n: k + 1,
        entities: profileEntities(ents, k + 1),
        terms: {},
        sources: [...sources],
      },
    }
    await save({
      article: {
        id: articleId,
        url,
        title,
        source: outlet,
        publishedAt: at,
        fetchedAt: at,
        text: sentences.join(' '),
        origin: 'feed',
        feedId: null,
        guid: null,
      },
      mentions,
      entities: ents.map((e) => ({ ...e, firstSeenAt: e.firstSeenAt ?? at })),
      events: gen.eventsOf(sentences, articleId, url, at),
      incident,
      incidentEntities: ents.map((e) => ({ entityId: e.id, articleCount: k + 1, lastSeen: at })),
      mergedIncidentIds: [],
      links: k === 0 && p.link ? [p.link] : [],
      terms: title
        .toLowerCase()
        .split(/\W+/)
        .filter((t) => t.length > 3),
      indexTerms: title
        .toLowerCase()
        .split(/\W+/)
        .filter((t) => t.length > 5)
        .slice(0, 4),
      newIncident: k === 0,
      bands: [],
      dedup: null,
    })
  }
}

function profileEntities(ents: EntityRecord[], n: number) {
  return Object.fromEntries(ents.map((e) => [e.id, [e.type, n] as [EntityRecord['type'], number]]))
}
