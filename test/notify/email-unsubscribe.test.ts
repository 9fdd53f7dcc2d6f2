// Unsubscribe from the link in a captured digest: the headers (RFC 2369 / RFC 8058), the GET
// page with its button, the RFC 8058 one-click POST a mail provider sends cross-site, and that
// nothing is sent afterwards. The CSRF exemption covers /unsubscribe and nothing else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliverEmails } from '../../src/pipeline/notify/email-deliver.js'
import {
  emailFixture,
  formToken,
  linkIn,
  localPath,
  PUBLIC_URL,
  type EmailFixture,
} from './email-fixture.js'

let fx: EmailFixture
beforeEach(async () => {
  fx = await emailFixture()
})
afterEach(async () => {
  await fx.close()
})

const run = () => deliverEmails(fx.deps, fx.now())
const CROSS_SITE = { origin: 'https://mail.example.com', 'sec-fetch-site': 'cross-site' }

/** Subscribes, sends one digest and returns its unsubscribe link (checked against the header). */
async function digestLink(id: string): Promise<string> {
  await fx.subscribe({ id, target: `${id}@example.org` })
  await fx.notify(id, { id: `ntf_${id}`, incidentId: 'inc_1', title: 'Trivy CI poisoned' })
  expect(await run()).toEqual({ sent: 1, failed: 0 })
  const mail = fx.smtp.mails.at(-1)!
  const link = linkIn(mail, `${PUBLIC_URL}/unsubscribe?token=`)
  expect(mail.headers.get('list-unsubscribe')).toBe(`<${link}>`)
  expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
  expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`)
  return link
}

async function nothingMoreFor(id: string) {
  fx.setNow('2026-03-12T11:00:00Z')
  await fx.notify(id, { id: `ntf_${id}_later`, incidentId: 'inc_2', title: 'Later news' })
  const before = fx.smtp.mails.length
  expect(await run()).toEqual({ sent: 0, failed: 0 })
  expect(fx.smtp.mails).toHaveLength(before)
  // (The fan-out creates none for an inactive subscription; this one was forced in.)
  expect(await fx.status('notifications', `ntf_${id}_later`)).toBe('pending')
}

describe('unsubscribe', () => {
  it('works from the link in the mail: GET shows a button, POST unsubscribes', async () => {
    const link = await digestLink('sub_u')
    const page = await fx.app.request(localPath(link))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('sub_u@example.org')
    expect(html).toContain('<form method="post" action="/unsubscribe">')
    expect(await fx.status('subscriptions', 'sub_u')).toBe('active')
    await fx.notify('sub_u', { id: 'ntf_waiting', incidentId: 'inc_w', title: 'Waiting' })

    const res = await fx.app.request('/unsubscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: formToken(html) }).toString(),
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('You are unsubscribed')
    expect(await fx.status('subscriptions', 'sub_u')).toBe('unsubscribed')
    expect(await fx.status('notifications', 'ntf_waiting')).toBe('skipped')
    await nothingMoreFor('sub_u')

    // The link keeps working afterwards and says so.
    const again = await fx.app.request(localPath(link))
    expect(await again.text()).toContain('You are unsubscribed')
  })

  it('takes the RFC 8058 one-click POST a mail provider sends cross-site', async () => {
    const link = await digestLink('sub_o')
    const res = await fx.app.request(localPath(link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...CROSS_SITE },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    expect(await fx.status('subscriptions', 'sub_o')).toBe('unsubscribed')
    await nothingMoreFor('sub_o')
    // Repeating it is harmless.
    const twice = await fx.app.request(localPath(link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...CROSS_SITE },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(twice.status).toBe(200)
  })

  it('refuses bad tokens and keeps cross-site protection on every other path', async () => {
    const link = await digestLink('sub_x')
    for (const path of ['/unsubscribe?token=nope', '/unsubscribe']) {
      const res = await fx.app.request(path, { method: 'POST', headers: CROSS_SITE })
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('Unsubscribe link not valid')
    }
    expect((await fx.app.request('/unsubscribe?token=nope')).status).toBe(400)
    // A confirm token is not an unsubscribe token.
    const links = await import('../../src/pipeline/notify/email-links.js')
    const confirm = await links.emailToken(fx.deps, 'confirm', 'sub_x')
    expect((await fx.app.request(`/unsubscribe?token=${confirm}`, { method: 'POST' })).status).toBe(
      400,
    )
    expect(await fx.status('subscriptions', 'sub_x')).toBe('active')

    // The exemption is exactly /unsubscribe: confirm and a look-alike path stay protected.
    const token = new URL(link).searchParams.get('token')!
    for (const path of ['/subscriptions/confirm', '/unsubscribe/', '/unsubscribe/x']) {
      const res = await fx.app.request(`${path}?token=${token}`, {
        method: 'POST',
        headers: CROSS_SITE,
      })
      expect(res.status, path).toBe(403)
    }
  })
})
