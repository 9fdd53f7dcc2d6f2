// Double opt-in: a new e-mail subscription gets the confirmation mail and nothing else until
// its signed link is followed (GET shows a button, POST confirms); bad, expired, replaced and
// wrong-purpose tokens get a clear page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { deliverEmails, sendConfirmation } from '../../src/pipeline/notify/email-deliver.js'
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

const SUB = { id: 'sub_optin', target: 'reader@example.org', status: 'pending' as const }

async function pendingWithConfirmation() {
  await fx.subscribe(SUB)
  const sub = (await fx.deps.repo.getSubscription(SUB.id))!
  await sendConfirmation(fx.deps, sub)
  return linkIn(fx.smtp.mails.at(-1)!, `${PUBLIC_URL}/subscriptions/confirm?token=`)
}

const form = (token: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ token }).toString(),
})

describe('e-mail double opt-in', () => {
  it('sends only the confirmation until the link is followed, then digests', async () => {
    const link = await pendingWithConfirmation()
    expect(fx.smtp.mails).toHaveLength(1)
    const confirmation = fx.smtp.mails[0]!
    expect(confirmation.to).toEqual([SUB.target])
    expect(confirmation.from).toBe('digests@sitrep.test')
    expect(confirmation.subject).toContain('Confirm your sitrep subscription')
    expect(confirmation.html).toContain('Confirm the subscription')

    await fx.notify(SUB.id, { id: 'ntf_1', incidentId: 'inc_1', title: 'LiteLLM backdoored' })
    expect(await deliverEmails(fx.deps, fx.now())).toEqual({ sent: 0, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(1)

    const page = await fx.app.request(localPath(link))
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('Confirm subscription')
    expect(html).toContain('reader@example.org')
    // A GET (a link scanner) changes nothing.
    expect(await fx.status('subscriptions', SUB.id)).toBe('pending')

    const done = await fx.app.request('/subscriptions/confirm', form(formToken(html)))
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('Subscription confirmed')
    expect(await fx.status('subscriptions', SUB.id)).toBe('active')

    expect(await deliverEmails(fx.deps, fx.now())).toEqual({ sent: 1, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(2)
    expect(fx.smtp.mails[1]!.text).toContain('LiteLLM backdoored')

    // The link is single-use: following it again says so, without an error.
    const again = await fx.app.request(localPath(link))
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('Already confirmed')
  })

  it('refuses forged, expired, replaced and wrong-purpose tokens with a clear page', async () => {
    const first = await pendingWithConfirmation()
    for (const bad of ['/subscriptions/confirm?token=garbage', '/subscriptions/confirm']) {
      const res = await fx.app.request(bad)
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('Confirmation link not valid')
    }
    const token = new URL(first).searchParams.get('token')!
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    expect((await fx.app.request(`/subscriptions/confirm?token=${tampered}`)).status).toBe(400)
    expect((await fx.app.request('/subscriptions/confirm', form(tampered))).status).toBe(400)

    // A second confirmation mail replaces the first link.
    await sendConfirmation(fx.deps, (await fx.deps.repo.getSubscription(SUB.id))!)
    const second = linkIn(fx.smtp.mails.at(-1)!, `${PUBLIC_URL}/subscriptions/confirm?token=`)
    expect(second).not.toBe(first)
    const replaced = await fx.app.request('/subscriptions/confirm', form(token))
    expect(replaced.status).toBe(400)
    expect(await replaced.text()).toContain('newer confirmation e-mail')
    expect(await fx.status('subscriptions', SUB.id)).toBe('pending')

    // An unsubscribe token does not confirm.
    const unsub = await import('../../src/pipeline/notify/email-links.js')
    const other = await unsub.emailToken(fx.deps, 'unsubscribe', SUB.id)
    expect((await fx.app.request('/subscriptions/confirm', form(other))).status).toBe(400)

    // Valid for seven days, then expired.
    fx.setNow('2026-03-19T09:59:59Z')
    expect((await fx.app.request(localPath(second))).status).toBe(200)
    fx.setNow('2026-03-19T10:00:01Z')
    const expired = await fx.app.request(localPath(second))
    expect(expired.status).toBe(400)
    expect(await expired.text()).toContain('expired')
    expect(await fx.status('subscriptions', SUB.id)).toBe('pending')
  })

  it('refuses e-mail subscriptions with a clear message when there is no SMTP transport', async () => {
    await fx.subscribe(SUB)
    const { mailer: _, ...noMailer } = fx.deps
    const err = await sendConfirmation(noMailer, SUB as never).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('bad_request')
    expect((err as AppError).message).toMatch(/SITREP_SMTP_URL/)
    expect(fx.smtp.mails).toHaveLength(0)
  })
})
