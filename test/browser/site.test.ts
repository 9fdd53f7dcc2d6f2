// Issue 6 acceptance, in a real browser: a reader opens home, an incident, follows the chain
// Mercor -> LiteLLM -> Trivy, opens an entity, searches; an editor signs in with an API key and
// merges two incidents. Assertions are on what a person sees; screenshots land in
// test-artifacts/screenshots/.
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './helpers/artifacts.js'
import { browserSkipReason, launchBrowser, type Browser } from './helpers/browser.js'
import { resetProblems, watchPage, type PageProblems } from './helpers/page-watch.js'
import { startSite, type Site } from './helpers/server.js'
import {
  backgroundLuminance,
  expectNoProblems,
  expectPageFrame,
  layoutWidth,
  sectionOf,
} from './helpers/site-checks.js'
import { expectEditControls } from './helpers/edit-checks.js'
import { buildSiteDb, createEditorKey, type SiteDb } from './helpers/site-db.js'

const skip = browserSkipReason()
if (skip) console.log(skip)

describe.skipIf(skip !== null)('the web site in chromium', { timeout: 60_000 }, () => {
  let db: SiteDb
  let site: Site
  let browser: Browser
  let page: Page
  let problems: PageProblems
  const ids = { mercor: '', litellm: '', trivy: '', northwind: '', harborview: '' }
  const h1 = () => page.getByRole('heading', { level: 1 })
  const go = async (path: string) => {
    const res = await page.goto(`${site.base}${path}`)
    expect(res?.status(), `GET ${path}`).toBe(200)
    await expectPageFrame(page)
  }

  beforeAll(async () => {
    db = await buildSiteDb()
    ids.mercor = db.incidentOf('mercor-breach-litellm')
    ids.litellm = db.incidentOf('litellm-pypi-backdoor')
    ids.trivy = db.incidentOf('trivy-github-actions')
    ids.northwind = db.incidentOf('northwind-vpn-cve')
    ids.harborview = db.incidentOf('harborview-medical-ransomware')
    site = await startSite(db.env)
    browser = await launchBrowser()
    page = await browser.newPage()
    // A missing element fails in seconds, not after the 30 s default.
    page.setDefaultTimeout(8_000)
    problems = watchPage(page)
  }, 120_000)

  afterEach(() => {
    try {
      expectNoProblems(problems, browser)
    } finally {
      resetProblems(problems)
      browser.blocked.length = 0
    }
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    db?.cleanup()
  })

  it('fixtures give five incidents, the chain three of them', () => {
    expect(new Set(Object.values(ids)).size).toBe(5)
  })

  it('home shows the latest incidents as cards', async () => {
    await go('/')
    expect(await h1().textContent()).toBe('Latest incidents')
    await page.getByRole('heading', { name: 'Most covered', exact: true }).waitFor()
    const cards = page.locator('article.incident-card')
    expect(await cards.count()).toBeGreaterThanOrEqual(5)
    const mercor = cards.filter({ has: page.locator(`a[href="/incidents/${ids.mercor}"]`) }).first()
    expect(await mercor.isVisible()).toBe(true)
    expect(await mercor.getByRole('heading').textContent()).toMatch(/Mercor/)
    expect(await mercor.textContent()).toMatch(/\b2 sources\b/)
    expect(await mercor.locator('time').count()).toBeGreaterThan(0)
    const chip = mercor.locator('a.chip', { hasText: 'LiteLLM' }).first()
    expect(await chip.getAttribute('href')).toMatch(/^\/entities\/.+/)
    await screenshot(page, 'home')
  })

  it('opens the Mercor incident with summary, timeline and the chain graph', async () => {
    await go('/')
    await page.locator(`article.incident-card a[href="/incidents/${ids.mercor}"]`).first().click()
    await page.waitForURL(`**/incidents/${ids.mercor}`)
    await expectPageFrame(page)
    expect(await h1().textContent()).toMatch(/Mercor/)
    for (const name of ['Summary', 'Timeline', 'Linked incidents', 'Entities', 'Sources'])
      expect(await page.getByRole('heading', { name, exact: true, level: 2 }).isVisible()).toBe(
        true,
      )
    expect(await sectionOf(page, 'Summary').textContent()).toMatch(/Mercor/)
    const chain = page.getByRole('img', { name: 'Incident chain' })
    expect(await chain.isVisible()).toBe(true)
    expect(await chain.evaluate((el) => el.tagName.toLowerCase())).toBe('svg')
    const sources = sectionOf(page, 'Sources').getByRole('link')
    expect(await sources.count()).toBeGreaterThanOrEqual(2)
    await screenshot(page, 'incident-mercor')
  })

  it('follows the chain link to LiteLLM and on to Trivy', async () => {
    await go(`/incidents/${ids.mercor}`)
    const linked = sectionOf(page, 'Linked incidents')
    expect(await linked.textContent(), 'the relation is labelled').toMatch(/caused by/i)
    await linked.locator(`a[href="/incidents/${ids.litellm}"]`).first().click()
    await page.waitForURL(`**/incidents/${ids.litellm}`)
    expect(await h1().textContent()).toMatch(/LiteLLM/)
    await screenshot(page, 'incident-litellm')
    const next = sectionOf(page, 'Linked incidents').locator(`a[href="/incidents/${ids.trivy}"]`)
    await next.first().click()
    await page.waitForURL(`**/incidents/${ids.trivy}`)
    expect(await h1().textContent()).toMatch(/Trivy/)
    expect(await sectionOf(page, 'Linked incidents').textContent()).toMatch(/LiteLLM/)
  })

  it('opens an entity with its incidents over time', async () => {
    await go(`/incidents/${ids.trivy}`)
    await sectionOf(page, 'Entities').getByRole('link', { name: 'TeamPCP', exact: true }).click()
    await page.waitForURL('**/entities/**')
    await expectPageFrame(page)
    expect(await h1().textContent()).toBe('TeamPCP')
    expect(await page.getByText('Aliases').first().isVisible()).toBe(true)
    expect(await page.getByRole('img', { name: 'Incidents over time' }).isVisible()).toBe(true)
    const incidents = sectionOf(page, 'Incidents').locator('a[href^="/incidents/"]')
    expect(await incidents.count()).toBeGreaterThanOrEqual(1)
    expect(await page.getByRole('heading', { name: 'Related entities' }).isVisible()).toBe(true)
    await screenshot(page, 'entity-teampcp')
  })

  it('searches for LiteLLM from the search form', async () => {
    await go('/')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Search' })
      .click()
    await page.waitForURL('**/search**')
    const form = page.getByRole('search')
    expect(await form.getAttribute('action')).toBe('/search')
    for (const label of ['Entity type', 'From', 'To'])
      expect(await form.getByLabel(label, { exact: true }).count(), label).toBe(1)
    await form.getByLabel('Search', { exact: true }).fill('LiteLLM')
    await form.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL('**/search?**q=LiteLLM**')
    expect(
      await page
        .getByText(/\b\d+ results?\b/)
        .first()
        .textContent(),
    ).toMatch(/[1-9]/)
    const hit = page.locator(`article.incident-card a[href="/incidents/${ids.litellm}"]`)
    expect(await hit.count()).toBeGreaterThan(0)
    await screenshot(page, 'search-litellm')
  })

  it('renders the dark theme when the reader prefers it', async () => {
    await go('/')
    const light = await backgroundLuminance(page)
    await page.emulateMedia({ colorScheme: 'dark' })
    await go('/')
    const dark = await backgroundLuminance(page)
    expect(light, 'light background').toBeGreaterThan(0.5)
    expect(dark, 'dark background').toBeLessThan(0.2)
    await screenshot(page, 'home-dark')
    await go(`/incidents/${ids.mercor}`)
    await screenshot(page, 'incident-mercor-dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await go('/')
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390)
    await screenshot(page, 'home-mobile')
    await go(`/incidents/${ids.mercor}`)
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390)
    await screenshot(page, 'incident-mercor-mobile')
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('signs an editor in with an API key', async () => {
    const editorKey = await createEditorKey(db.url)
    await go('/login')
    await page.getByLabel('API key', { exact: true }).fill(editorKey)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${site.base}/`)
    const header = page.locator('header').first()
    expect(await header.getByText('Signed in as Editor Eve').isVisible()).toBe(true)
    expect(await header.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true)
    const cookies = await browser.context.cookies(site.base)
    const session = cookies.find((c) => c.httpOnly)
    expect(session, 'an HttpOnly session cookie').toBeDefined()
    expect(session?.sameSite).toBe('Strict')
    expect(session?.value).not.toContain(editorKey)
  })

  it('merges an incident into another from its edit page', async () => {
    await go(`/incidents/${ids.harborview}`)
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await page.waitForURL(`**/incidents/${ids.harborview}/edit`)
    await expectPageFrame(page)
    await screenshot(page, 'edit-harborview')
    await expectEditControls(page)
    const target = page.getByLabel('Merge into incident')
    expect(await target.getAttribute('id')).toBe('merge-target')
    await target.fill(`${site.base}/incidents/${ids.northwind}`)
    await page.getByRole('button', { name: 'Merge', exact: true }).click()
    await page.waitForURL(`**/incidents/${ids.northwind}`)
    expect(await h1().textContent()).toMatch(/Northwind/)
    expect(await page.getByText('Edited', { exact: true }).first().isVisible()).toBe(true)
    const sources = sectionOf(page, 'Sources')
    for (const host of ['netdefense', 'patchwatch', 'healthitsec', 'caretechnews'])
      expect(await sources.locator(`a[href*="${host}.example"]`).count(), host).toBeGreaterThan(0)
    await screenshot(page, 'merged-northwind')
  })

  it('resolves the merged incident URL to the survivor', async () => {
    await go(`/incidents/${ids.harborview}`)
    expect(await h1().textContent()).toMatch(/Northwind/)
    expect(await sectionOf(page, 'Sources').locator('a[href*="healthitsec"]').count()).toBe(1)
  })
})
