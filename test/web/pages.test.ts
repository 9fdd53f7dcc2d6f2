// The public web pages through the real app: the UI contract of issue 6 (headings, labels, links
// the browser tests rely on), curation states (pinned first, hidden never listed, merged ids
// redirect), 404s, and bad input answered with a message instead of a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWebDb, HIDDEN_TITLE, MERGED_ID, type WebSiteDb } from './site-db.js'
import { openWebApp, textOf } from './web-app.js'

type WebApp = Awaited<ReturnType<typeof openWebApp>>

describe('web pages', () => {
  let db: WebSiteDb
  let web: WebApp
  const ids = { trivy: '', litellm: '', mercor: '', harborview: '', teampcp: '' }

  beforeAll(async () => {
    db = await buildWebDb()
    web = await openWebApp(db.url)
    ids.trivy = db.incidentOf('trivy-github-actions')
    ids.litellm = db.incidentOf('litellm-pypi-backdoor')
    ids.mercor = db.incidentOf('mercor-breach')
    ids.harborview = db.incidentOf('harborview')
    const row = await web.client.execute("select id from entities where name = 'TeamPCP'")
    ids.teampcp = String(row.rows[0]!.id)
  }, 60_000)

  afterAll(() => {
    web?.close()
    db?.cleanup()
  })

  it('home lists the latest incidents as cards, pinned first, hidden never', async () => {
    const { status, $ } = await web.page('/')
    expect(status).toBe(200)
    expect(textOf($, 'h1')).toEqual(['Latest incidents'])
    expect(textOf($, 'section h2')).toContain('Most covered')
    const cards = $('main > .home > div article.incident-card')
    expect(cards.length).toBe(5)
    expect(cards.first().find('h2 a').attr('href')).toBe(`/incidents/${ids.harborview}`)
    expect(cards.first().text()).toContain('Pinned')
    const mercor = cards.filter(
      (_, el) => $(el).find(`a[href="/incidents/${ids.mercor}"]`).length > 0,
    )
    expect(mercor.text()).toMatch(/\b2 sources\b/)
    expect(mercor.find('time[datetime]').length).toBeGreaterThan(0)
    expect(mercor.find('p.summary').text()).toMatch(/LiteLLM/)
    const chip = mercor.find('a.chip').filter((_, el) => $(el).text() === 'LiteLLM')
    expect(chip.attr('href')).toMatch(/^\/entities\/ent_[0-9a-f]{16}$/)
    expect($.html()).not.toContain(HIDDEN_TITLE)
    expect($(`a[href="/incidents/${MERGED_ID}"]`).length).toBe(0)
  })

  it('ranks "most covered" by articles in the window and can widen it', async () => {
    const week = await web.page('/')
    const covered = week.$('section.covered article.incident-card')
    expect(covered.length).toBeGreaterThan(0)
    expect(covered.first().text()).toMatch(/2 in the last 7 days/)
    const all = await web.page('/?covered=all')
    expect(all.$('section.covered [aria-current]').text()).toBe('All time')
    expect(all.$('section.covered article.incident-card').length).toBe(5)
  })

  it('pages the home list with an "Older" link, and a broken cursor is a 400 page', async () => {
    const first = await web.page('/')
    expect(first.$('a[rel="next"]').length).toBe(0)
    const junk = await web.page('/?cursor=not-a-cursor')
    expect(junk.status).toBe(400)
    expect(junk.$('main h1').text()).toBeTruthy()
    expect(junk.html).toMatch(/out of date/)
  })

  it('shows an incident with summary, timeline, chain, entities and sources', async () => {
    const { status, $ } = await web.page(`/incidents/${ids.litellm}`)
    expect(status).toBe(200)
    expect(textOf($, 'h1')[0]).toMatch(/LiteLLM/)
    expect(textOf($, 'h2')).toEqual(
      expect.arrayContaining(['Summary', 'Timeline', 'Linked incidents', 'Entities', 'Sources']),
    )
    const summary = $('section:has(#summary-h)')
    expect(summary.find('sup a[href^="https://"]').length).toBeGreaterThan(0)
    expect($('section:has(#timeline-h) ol li time[datetime]').length).toBeGreaterThan(0)
    const svg = $('section:has(#linked-h) svg[role="img"][aria-label="Incident chain"]')
    expect(svg.length).toBe(1)
    expect(svg.find(`a[href="/incidents/${ids.trivy}"]`).length).toBe(1)
    expect(svg.find(`a[href="/incidents/${ids.mercor}"]`).length).toBe(1)
    expect(svg.find('text.edge-label').text()).toMatch(/caused by/)
    const links = $('section:has(#linked-h) ul.links li')
    expect(links.text()).toMatch(/Caused by/)
    expect(links.text()).toMatch(/Led to/)
    expect(links.find('blockquote').length).toBeGreaterThan(0)
    expect($(`section:has(#entities-h) a[href="/entities/${ids.teampcp}"]`).text()).toBe('TeamPCP')
    expect(textOf($, 'section:has(#entities-h) h3')).toContain('Threat actors')
    const sources = $('section:has(#sources-h) ol li a')
    expect(sources.length).toBe(2)
    sources.each((_, a) => expect($(a).attr('rel')).toBe('noopener noreferrer nofollow'))
    expect(
      $('a')
        .filter((_, a) => $(a).text() === 'Edit')
        .attr('href'),
    ).toBe(`/incidents/${ids.litellm}/edit`)
  })

  it('marks an edited incident and lists its edits', async () => {
    const { $ } = await web.page(`/incidents/${ids.mercor}`)
    expect($('.badge').filter((_, el) => $(el).text() === 'Edited').length).toBe(1)
    const history = $('section:has(#edits-h)').text()
    expect(history).toMatch(/Editor Eve/)
    expect(history).toMatch(/renamed it from “Mercor breach” to “Mercor confirms data breach”/)
    const plain = await web.page(`/incidents/${ids.litellm}`)
    expect(plain.$('.badge').filter((_, el) => plain.$(el).text() === 'Edited').length).toBe(0)
  })

  it('sends the old home-page search to /search', async () => {
    const res = await web.app.request('/?q=LiteLLM%20PyPI')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/search?q=LiteLLM+PyPI')
  })

  it('redirects a merged incident id to the surviving incident (301)', async () => {
    const res = await web.app.request(`/incidents/${MERGED_ID}`)
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(`/incidents/${ids.mercor}`)
  })

  it('answers unknown incidents, entities and paths with a 404 page in the site frame', async () => {
    for (const path of ['/incidents/inc_0000000000000000', '/entities/nope', '/no/such/page']) {
      const { status, $ } = await web.page(path)
      expect(status, path).toBe(404)
      expect(textOf($, 'h1'), path).toEqual(['Not found'])
      expect($('nav[aria-label="Main"]').length, path).toBe(1)
    }
  })

  it('shows an entity with aliases, its chart, incidents and related entities', async () => {
    const { status, $ } = await web.page(`/entities/${ids.teampcp}`)
    expect(status).toBe(200)
    expect(textOf($, 'h1')).toEqual(['TeamPCP'])
    expect(textOf($, 'dl.facts dt')).toEqual(expect.arrayContaining(['Type', 'Aliases']))
    expect($('dl.facts').text()).toMatch(/threat actor/)
    const chart = $('svg[role="img"][aria-label="Incidents over time"]')
    expect(chart.length).toBe(1)
    const bars = chart.find('rect.bar')
    expect(bars.length).toBeGreaterThan(1)
    expect(bars.filter((_, b) => /: 1 incident$/.test($(b).find('title').text())).length).toBe(2)
    expect($('table.vh caption').text()).toMatch(/Incidents over time/)
    const incidents = $('section:has(#incidents-h) a[href^="/incidents/"]')
    expect(incidents.map((_, a) => $(a).attr('href')).get()).toEqual(
      expect.arrayContaining([`/incidents/${ids.trivy}`, `/incidents/${ids.litellm}`]),
    )
    const related = $('section:has(#related-h) li')
    expect(related.length).toBeGreaterThan(0)
    expect(related.first().text()).toMatch(/2 shared incidents/)
  })

  // Last: it adds incidents to the shared database.
  it('pages through older incidents without repeating or losing any', async () => {
    for (let n = 0; n < 25; n++) {
      const id = `inc_${String(n).padStart(16, '0')}`
      const day = `2026-02-${String(n + 1).padStart(2, '0')}T00:00:00Z`
      await web.client.execute({
        sql: `insert into incidents (id, title, summary, kind, first_seen, last_seen, article_count,
          profile, updated_at) values (?, ?, '[]', 'incident', ?, ?, 1, '{}', ?)`,
        args: [id, `Older incident ${n}`, day, day, day],
      })
    }
    const seen: string[] = []
    let path: string | undefined = '/'
    for (let pages = 0; path && pages < 5; pages++) {
      const { status, $ } = await web.page(path)
      expect(status).toBe(200)
      seen.push(
        ...$('main > .home > div article.incident-card h2 a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      )
      if (pages > 0)
        expect($('a[href="/"]').filter((_, a) => $(a).text().includes('Latest')).length).toBe(1)
      path = $('a[rel="next"]').attr('href')
      if (path) expect($('a[rel="next"]').text()).toMatch(/Older/)
    }
    expect(seen).toHaveLength(30)
    expect(new Set(seen).size).toBe(30)
    expect(seen[0]).toBe(`/incidents/${ids.harborview}`)
  })
})
