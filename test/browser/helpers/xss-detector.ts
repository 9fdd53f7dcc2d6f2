// Looks at a rendered page the way an attacker would hope it looks: any script element, inline
// event handler, script-capable URL, frame or plugin, or the global marker the payloads set.
// Runs in the browser on the live DOM, so entity-encoded and mixed-case tricks are already
// decoded, exactly as the browser would act on them.
import type { Page } from 'playwright-core'
import type { DomElement, DomWindow } from './dom.js'

/** The global every payload in test/fixtures/browser/xss tries to set. */
export const XSS_MARKER = '__xss'

const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'srcdoc',
  'ping',
  'cite',
  'longdesc',
]

/** Findings, one line each; an empty list means nothing on the page can run code. */
export async function findExecutableContent(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ marker, urlAttributes }) => {
      const w = globalThis as unknown as DomWindow
      const document = w.document
      const found: string[] = []
      const describe = (el: DomElement) => `<${el.tagName.toLowerCase()}>`
      if (w[marker] !== undefined) found.push(`window.${marker} was set`)
      for (const el of document.querySelectorAll('script'))
        found.push(`script element: ${el.outerHTML.slice(0, 120)}`)
      for (const el of document.querySelectorAll('iframe, frame, object, embed, applet, base'))
        found.push(`${describe(el)} element`)
      for (const el of document.querySelectorAll('meta[http-equiv]'))
        if (/refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push('meta refresh')
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase()
          if (name.startsWith('on')) found.push(`${describe(el)} has ${name}="${attr.value}"`)
          if (name === 'style' && /expression\s*\(|javascript:|vbscript:/i.test(attr.value))
            found.push(`${describe(el)} style="${attr.value}"`)
          if (!urlAttributes.includes(name)) continue
          if (name === 'srcdoc') {
            found.push(`${describe(el)} has srcdoc`)
            continue
          }
          const value = attr.value.trim()
          let scheme = ''
          try {
            scheme = new URL(value, document.baseURI).protocol
          } catch {
            continue // not a URL the browser could follow
          }
          if (scheme !== 'http:' && scheme !== 'https:')
            found.push(`${describe(el)} ${name}="${value.slice(0, 80)}" (${scheme})`)
        }
      }
      for (const el of document.querySelectorAll('style'))
        if (/expression\s*\(|javascript:|<\/?script/i.test(el.textContent ?? ''))
          found.push(`style element carries ${el.textContent?.slice(0, 80)}`)
      return found
    },
    { marker: XSS_MARKER, urlAttributes: URL_ATTRIBUTES },
  )
}
