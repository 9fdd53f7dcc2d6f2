// Static assets. The stylesheet's URL carries a hash of its content, so it can be cached for a year
// (`immutable`) and a new deploy still reaches every reader at once.
import { Hono } from 'hono'
import { SITE_CSS } from './site-css.js'

/** FNV-1a, 32 bit: a cache key, not a security hash (and needs no crypto API at module load). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export const CSS_VERSION = fnv1a(SITE_CSS)
export const STYLESHEET_HREF = `/assets/site.css?v=${CSS_VERSION}`
export const FAVICON_HREF = '/assets/favicon.svg'

// A rounded square with an "s": enough for a tab, and browsers stop asking for /favicon.ico.
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b57c2"/><text x="16" y="23" font-family="system-ui,sans-serif" font-size="21" font-weight="800" text-anchor="middle" fill="#fff">s</text></svg>`

export function assetRoutes() {
  const assets = new Hono()
  assets.get('/site.css', (c) => {
    // Only the current version is immutable; a bare or stale URL is revalidated soon.
    const current = c.req.query('v') === CSS_VERSION
    c.header('Content-Type', 'text/css; charset=utf-8')
    c.header(
      'Cache-Control',
      current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    )
    c.header('ETag', `"${CSS_VERSION}"`)
    if (c.req.header('If-None-Match') === `"${CSS_VERSION}"`) return c.body(null, 304)
    return c.body(SITE_CSS)
  })
  assets.get('/favicon.svg', (c) => {
    c.header('Content-Type', 'image/svg+xml')
    c.header('Cache-Control', 'public, max-age=86400')
    return c.body(FAVICON)
  })
  return assets
}
