// Loads a gold window from ../shared (beside the repo) and joins labels with article text.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const SHARED =
  process.env.SITREP_SHARED_DIR ?? fileURLToPath(new URL('../../../shared/', import.meta.url))

export interface GoldEntity {
  name: string
  type: string
  surface: string[]
  alt_types?: string[]
}

export interface GoldArticle {
  id: string
  incident: string | null
  entities: GoldEntity[]
  url: string
  title: string
  published: string | null
  text: string
  source: string
}

export interface GoldIncident {
  incident: string
  title: string
  links: { to: string; relation: string }[]
  key_entities: string[]
  timeline: { date: string; event: string }[]
}

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)

let articleCache: Map<string, Record<string, unknown>> | null = null

function articlesById(): Map<string, Record<string, unknown>> {
  if (!articleCache) {
    articleCache = new Map()
    for (const r of readJsonl<Record<string, unknown>>(join(SHARED, 'data/news/articles.jsonl'))) {
      articleCache.set(String(r.id), r)
    }
  }
  return articleCache
}

export function goldAvailable(window: string): boolean {
  return existsSync(join(SHARED, 'data/gold', `${window}.labels.jsonl`))
}

export function loadGold(window: string): { articles: GoldArticle[]; incidents: GoldIncident[] } {
  const labels = readJsonl<{ id: string; incident?: string | null; entities: GoldEntity[] }>(
    join(SHARED, 'data/gold', `${window}.labels.jsonl`),
  )
  const byId = articlesById()
  const articles = labels.flatMap((l) => {
    const a = byId.get(l.id)
    if (!a) return []
    return [
      {
        id: l.id,
        incident: l.incident ?? null,
        entities: l.entities,
        url: String(a.url),
        title: String(a.title ?? ''),
        published: (a.published as string | null) ?? null,
        text: String(a.text ?? ''),
        source: String(a.source ?? ''),
      },
    ]
  })
  const incPath = join(SHARED, 'data/gold', `${window}.incidents.jsonl`)
  const incidents = existsSync(incPath) ? readJsonl<GoldIncident>(incPath) : []
  return { articles, incidents }
}
