// Records what a person would notice went wrong on a page: console errors, failed or error
// responses, and any dialog (alert/confirm/prompt), which on sitrep can only come from injected
// script. Dialogs are dismissed so a payload cannot hang the test.
import type { Page } from 'playwright-core'

export interface PageProblems {
  consoleErrors: string[]
  failedRequests: string[]
  dialogs: string[]
}

export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], dialogs: [] }
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.consoleErrors.push(`${page.url()}: ${err.message}`))
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? ''
    // ERR_ABORTED is the browser cancelling a request because the test navigated on (e.g. the
    // favicon of the previous page); a real failure or a blocked request has another code.
    if (error === 'net::ERR_ABORTED') return
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${error}`)
  })
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.status()} ${res.url()}`)
  })
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => undefined)
  })
  return problems
}

/** Clears what was recorded so far (e.g. after a deliberate 404). */
export function resetProblems(p: PageProblems): void {
  p.consoleErrors.length = 0
  p.failedRequests.length = 0
  p.dialogs.length = 0
}
