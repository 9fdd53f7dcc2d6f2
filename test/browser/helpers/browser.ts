// Debian's chromium driven by playwright-core, in a throwaway profile and HOME, with every request
// that is not to 127.0.0.1 aborted and recorded: the site must never reach out of the machine.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const chromiumPath = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium'

/** Why the browser suites cannot run here, or null when they can (printed when skipping). */
export function browserSkipReason(): string | null {
  if (existsSync(chromiumPath)) return null
  return `skipping browser tests: no chromium at ${chromiumPath} (.ci/run installs it; set SITREP_CHROMIUM to use another)`
}

export interface Browser {
  context: BrowserContext
  /** Requests to anything but 127.0.0.1 that were aborted; a test fails when this is not empty. */
  blocked: string[]
  newPage(): Promise<Page>
  close(): Promise<void>
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Only loopback http(s) and in-page schemes (data:, about:, blob:) are allowed to load. */
export function isAllowedUrl(raw: string): boolean {
  const url = new URL(raw)
  if (url.protocol === 'data:' || url.protocol === 'about:' || url.protocol === 'blob:') return true
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '127.0.0.1'
}

export async function launchBrowser(
  opts: { colorScheme?: 'light' | 'dark' } = {},
): Promise<Browser> {
  const home = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'))
  for (const d of ['config', 'cache']) mkdirSync(join(home, d))
  const context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ARGS,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
    },
  })
  const blocked: string[] = []
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (isAllowedUrl(url)) return route.continue()
    blocked.push(url)
    return route.abort('blockedbyclient')
  })
  // The persistent context opens with one blank tab; tests open their own pages.
  for (const p of context.pages()) await p.close()
  return {
    context,
    blocked,
    newPage: () => context.newPage(),
    async close() {
      await context.close()
      rmSync(home, { recursive: true, force: true })
    },
  }
}
