// The editor's web forms: sign in with a key, edit through plain HTML forms carrying the
// session's CSRF token, and land where the UI contract says (merge: the surviving incident;
// split: the new one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDbUrl } from '../helpers/temp-db.js'
import { articlesByUrl, curationApp, ingest, storiesFile, type CurationApp } from './helpers.js'

describe('curation web forms', () => {
  const db = tempDbUrl()
  let api: CurationApp
  let article: Awaited<ReturnType<typeof articlesByUrl>>
  let cookie = ''

  beforeAll(async () => {
    await ingest(db.url, storiesFile)
    api = await curationApp(db.url)
    article = await articlesByUrl(api)
    cookie = await signIn(await api.key('web editor', 'write'))
  }, 90_000)
  afterAll(() => {
    api?.close()
    db.cleanup()
  })

  async function signIn(key: string): Promise<string> {
    const res = await api.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key }).toString(),
    })
    expect(res.status).toBe(303)
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!
  }

  const page = async (path: string, as = cookie) => {
    const res = await api.app.request(path, { headers: as ? { cookie: as } : {} })
    return { status: res.status, html: await res.text(), location: res.headers.get('location') }
  }
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

  async function post(path: string, fields: [string, string][], opts: { csrf?: boolean } = {}) {
    const form = new URLSearchParams(fields)
    if (opts.csrf !== false) form.set('_csrf', csrfOf((await page(path)).html))
    const res = await api.app.request(path, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    })
    return { status: res.status, html: await res.text(), location: res.headers.get('location') }
  }

  it('sends visitors who are not signed in to the login page', async () => {
    const id = article('northwind-health-ransomware').incident_id
    const r = await page(`/incidents/${id}/edit`, '')
    expect(r.status).toBe(303)
    expect(r.location).toBe(`/login?next=${encodeURIComponent(`/incidents/${id}/edit`)}`)
  })

  it('shows the forms of the UI contract, labelled', async () => {
    const id = article('contoso-bank-breach').incident_id
    const { status, html } = await page(`/incidents/${id}/edit`)
    expect(status).toBe(200)
    for (const label of ['Title', 'Summary', 'Merge into incident']) {
      expect(html).toMatch(new RegExp(`<label for="[^"]+">${label}</label>`))
    }
    for (const button of [
      'Save title',
      'Save summary',
      'Merge',
      'Split into new incident',
      'Pin',
      'Hide',
      'Not an incident',
    ]) {
      expect(html).toContain(`>${button}</button>`)
    }
    expect(html).toContain('id="merge-target"')
    expect(html).toContain('type="checkbox"')
    expect(html).not.toMatch(/<script/i)
  })

  it('refuses a form post without the CSRF token', async () => {
    const id = article('contoso-bank-breach').incident_id
    const r = await post(`/incidents/${id}/edit`, [['action', 'pin']], { csrf: false })
    expect(r.status).toBe(403)
    expect(
      (await api.call<{ pinned: boolean }>('GET', `/api/v1/incidents/${id}`)).body.pinned,
    ).toBe(false)
  })

  it('renames and pins through the forms', async () => {
    const id = article('fabrikam-logistics-lockbit').incident_id
    const r = await post(`/incidents/${id}/edit`, [
      ['action', 'title'],
      ['title', 'Fabrikam <b>Logistics</b> & LockBit'],
    ])
    expect(r.status).toBe(303)
    expect(r.location).toBe(`/incidents/${id}`)
    expect((await post(`/incidents/${id}/edit`, [['action', 'pin']])).status).toBe(303)
    const shown = await page(`/incidents/${id}`)
    expect(shown.html).toContain('Fabrikam &lt;b&gt;Logistics&lt;/b&gt; &amp; LockBit')
    expect(shown.html).toContain('Edited')
    const edit = await page(`/incidents/${id}/edit`)
    expect(edit.html).toContain('>Unpin</button>')
  })

  it('merges into an incident given by URL and lands on the survivor', async () => {
    const from = article('ambulance-diversions-portland').incident_id
    const into = article('northwind-health-ransomware').incident_id
    const r = await post(`/incidents/${from}/edit`, [
      ['action', 'merge'],
      ['into', `https://sitrep.example/incidents/${into}`],
    ])
    expect(r.status).toBe(303)
    expect(r.location).toBe(`/incidents/${into}`)
    const survivor = await page(r.location!)
    expect(survivor.html).toContain('Edited')
    expect(survivor.html).toContain('Portland emergency rooms divert ambulances')
  })

  it('shows what went wrong on the form', async () => {
    const id = article('northwind-health-ransomware').incident_id
    const r = await post(`/incidents/${id}/edit`, [
      ['action', 'merge'],
      ['into', id],
    ])
    expect(r.status).toBe(400)
    expect(r.html).toMatch(/role="alert"[^>]*>[^<]*into itself/)
    const none = await post(`/incidents/${id}/edit`, [['action', 'split']])
    expect(none.status).toBe(400)
  })

  it('splits ticked articles off and lands on the new incident', async () => {
    const id = article('contoso-bank-breach').incident_id
    const phishing = article('contoso-bank-phishing-wave').id
    const r = await post(`/incidents/${id}/edit`, [
      ['action', 'split'],
      ['article', phishing],
    ])
    expect(r.status).toBe(303)
    expect(r.location).not.toBe(`/incidents/${id}`)
    const created = await page(r.location!)
    expect(created.status).toBe(200)
    expect(created.html).toContain('Phishing emails impersonating Contoso Bank')
  })

  it("fixes an entity's type; merging entities needs an admin key", async () => {
    const entity = article('tailspin-airlines').entities.find((e) => /Tailspin/.test(e.name))!
    const path = `/entities/${entity.id}/edit`
    const form = await page(path)
    expect(form.html).toMatch(/<label for="type">Type<\/label>/)
    const r = await post(path, [
      ['action', 'type'],
      ['type', 'software'],
    ])
    expect(r.status).toBe(303)
    expect(r.location).toBe(`/entities/${entity.id}`)
    const after = await api.call<{ type: string }>('GET', `/api/v1/entities/${entity.id}`)
    expect(after.body.type).toBe('software')
    const merge = await post(path, [
      ['action', 'merge'],
      ['into', entity.id],
    ])
    expect(merge.status).toBe(403)
  })
})
