/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Editor pages: GET shows the forms, POST runs one action and redirects (303) to what the editor
// wants to see next. A signed-in session with the write scope is needed (else: /login?next=);
// the global verifyCsrf middleware has already checked the form's token.
import { Hono, type Context } from 'hono'
import { hasScope } from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import type { ActOptions } from '../../pipeline/curate/log.js'
import { csrfToken, currentEditor, requireScope, type AuthVars } from '../auth/middleware.js'
import { incidentDetail } from '../incident-detail.js'
import { postEntityAction, postIncidentAction } from './edit-actions.js'
import { EntityEditPage } from './edit-entity-page.js'
import { IncidentEditPage } from './edit-page.js'
import { entityHref, incidentHref } from './format.js'

type Env = { Variables: AuthVars }
type C = Context<Env>
type Failure = { message: string; status: 400 | 403 | 404 }

export function curationWebRoutes(deps: Deps) {
  const web = new Hono<Env>()
  const act = (c: C): ActOptions => ({
    actor: c.get('apiKey')?.name ?? 'unknown',
    at: deps.now().toISOString(),
    record: true,
  })
  const isAdmin = (c: C) => hasScope(c.get('apiKey')?.scopes ?? [], 'admin')

  const incidentPage = async (c: C, id: string, failure?: Failure) => {
    const incident = await incidentDetail(deps, id)
    if (!incident) return c.notFound()
    // A merged incident's address edits the incident it now lives in.
    if (!failure && incident.id !== id) return c.redirect(`${incidentHref(incident.id)}/edit`, 302)
    const page = (
      <IncidentEditPage
        incident={incident}
        editor={currentEditor(c)}
        csrf={csrfToken(c)}
        message={failure?.message}
      />
    )
    return c.html(page, failure?.status ?? 200)
  }
  const entityPage = async (c: C, id: string, failure?: Failure) => {
    const entity = await deps.repo.getEntity(id)
    if (!entity) return c.notFound()
    const page = (
      <EntityEditPage
        entity={entity}
        admin={isAdmin(c)}
        editor={currentEditor(c)}
        csrf={csrfToken(c)}
        message={failure?.message}
      />
    )
    return c.html(page, failure?.status ?? 200)
  }

  web.get('/incidents/:id/edit', requireScope('write'), (c) => incidentPage(c, c.req.param('id')))
  web.post('/incidents/:id/edit', requireScope('write'), async (c) => {
    const id = c.req.param('id')
    try {
      const next = await postIncidentAction(deps, id, await c.req.parseBody({ all: true }), act(c))
      return c.redirect(incidentHref(next), 303)
    } catch (err) {
      return incidentPage(c, id, failure(err))
    }
  })
  web.get('/entities/:id/edit', requireScope('write'), (c) => entityPage(c, c.req.param('id')))
  web.post('/entities/:id/edit', requireScope('write'), async (c) => {
    const id = c.req.param('id')
    try {
      const form = await c.req.parseBody({ all: true })
      const next = await postEntityAction(deps, id, form, { ...act(c), admin: isAdmin(c) })
      return c.redirect(entityHref(next), 303)
    } catch (err) {
      return entityPage(c, id, failure(err))
    }
  })
  return web
}

/** Editor mistakes are shown on the form; anything else is a real error for onError. */
function failure(err: unknown): Failure {
  if (!(err instanceof AppError)) throw err
  const status = err.status === 403 || err.status === 404 ? err.status : 400
  return { message: err.message, status }
}
