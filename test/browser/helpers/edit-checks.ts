// The incident edit page's controls, as the UI contract of issue 6 names them: every field has a
// label and every action a button an editor can find by its name.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

export async function expectEditControls(page: Page): Promise<void> {
  const title = page.getByLabel('Title', { exact: true })
  expect(await title.count(), 'a field labelled "Title"').toBe(1)
  const summary = page.getByLabel('Summary', { exact: true })
  expect(await summary.evaluate((el) => el.tagName.toLowerCase()), '"Summary" is a textarea').toBe(
    'textarea',
  )
  const buttons = ['Save title', 'Save summary', 'Merge', 'Split into new incident']
  buttons.push('Not an incident')
  for (const name of buttons) {
    const button = page.getByRole('button', { name, exact: true })
    expect(await button.count(), `button "${name}"`).toBe(1)
  }
  for (const [on, off] of [
    ['Pin', 'Unpin'],
    ['Hide', 'Unhide'],
  ] as const) {
    const either = page.getByRole('button', { name: new RegExp(`^(${on}|${off})$`) })
    expect(await either.count(), `button "${on}" or "${off}"`).toBe(1)
  }
  const articles = page.getByRole('checkbox')
  expect(await articles.count(), 'a checkbox per article (split)').toBeGreaterThan(0)
}
