// Signs an editor in through the /login form, as a person would.
import type { Page } from 'playwright-core'

export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/login`)
  await page.getByLabel('API key', { exact: true }).fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${base}/`)
}
