// Assertions shared by the browser suites: the page frame every page must have (UI contract in
// issue 6) and a clean bill of health (no console errors, failed requests or dialogs).
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Browser } from './browser.js'
import type { DomElement, DomWindow } from './dom.js'
import type { PageProblems } from './page-watch.js'

/** Header, main navigation, main landmark, skip link and footer, as a person or screen reader finds them. */
export async function expectPageFrame(page: Page): Promise<void> {
  const header = page.locator('header').first()
  expect(await header.isVisible(), 'a visible <header>').toBe(true)
  const home = header.getByRole('link', { name: 'sitrep', exact: true })
  expect(await home.getAttribute('href'), 'site name links home').toBe('/')
  const nav = page.getByRole('navigation', { name: 'Main' })
  expect(await nav.count(), '<nav aria-label="Main">').toBe(1)
  const links: [string, string][] = [
    ['Incidents', '/'],
    ['Search', '/search'],
    ['Feeds', '/feeds'],
    ['About', '/about'],
  ]
  for (const [name, href] of links) {
    const link = nav.getByRole('link', { name, exact: true })
    expect(await link.getAttribute('href'), `nav link ${name}`).toBe(href)
  }
  expect(await page.locator('main#main').count(), '<main id="main">').toBe(1)
  const skip = page.getByRole('link', { name: 'Skip to content' })
  expect(await skip.getAttribute('href'), 'skip link target').toBe('#main')
  expect(await page.locator('footer').count(), '<footer>').toBeGreaterThan(0)
}

export function expectNoProblems(problems: PageProblems, browser: Browser): void {
  // Joined into one string so that the failure message shows every entry in full.
  expect(problems.consoleErrors.join('\n'), 'console errors').toBe('')
  expect(problems.failedRequests.join('\n'), 'failed requests').toBe('')
  expect(problems.dialogs.join('\n'), 'dialogs').toBe('')
  expect(browser.blocked.join('\n'), 'requests that left 127.0.0.1').toBe('')
}

/** The `<section>` (or other block) whose heading is exactly `name`. */
export function sectionOf(page: Page, name: string, level = 2) {
  const heading = page.getByRole('heading', { name, exact: true, level })
  return page.locator('section, div, aside').filter({ has: heading }).last()
}

/** Relative luminance (0 black .. 1 white) of the page background, to tell the themes apart. */
export async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = globalThis as unknown as DomWindow
    const pick = (el: DomElement) => w.getComputedStyle(el).backgroundColor
    let color = pick(w.document.body)
    if (/rgba\(0, 0, 0, 0\)|transparent/.test(color)) color = pick(w.document.documentElement)
    const [r, g, b] = (color.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number)
    const lin = (c: number) => {
      const s = c / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
  })
}

/** How wide the page lays out, in CSS pixels (wider than the viewport means sideways scrolling). */
export async function layoutWidth(page: Page): Promise<number> {
  return page.evaluate(
    () => (globalThis as unknown as DomWindow).document.documentElement.scrollWidth,
  )
}
