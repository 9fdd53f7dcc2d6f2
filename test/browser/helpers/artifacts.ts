// Screenshots kept as test artifacts (CI uploads test-artifacts/), one PNG per view.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

export const screenshotDir = fileURLToPath(
  new URL('../../../test-artifacts/screenshots/', import.meta.url),
)

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
