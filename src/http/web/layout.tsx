/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Server-rendered shell. hono/jsx escapes every interpolated string, and pages carry no script:
// feed content can never run on sitrep's pages.
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from '../../core/api-keys.js'
import { FAVICON_HREF, STYLESHEET_HREF } from '../assets/routes.js'

export { day, safeHref, TYPE_LABEL } from './format.js'

/** Who is signed in, as the header shows it (`currentEditor(c)`); null when nobody is. */
export type EditorStatus = { name: string; csrfToken?: string } | null

export type NavKey = 'incidents' | 'search' | 'feeds' | 'about'

const NAV: [NavKey, string, string][] = [
  ['incidents', '/', 'Incidents'],
  ['search', '/search', 'Search'],
  ['feeds', '/feeds', 'Feeds'],
  ['about', '/about', 'About'],
]

export interface LayoutProps {
  title: string
  children: Child
  /** Signed-in editor for the header; undefined renders the "Sign in" link. */
  editor?: EditorStatus
  /** Nav entry marked as the current page. */
  current?: NavKey
  description?: string
  /** Topic feed of this page (Atom), advertised for feed readers' autodiscovery. */
  feedHref?: string
}

export function Layout(props: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title === 'sitrep' ? 'sitrep' : `${props.title} · sitrep`}</title>
          <meta
            name="description"
            content={
              props.description ?? 'Security incidents from the news, linked and summarised.'
            }
          />
          <meta name="color-scheme" content="light dark" />
          <link rel="stylesheet" href={STYLESHEET_HREF} />
          <link rel="icon" href={FAVICON_HREF} type="image/svg+xml" />
          {props.feedHref ? (
            <link
              rel="alternate"
              type="application/atom+xml"
              title={`${props.title} (Atom)`}
              href={props.feedHref}
            />
          ) : null}
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <div class="wrap">
              <a class="brand" href="/">
                sitrep
              </a>
              <nav class="site-nav" aria-label="Main">
                <ul>
                  {NAV.map(([key, href, label]) => (
                    <li>
                      <a href={href} aria-current={props.current === key ? 'page' : undefined}>
                        {label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <EditorSlot editor={props.editor ?? null} />
            </div>
          </header>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <p>
                sitrep groups security news from many outlets into incidents, with cited summaries
                and timelines.
              </p>
              <p>
                <a href="/api/docs">API documentation</a> ·{' '}
                <a href="/api/v1/openapi.json">OpenAPI</a> · <a href="/feeds">Feed health</a> ·{' '}
                <a href="/about">About</a>
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  )
}

/** "Signed in as NAME" with a Sign out button (a POST form: logging out changes state). */
function EditorSlot({ editor }: { editor: EditorStatus }) {
  if (!editor) {
    return (
      <div class="editor">
        <a href="/login">Sign in</a>
      </div>
    )
  }
  return (
    <div class="editor">
      <span>
        Signed in as <strong>{editor.name}</strong>
      </span>
      <form method="post" action="/logout">
        {editor.csrfToken && <input type="hidden" name={CSRF_FIELD} value={editor.csrfToken} />}
        <button type="submit" class="link">
          Sign out
        </button>
      </form>
    </div>
  )
}
