// Topic feeds: Atom that rss-parser reads back, JSON Feed that passes a JSON Feed 1.1 schema
// (written for these tests from the spec's field list), hostile titles escaped, caching headers,
// and clear errors for bad topics and unknown entities.
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Deps } from '../../src/core/deps.js'
import { createApp } from '../../src/http/app.js'
import { xmlText } from '../../src/http/topics/xml.js'
import type { SqliteHandle } from '../../src/storage/sqlite-node.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import { chainItems, ingest, openDb, PUBLIC_URL } from './fanout-helpers.js'

const schema = JSON.parse(
  readFileSync(new URL('./jsonfeed-1.1.schema.json', import.meta.url), 'utf8'),
) as object
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void
const HOSTILE = `Globex <script>alert(1)</script> & "Co" hit by ransomware ]]> attack`

describe('topic feeds', () => {
  const db = tempDbUrl()
  let deps: Deps
  let handle: SqliteHandle
  let app: ReturnType<typeof createApp>
  let teampcp: string
  const get = (topic: string, fmt: 'atom' | 'json', headers: Record<string, string> = {}) =>
    app.request(`/topics/${encodeURIComponent(topic)}/feed.${fmt}`, { headers })
  const validate = (() => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false })
    addFormats(ajv)
    return ajv.compile(schema)
  })()

  beforeAll(async () => {
    ;({ deps, handle } = await openDb(db.url))
    const hostile = {
      url: 'https://evil.example/globex',
      title: HOSTILE,
      published: '2026-03-22T08:00:00Z',
      text: `Globex confirmed a ransomware attack. The ransomware gang posted <b>files</b> & more.`,
      source: 'Evil <Outlet>',
    }
    expect((await ingest(deps, [...chainItems(), hostile])).added).toBe(5)
    teampcp = (await deps.repo.findEntityByTypedName('threat_actor', 'TeamPCP'))!
    app = createApp(deps)
  }, 60_000)
  afterAll(() => {
    handle?.close()
    db.cleanup()
  })

  it('serves an entity topic as Atom that parses back', async () => {
    const res = await get(`entity:${teampcp}`, 'atom')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    // rss-parser leaves Atom categories out unless asked for them.
    type Cat = { $: { term: string; label: string; scheme: string } }
    const parser = new Parser<object, { cats: Cat[]; id: string }>({
      customFields: { item: [['category', 'cats', { keepArray: true }]] },
    })
    const feed = await parser.parseString(await res.text())
    expect(feed.title).toBe('sitrep: TeamPCP (threat actor)')
    expect(feed.link).toBe(`${PUBLIC_URL}/entities/${teampcp}`)
    expect(feed.items.map((i) => i.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Trivy/), expect.stringMatching(/LiteLLM/)]),
    )
    for (const item of feed.items) {
      expect(item.link).toMatch(new RegExp(`^${PUBLIC_URL}/incidents/inc_[0-9a-f]{16}$`))
      expect(item.id).toMatch(/^urn:sitrep:incident:inc_/)
      expect(item.cats.map((c) => c.$)).toContainEqual({
        term: 'TeamPCP',
        label: 'threat actor: TeamPCP',
        scheme: 'urn:sitrep:entity:threat_actor',
      })
    }
  })

  it('answers the friendly entity form, tags and searches in both formats', async () => {
    for (const topic of ['threat_actor:teampcp', 'tag:supply-chain', 'q:LiteLLM PyPI']) {
      const atom = await get(topic, 'atom')
      expect(atom.status, topic).toBe(200)
      const feed = await new Parser().parseString(await atom.text())
      expect(feed.items.length, topic).toBeGreaterThan(0)
      const json = await get(topic, 'json')
      expect(json.headers.get('content-type')).toMatch(/^application\/feed\+json/)
      const body = (await json.json()) as { items: { title: string }[]; feed_url: string }
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
      expect(body.items.map((i) => i.title).sort()).toEqual(feed.items.map((i) => i.title).sort())
      expect(body.feed_url).toBe(`${PUBLIC_URL}/topics/${encodeURIComponent(topic)}/feed.json`)
    }
  })

  it('escapes hostile titles and sources', async () => {
    const res = await get('tag:ransomware', 'atom')
    const xml = await res.text()
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('<b>')
    const feed = await new Parser().parseString(xml)
    expect(feed.items.map((i) => i.title)).toContain(HOSTILE)
    const json = (await (await get('tag:ransomware', 'json')).json()) as object
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
  })

  it('drops characters XML forbids', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\ufffe\ud800e & <f>')).toBe('abcde &amp; &lt;f&gt;')
    expect(xmlText('emoji 😀 stays')).toBe('emoji 😀 stays')
  })

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('tag:supply-chain', 'json')
    const tag = first.headers.get('etag')
    expect(tag).toBeTruthy()
    const again = await get('tag:supply-chain', 'json', { 'If-None-Match': tag! })
    expect(again.status).toBe(304)
  })

  it('answers 400 for a bad topic and 404 for an unknown entity', async () => {
    for (const bad of ['nonsense', 'tag:not-a-tag', 'q:  ', 'entity:42', 'watchlist:abc']) {
      expect((await get(bad, 'atom')).status, bad).toBe(400)
    }
    expect((await get('software:no-such-package', 'json')).status).toBe(404)
    expect((await get('entity:ent_0000000000000000', 'atom')).status).toBe(404)
  })
})
