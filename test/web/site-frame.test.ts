// Every page's frame and HTML basics (lang, one h1, landmarks, labelled controls, unique ids, a
// cacheable stylesheet), and the search, feeds and about pages.
import type { CheerioAPI } from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWebDb, HIDDEN_TITLE, type WebSiteDb } from './site-db.js'
import { openWebApp, textOf } from './web-app.js'

type WebApp = Awaited<ReturnType<typeof openWebApp>>

/** The UI contract's frame plus structural checks a validator would make. */
function expectFrame($: CheerioAPI, path: string) {
  expect($('html').attr('lang'), path).toBe('en')
  expect($('h1').length, `${path}: one h1`).toBe(1)
  expect($('title').text(), path).toMatch(/sitrep/)
  expect($('a.skip').attr('href'), path).toBe('#main')
  expect($('a.skip').text(), path).toBe('Skip to content')
  expect($('header a[href="/"]').first().text(), path).toBe('sitrep')
  const nav = $('nav[aria-label="Main"]')
  expect(nav.length, path).toBe(1)
  const links = nav.find('a').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
  expect(links.get(), path).toEqual([
    'Incidents /',
    'Search /search',
    'Feeds /feeds',
    'About /about',
  ])
  expect($('main#main').length, path).toBe(1)
  expect($('footer').length, path).toBe(1)
  expect($('link[rel="stylesheet"]').attr('href'), path).toMatch(
    /^\/assets\/site\.css\?v=[0-9a-f]{8}$/,
  )
  expect($('script').length, `${path}: no script`).toBe(0)
  expect($('[style]').length, `${path}: no inline styles`).toBe(0)
  const ids = $('[id]')
    .map((_, el) => $(el).attr('id'))
    .get()
  expect(new Set(ids).size, `${path}: unique ids`).toBe(ids.length)
  $('input:not([type=hidden]), select, textarea').each((_, el) => {
    const id = $(el).attr('id')
    const labelled =
      Boolean($(el).attr('aria-label')) || (id && $(`label[for="${id}"]`).length === 1)
    expect(labelled, `${path}: control ${$(el).attr('name')} has a label`).toBe(true)
  })
  $('a[href]').each((_, a) => {
    expect($(a).attr('href'), path).toMatch(/^(\/|#|https?:\/\/)/)
  })
  $('[aria-labelledby]').each((_, el) => {
    expect($(`#${$(el).attr('aria-labelledby')}`).length, path).toBe(1)
  })
}

describe('site frame, search, feeds and about', () => {
  let db: WebSiteDb
  let web: WebApp

  beforeAll(async () => {
    db = await buildWebDb()
    web = await openWebApp(db.url)
  }, 60_000)

  afterAll(() => {
    web?.close()
    db?.cleanup()
  })

  it('gives every page the same frame and valid basics', async () => {
    const entity = await web.client.execute("select id from entities where name = 'LiteLLM'")
    const paths = [
      '/',
      '/?covered=30',
      `/incidents/${db.incidentOf('mercor-breach')}`,
      `/entities/${String(entity.rows[0]!.id)}`,
      '/search',
      '/search?q=LiteLLM&type=software&since=2026-03-01&until=2026-04-30',
      '/search?since=yesterday',
      '/feeds',
      '/about',
      '/nowhere',
    ]
    for (const path of paths) expectFrame((await web.page(path)).$, path)
  })

  it('serves one stylesheet with a content hash, cached for a year', async () => {
    const { $ } = await web.page('/about')
    const href = $('link[rel="stylesheet"]').attr('href')!
    const res = await web.app.request(href)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/css/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const css = await res.text()
    expect(css).toMatch(/prefers-color-scheme:dark/)
    expect(css).toMatch(/:focus-visible/)
    expect(css).toMatch(/@media print/)
    const stale = await web.app.request('/assets/site.css?v=00000000')
    expect(stale.headers.get('cache-control')).toBe('public, max-age=300')
  })

  it('has the search form of the UI contract', async () => {
    const { status, $ } = await web.page('/search')
    expect(status).toBe(200)
    const form = $('form[role="search"]')
    expect(form.attr('action')).toBe('/search')
    expect($('label[for="q"]').text()).toBe('Search')
    expect(form.find('input#q').attr('name')).toBe('q')
    expect(form.find('input#q').attr('type')).toBe('search')
    expect($(`label[for="${form.find('select[name="type"]').attr('id')}"]`).text()).toBe(
      'Entity type',
    )
    expect($(`label[for="${form.find('input[name="since"]').attr('id')}"]`).text()).toBe('From')
    expect($(`label[for="${form.find('input[name="until"]').attr('id')}"]`).text()).toBe('To')
    expect(form.find('input[name="since"]').attr('type')).toBe('date')
    expect(form.find('button[type="submit"]').text()).toBe('Search')
    expect($('article.incident-card').length).toBe(0)
  })

  it('finds incidents by words, type, entity and dates, with a result count', async () => {
    const litellm = db.incidentOf('litellm-pypi-backdoor')
    const hit = await web.page('/search?q=LiteLLM')
    expect(hit.status).toBe(200)
    expect(hit.$('input#q').attr('value')).toBe('LiteLLM')
    expect(hit.$(`article.incident-card a[href="/incidents/${litellm}"]`).length).toBe(1)
    expect(hit.$('.result-count').text()).toMatch(/^\d+ results?$/)
    const typed = await web.page('/search?type=threat_actor&entity=TeamPCP')
    expect(typed.$('select#type option[selected]').attr('value')).toBe('threat_actor')
    expect(typed.$('article.incident-card').length).toBe(2)
    expect(typed.$('.result-count').text()).toBe('2 results')
    const trivy = db.incidentOf('trivy-github-actions')
    const undated = await web.page('/search?q=Trivy')
    expect(undated.$('article.incident-card').length).toBeGreaterThan(1)
    const dated = await web.page('/search?q=Trivy&until=2026-03-20')
    expect(dated.$('article.incident-card h2 a').attr('href')).toBe(`/incidents/${trivy}`)
    expect(dated.$('.result-count').text()).toBe('1 result')
    const none = await web.page('/search?q=zebra+unicorn')
    expect(none.$('.result-count').text()).toBe('0 results')
    expect(none.html).toMatch(/No incident matches/)
    expect(none.html).not.toContain(HIDDEN_TITLE)
  })

  it('explains bad input instead of failing', async () => {
    const bad = await web.page('/search?q=x&since=2026-02-30&until=soon&type=bogus')
    expect(bad.status).toBe(400)
    const alert = textOf(bad.$, '[role="alert"] li')
    expect(alert).toHaveLength(3)
    expect(alert.join(' ')).toMatch(/not an entity type/)
    expect(alert.join(' ')).toMatch(/From: “2026-02-30” is not a date/)
    const swapped = await web.page('/search?since=2026-04-02&until=2026-04-01')
    expect(textOf(swapped.$, '[role="alert"] li').join(' ')).toMatch(/From is after To/)
    for (const q of ['"unbalanced', 'NEAR(a b', 'title:x OR', '*', 'a AND OR NOT', '())(']) {
      const res = await web.page(`/search?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
      expect(res.$('.result-count').text(), q).toMatch(/^\d+ results?$/)
    }
    const cursor = await web.page('/search?q=LiteLLM&cursor=garbage')
    expect(cursor.status).toBe(400)
    expect(cursor.html).toMatch(/out of date/)
  })

  it('shows feed health with words, not only colour', async () => {
    const { status, $ } = await web.page('/feeds')
    expect(status).toBe(200)
    expect(textOf($, 'thead th')).toEqual([
      'Feed',
      'Status',
      'Last success',
      'Errors',
      'Next fetch',
      'Failing for a day',
    ])
    const rows = $('tbody tr')
    expect(rows.length).toBe(2)
    const ok = rows.filter((_, r) => $(r).text().includes('Example Feed'))
    expect(ok.find('.status').text()).toMatch(/OK/)
    expect(ok.find('a.url').attr('href')).toBe('https://feeds.example/rss.xml')
    expect(ok.find('time').first().text()).toBe('1 hour ago')
    const failing = rows.filter((_, r) => $(r).find('.status-failing').length > 0)
    expect(failing.find('.status').first().text()).toMatch(/Failing/)
    expect(failing.find('td').last().text()).toBe('Yes')
    expect(failing.find('td').eq(2).text()).toBe('3')
  })

  it('explains sitrep and links the API documentation', async () => {
    const { status, $ } = await web.page('/about')
    expect(status).toBe(200)
    expect(textOf($, 'h2')).toEqual(
      expect.arrayContaining(['How it works', 'How the figures are measured', 'API']),
    )
    expect($('main a[href="/api/docs"]').length).toBe(1)
    expect($('main a[href="/api/v1/openapi.json"]').length).toBe(1)
  })
})
