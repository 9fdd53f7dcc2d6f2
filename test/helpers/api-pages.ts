// Reads whole collections through API v1 (following next_cursor), for before/after comparisons
// of what a crawl stored.
import { openApp } from './app.js'

export interface ArticleJson {
  id: string
  url: string
  title: string
  source: string
  published_at: string
  incident_id: string
  entities: { id: string; name: string; type: string }[]
}

export interface FeedJson {
  id: string
  url: string
  name: string | null
  status: string
  error_count: number
  last_error: string | null
  last_status: number | null
  last_success_at: string | null
  next_fetch_at: string | null
  failing_since: string | null
  failing_for_a_day: boolean
  interval_minutes: number | null
}

type Api = Awaited<ReturnType<typeof openApp>>
type Page<T> = { data: T[]; next_cursor: string | null }

/** Every item of a paginated collection, in API order. */
export async function allPages<T>(api: Api, path: string): Promise<T[]> {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const sep = path.includes('?') ? '&' : '?'
    const url: string = `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const res = await api.get<Page<T>>(url)
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`)
    out.push(...res.body.data)
    cursor = res.body.next_cursor
  } while (cursor)
  return out
}

/** Opens the database through the real app, runs `fn`, and closes it again. */
export async function withApi<T>(databaseUrl: string, fn: (api: Api) => Promise<T>): Promise<T> {
  const api = await openApp(databaseUrl)
  try {
    return await fn(api)
  } finally {
    api.close()
  }
}

export const listFeeds = (databaseUrl: string) =>
  withApi(
    databaseUrl,
    async (api) => (await api.get<{ data: FeedJson[] }>('/api/v1/feeds')).body.data,
  )

export const listArticles = (databaseUrl: string) =>
  withApi(databaseUrl, (api) => allPages<ArticleJson>(api, '/api/v1/articles'))

/** Articles, incidents and entities exactly as the API serves them. */
export const apiSnapshot = (databaseUrl: string) =>
  withApi(databaseUrl, async (api) => ({
    articles: await allPages<ArticleJson>(api, '/api/v1/articles'),
    incidents: await allPages<Record<string, unknown>>(api, '/api/v1/incidents'),
    entities: await allPages<Record<string, unknown>>(api, '/api/v1/entities'),
  }))
