// Issue 6: a feed full of script tags, event handlers and javascript: URLs leaves no executable
// content on any page. The hostile feeds are crawled by the real CLI from a loopback server,
// then chromium visits every page kind and inspects the live DOM (see helpers/xss-detector.ts).
// The first test proves the detector catches the same payloads when a page renders them raw.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './helpers/artifacts.js'
import { browserSkipReason, launchBrowser, type Browser } from './helpers/browser.js'
import { resetProblems, watchPage, type PageProblems } from './helpers/page-watch.js'
import { startSite, type Site } from './helpers/server.js'
import { signIn } from './helpers/sign-in.js'
import { createEditorKey } from './helpers/site-db.js'
import { buildXssDb, HOSTILE_QUERY, type XssDb } from './helpers/xss-db.js'
import { findExecutableContent, XSS_MARKER } from './helpers/xss-detector.js'

const skip = browserSkipReason()
if (skip) console.log(skip)

type Listed = { data: { id: string; aliases?: string[]; name?: string }[] }
type Detail = {
  title: string
  summary: string
  articles: { title: string; source: string }[]
  timeline: { text: string }[]
}

describe.skipIf(skip !== null)('hostile feed content in chromium', { timeout: 120_000 }, () => {
  let db: XssDb
  let site: Site
  let browser: Browser
  let page: Page
  let problems: PageProblems
  let incidents: Listed['data'] = []
  let entities: Listed['data'] = []
  /** Every stored string that came from the hostile fixtures. */
  let hostile: string[] = []
  const api = async <T = Listed>(path: string) =>
    (await fetch(`${site.base}${path}`)).json() as Promise<T>

  /** Visits `path` and returns everything that could run there, plus what the browser noticed. */
  const inspect = async (path: string, okStatus = true) => {
    resetProblems(problems)
    const res = await page.goto(`${site.base}${path}`)
    if (okStatus) expect(res?.status(), `GET ${path}`).toBe(200)
    await page.waitForLoadState('load')
    const found = await findExecutableContent(page)
    // A deliberate 4xx of the page itself is not a failure; anything it pulls in still is.
    if (!okStatus && res) {
      const own = `${res.status()} ${res.url()}`
      const ownLog = `${res.url()}: Failed to load resource: the server responded with a status of ${res.status()}`
      problems.failedRequests = problems.failedRequests.filter((r) => r !== own)
      problems.consoleErrors = problems.consoleErrors.filter((e) => !e.startsWith(ownLog))
    }
    return { found, ...problems }
  }
  const mainText = async () => (await page.locator('main').textContent()) ?? ''
  const expectInert = async (path: string, okStatus = true) => {
    const r = await inspect(path, okStatus)
    expect({ path, ...r }).toEqual({
      path,
      found: [],
      consoleErrors: [],
      failedRequests: [],
      dialogs: [],
    })
  }

  beforeAll(async () => {
    db = await buildXssDb()
    site = await startSite(db.env)
    browser = await launchBrowser()
    page = await browser.newPage()
    page.setDefaultTimeout(8_000)
    problems = watchPage(page)
    incidents = (await api('/api/v1/incidents?limit=200')).data
    entities = (await api('/api/v1/entities?limit=200')).data
    const details = await Promise.all(
      incidents.map((i) => api<Detail>(`/api/v1/incidents/${i.id}`)),
    )
    const feeds = (await api('/api/v1/feeds')).data
    hostile = [
      ...details.flatMap((d) => [d.title, d.summary, ...d.timeline.map((t) => t.text)]),
      ...details.flatMap((d) => d.articles.flatMap((a) => [a.title, a.source])),
      ...entities.flatMap((e) => e.aliases ?? []),
      ...feeds.map((f) => f.name ?? ''),
    ]
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await db?.cleanup()
  })

  it('the detector flags the same payloads rendered raw (so a pass below means something)', async () => {
    // One resource off the machine too, to prove the network guard (TEST-NET-1, never routed).
    const offsite = 'http://192.0.2.1/pixel.png'
    const unsafe = `<!doctype html><title>unsafe</title><body><img src="${offsite}">${hostile.join('<br>')}</body>`
    const probe = await browser.newPage()
    const seen = watchPage(probe)
    await probe.setContent(unsafe)
    await probe.waitForTimeout(300)
    const found = await findExecutableContent(probe)
    await probe.close()
    expect(found).toContain(`window.${XSS_MARKER} was set`)
    expect(found.some((f) => f.startsWith('script element'))).toBe(true)
    expect(found.some((f) => / has onerror=/.test(f))).toBe(true)
    expect(found.some((f) => /\(javascript:\)/.test(f))).toBe(true)
    expect(found.some((f) => f === '<iframe> element')).toBe(true)
    expect(seen.dialogs.length).toBeGreaterThan(0)
    await expect.poll(() => browser.blocked, { timeout: 5_000 }).toContain(offsite)
    browser.blocked.length = 0
  })

  it('the hostile fixtures were stored (the test is not vacuous)', () => {
    expect(incidents.length).toBeGreaterThan(0)
    const text = hostile.join('\n')
    for (const needle of ['<script>', 'onerror=', 'javascript:', '<iframe', '<svg onload'])
      expect(text, needle).toContain(needle)
  })

  it('home, search, feeds, about and API docs run nothing', async () => {
    for (const path of ['/', '/about', '/api/docs', '/login']) await expectInert(path)
    await expectInert('/feeds')
    expect(await mainText(), 'the hostile feed name, as text').toContain('<svg onload=')
    const q = encodeURIComponent(HOSTILE_QUERY)
    await expectInert(`/search?q=${q}`)
    await expectInert(`/search?q=Mallory`)
    await expectInert(`/?q=${q}`)
    await expectInert(`/search?q=${q}&type=${q}&since=${q}&until=${q}&entity=${q}`, false)
    await expectInert(`/incidents/${q}`, false)
    await expectInert(`/api/v1/incidents?q=${q}`, false)
    await page.goto(`${site.base}/search?q=${q}`)
    await screenshot(page, 'xss-search')
  })

  it('every incident and entity page shows the payloads as text and runs nothing', async () => {
    for (const i of incidents) {
      await expectInert(`/incidents/${i.id}`)
      // Escaped, the payload is on the page as visible text.
      expect(await mainText()).toMatch(/<(script|img|svg|iframe|a)\b/)
    }
    await screenshot(page, 'xss-incident')
    for (const e of entities) {
      await expectInert(`/entities/${e.id}`)
      if (e.name === 'Mallory Krew') expect(await mainText()).toContain('Krew<script>')
    }
    await screenshot(page, 'xss-entity')
  })

  it('edit pages run nothing for a signed-in editor', async () => {
    const key = await createEditorKey(db.url)
    await signIn(page, site.base, key)
    await expectInert('/')
    for (const i of incidents) await expectInert(`/incidents/${i.id}/edit`)
    for (const e of entities) await expectInert(`/entities/${e.id}/edit`)
    await screenshot(page, 'xss-edit')
  })

  it('no request ever left 127.0.0.1', () => {
    expect(browser.blocked).toEqual([])
  })
})
