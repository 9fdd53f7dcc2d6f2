// The real app over the web test database, with the clock at the fixtures' "now", and a
// cheerio view of each page for assertions on its structure.
import { load, type CheerioAPI } from 'cheerio'
import { parseConfig } from '../../src/core/config.js'
import { silentLogger } from '../../src/core/log.js'
import { createApp } from '../../src/http/app.js'
import { openSqlite } from '../../src/storage/sqlite-node.js'
import { NOW } from './site-db.js'

export interface WebPage {
  status: number
  headers: Headers
  html: string
  $: CheerioAPI
}

export async function openWebApp(databaseUrl: string) {
  const handle = await openSqlite(databaseUrl)
  const app = createApp({
    config: parseConfig({ DATABASE_URL: databaseUrl }),
    repo: handle.repo,
    http: { fetch: () => Promise.reject(new Error('tests never touch the network')) },
    log: silentLogger,
    now: () => NOW,
  })
  const page = async (path: string, init?: RequestInit): Promise<WebPage> => {
    const res = await app.request(path, init)
    const html = await res.text()
    return { status: res.status, headers: res.headers, html, $: load(html) }
  }
  return { app, page, repo: handle.repo, client: handle.client, close: () => handle.close() }
}

/** Text of an element with whitespace collapsed, as a reader sees it. */
export const textOf = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().replace(/\s+/g, ' ').trim())
    .get()
