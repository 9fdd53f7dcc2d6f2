/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Web pages for dependency watchlists (signed-in editors): the list, the upload form (a file
// or pasted text, multipart), and one watchlist with its matches. The global verifyCsrf
// middleware has already checked the form's token. Own watchlists only (admins: all).
import { Hono, type Context } from 'hono'
import { CHANNELS, type Channel } from '../../../db/schema/vocab.js'
import { hasScope } from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import type { Owner } from '../../pipeline/notify/webhook-manage.js'
import { MAX_LOCKFILE_BYTES } from '../../pipeline/watchlist/index.js'
import {
  createWatchlist,
  currentMatches,
  ownWatchlist,
  type WatchlistInput,
} from '../../pipeline/watchlist/manage.js'
import { csrfToken, currentEditor, requireScope, type AuthVars } from '../auth/middleware.js'
import { WatchlistPage } from './watchlist-page.js'
import { NewWatchlistPage, WatchlistsPage } from './watchlist-pages.js'

type Env = { Variables: AuthVars }
type C = Context<Env>
type Form = Record<string, string | File | (string | File)[]>

/** Pasted text longer than this is not put back into the form after an error. */
const REFILL_MAX = 100_000

const text = (form: Form, name: string) => {
  const v = form[name]
  return typeof v === 'string' ? v : ''
}

/** The upload, or the pasted text with its file name. */
async function fileOf(form: Form): Promise<{ filename: string; content: string }> {
  const file = form.file
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_LOCKFILE_BYTES)
      throw new AppError('too_large', `${file.name}: larger than 5 MB`)
    return { filename: file.name, content: await file.text() }
  }
  const content = text(form, 'content')
  if (!content.trim()) throw new AppError('bad_request', 'choose a file, or paste one')
  return { filename: text(form, 'filename').trim() || 'pasted', content }
}

async function inputOf(form: Form): Promise<WatchlistInput> {
  const name = text(form, 'name').trim()
  if (!name || name.length > 200)
    throw new AppError('bad_request', 'give a name (1 to 200 characters)')
  const channel = text(form, 'channel')
  const target = text(form, 'target').trim()
  const known = (CHANNELS as readonly string[]).includes(channel)
  if (channel && !known) throw new AppError('bad_request', `unknown channel "${channel}"`)
  const alerts = known ? { channel: channel as Channel, target: target || undefined } : {}
  if (!known && target) throw new AppError('bad_request', 'choose a channel for the target')
  return { name, ...(await fileOf(form)), ...alerts }
}

export function watchlistWebRoutes(deps: Deps) {
  const web = new Hono<Env>()
  const owner = (c: C): Owner => {
    const key = c.get('apiKey')!
    return { keyId: key.id, admin: hasScope(key.scopes, 'admin') }
  }
  const formPage = (c: C, message?: string, form?: Record<string, string>, status = 200) =>
    c.html(
      <NewWatchlistPage
        editor={currentEditor(c)}
        csrf={csrfToken(c)}
        message={message}
        form={form}
      />,
      status as 200,
    )

  web.get('/watchlists', requireScope('write'), async (c) => {
    const o = owner(c)
    const watchlists = await deps.repo.listWatchlists({
      keyId: o.admin ? null : o.keyId,
      limit: 200,
    })
    return c.html(<WatchlistsPage watchlists={watchlists} editor={currentEditor(c)} />)
  })
  web.get('/watchlists/new', requireScope('write'), (c) => formPage(c))
  web.post('/watchlists', requireScope('write'), async (c) => {
    const form = (await c.req.parseBody()) as Form
    try {
      const made = await createWatchlist(deps, await inputOf(form), owner(c))
      const sub = made.subscription
      const created = {
        warnings: made.warnings,
        subscriptionId: sub?.subscription.id ?? null,
        secret: sub?.secret ?? null,
      }
      const matches = await currentMatches(deps, made.watchlist)
      const props = { watchlist: made.watchlist, matches, editor: currentEditor(c), created }
      // 201 would suit an API; a browser shows the page either way, and 200 keeps history simple.
      return c.html(<WatchlistPage {...props} />)
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'internal') throw err
      const refill = ['name', 'filename', 'channel', 'target'].map((k) => [k, text(form, k)])
      const content = text(form, 'content')
      if (content.length <= REFILL_MAX) refill.push(['content', content])
      return formPage(
        c,
        err.message,
        Object.fromEntries(refill),
        err.status >= 500 ? 502 : err.status,
      )
    }
  })
  web.get('/watchlists/:id', requireScope('write'), async (c) => {
    let watchlist
    try {
      watchlist = await ownWatchlist(deps, c.req.param('id'), owner(c))
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return c.notFound()
      throw err
    }
    const matches = await currentMatches(deps, watchlist)
    return c.html(
      <WatchlistPage watchlist={watchlist} matches={matches} editor={currentEditor(c)} />,
    )
  })
  return web
}
