// A database filled through the real CLI from hand-written stories, and the real app over it
// with API keys made the way `sitrep keys create` makes them.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ApiScope } from '../../db/schema/vocab.js'
import { generateApiKey, hashApiKey, keyPrefix } from '../../src/core/api-keys.js'
import { parseConfig } from '../../src/core/config.js'
import type { Deps } from '../../src/core/deps.js'
import { silentLogger } from '../../src/core/log.js'
import { createApp } from '../../src/http/app.js'
import { openSqlite } from '../../src/storage/sqlite-node.js'
import { runCli } from '../helpers/cli.js'
import { rssFeed } from '../helpers/rss.js'

const dir = fileURLToPath(new URL('../fixtures/curation/', import.meta.url))
export const storiesFile = join(dir, 'stories.jsonl')
export const laterFile = join(dir, 'later.jsonl')

export interface Story {
  url: string
  title: string
  published: string
  source: string
  text: string
}

export const readStories = (file: string): Story[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Story)

/** Writes stories as an RSS feed (the text as the item description) for the fixture server. */
export function writeFeed(path: string, stories: Story[]) {
  const items = stories.map((s) => ({
    title: s.title,
    link: s.url,
    description: s.text,
    published: s.published,
  }))
  writeFileSync(path, rssFeed('Curation Wire', items))
}

export const cliEnv = (url: string) => ({
  DATABASE_URL: url,
  SITREP_SEED_FEEDS: '0',
  SITREP_FETCH_PAGES: '0',
  SITREP_ALLOW_PRIVATE_NETWORKS: '1',
  SITREP_HOST_DELAY_MS: '0',
})

export async function ingest(url: string, file: string) {
  const r = await runCli(['ingest', file], cliEnv(url))
  if (r.code !== 0) throw new Error(`ingest failed: ${r.stderr}`)
}

type Json = Record<string, unknown> & { error?: { code: string; message: string } }

export async function curationApp(databaseUrl: string) {
  const handle = await openSqlite(databaseUrl)
  // A clock that moves one second per reading, so that edits are ordered in time.
  let clock = Date.parse('2026-03-08T10:00:00Z')
  const deps: Deps = {
    config: parseConfig({ DATABASE_URL: databaseUrl }),
    repo: handle.repo,
    http: { fetch: () => Promise.reject(new Error('tests never touch the network')) },
    log: silentLogger,
    now: () => new Date((clock += 1000)),
  }
  const app = createApp(deps)
  async function key(name: string, scope: ApiScope): Promise<string> {
    const k = generateApiKey()
    const createdAt = deps.now().toISOString()
    await deps.repo.createApiKey({
      name,
      keyHash: await hashApiKey(k),
      prefix: keyPrefix(k),
      scopes: [scope],
      createdAt,
    })
    return k
  }
  async function call<T = Json>(
    method: string,
    path: string,
    opts: { key?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {}
    if (opts.key) headers.authorization = `Bearer ${opts.key}`
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body)
    const res = await app.request(path, { method, headers, body })
    return { status: res.status, body: (await res.json()) as T }
  }
  return { app, deps, key, call, close: () => handle.close() }
}

export type CurationApp = Awaited<ReturnType<typeof curationApp>>

export interface ApiArticle {
  id: string
  url: string
  title: string
  incident_id: string
  entities: { id: string; name: string; type: string }[]
}

export interface ApiIncident {
  id: string
  title: string
  summary: string
  summary_sentences: { text: string; article_id: string; source_url: string }[]
  kind: string
  pinned: boolean
  hidden: boolean
  edited: boolean
  article_count: number
  articles: ApiArticle[]
  edits: { actor: string; action: string; detail: Record<string, unknown> }[]
}

/** Article id and current incident of each stored article, by a fragment of its URL. */
export async function articlesByUrl(api: CurationApp) {
  const { body } = await api.call<{ data: ApiArticle[] }>('GET', '/api/v1/articles?limit=200')
  return (fragment: string) => {
    const hit = body.data.find((a) => a.url.includes(fragment))
    if (!hit) throw new Error(`no article with ${fragment} in its URL`)
    return hit
  }
}
