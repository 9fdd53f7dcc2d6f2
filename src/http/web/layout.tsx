/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Server-rendered shell. hono/jsx escapes every interpolated string, and pages carry no script:
// feed content can never run on sitrep's pages.
import type { Child } from 'hono/jsx'

const CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#59636e;--bg:#fff;--card:#f6f8fa;--accent:#0b5cad;--chip:#e7eef7}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9aa5b1;--bg:#0d1117;--card:#161b22;--accent:#6cb6ff;--chip:#1f2a37}}
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:62rem;margin:0 auto;padding:1rem}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;border-bottom:1px solid var(--card)}
header a.brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--fg)}
a{color:var(--accent)}.muted{color:var(--muted);font-size:.9rem}
.card{background:var(--card);border-radius:8px;padding:1rem;margin:0 0 1rem}
.card h2{margin:.1rem 0 .4rem;font-size:1.15rem}
.chips{display:flex;flex-wrap:wrap;gap:.35rem;padding:0;margin:.5rem 0;list-style:none}
.chip{background:var(--chip);border-radius:999px;padding:.1rem .6rem;font-size:.85rem}
.chip small{color:var(--muted)}
ol.timeline{padding-left:1.2rem}ol.timeline li{margin:.3rem 0}
form.search input{padding:.4rem .6rem;border-radius:6px;border:1px solid var(--muted);background:var(--bg);color:var(--fg)}
form.search button{padding:.4rem .8rem}
`

export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · sitrep`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <header>
          <a class="brand" href="/">
            sitrep
          </a>
          <span class="muted">incidents from security news, linked and summarised</span>
          <form class="search" action="/" method="get" role="search">
            <label>
              <span class="muted">Search </span>
              <input type="search" name="q" aria-label="Search incidents" />
            </label>{' '}
            <button type="submit">Search</button>
          </form>
        </header>
        <main>{props.children}</main>
        <footer class="muted">
          JSON API: <a href="/api/v1/incidents">/api/v1/incidents</a> ·{' '}
          <a href="/api/v1/feeds">feeds</a>
        </footer>
      </body>
    </html>
  )
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) is dropped. */
export function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

export const TYPE_LABEL = {
  threat_actor: 'Threat actors',
  organization: 'Organizations',
  software: 'Software',
  malware: 'Malware',
  vulnerability: 'Vulnerabilities',
} as const

export const day = (iso: string) => iso.slice(0, 10)
