// Digests over a real SMTP exchange: one e-mail per subscription per run carrying every waiting
// notification, none when nothing waits, never the same notification twice (across runs and a
// restart), retries with backoff after an SMTP failure, and daily digests once a day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliverEmails } from '../../src/pipeline/notify/email-deliver.js'
import { emailFixture, PUBLIC_URL, type EmailFixture } from './email-fixture.js'

let fx: EmailFixture
beforeEach(async () => {
  fx = await emailFixture()
})
afterEach(async () => {
  await fx.close()
})

const run = () => deliverEmails(fx.deps, fx.now())

describe('immediate e-mail digests', () => {
  it('sends one e-mail with every waiting change, then nothing again, also after a restart', async () => {
    await fx.subscribe({ id: 'sub_a', target: 'a@example.org' })
    await fx.subscribe({ id: 'sub_idle', target: 'idle@example.org' })
    await fx.notify('sub_a', {
      id: 'ntf_1',
      incidentId: 'inc_lite',
      title: 'LiteLLM releases backdoored',
    })
    await fx.notify('sub_a', {
      id: 'ntf_2',
      incidentId: 'inc_lite',
      title: 'LiteLLM releases backdoored',
      kind: 'actor_attributed',
      name: 'TeamPCP',
    })
    await fx.notify('sub_a', {
      id: 'ntf_3',
      incidentId: 'inc_mercor',
      title: 'Mercor discloses breach',
      kind: 'victim_added',
      name: 'Mercor',
    })

    expect(await run()).toEqual({ sent: 1, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(1)
    const mail = fx.smtp.mails[0]!
    expect(mail.to).toEqual(['a@example.org'])
    expect(mail.subject).toContain('2 incidents updated')
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('LiteLLM releases backdoored')
      expect(part).toContain('Mercor discloses breach')
      expect(part).toContain('New incident')
      expect(part).toContain('Attributed to: TeamPCP')
      expect(part).toContain('New victim: Mercor')
      expect(part).toContain('Summary of Mercor discloses breach.')
      expect(part).toContain(`${PUBLIC_URL}/incidents/inc_mercor`)
    }
    // Two changes of one incident are one entry.
    expect(mail.text.match(/^\d+\. LiteLLM releases backdoored$/gm)).toHaveLength(1)
    expect(mail.headers.get('message-id')).toMatch(/^<digest_[0-9a-f]{16}@sitrep\.test>$/)
    for (const id of ['ntf_1', 'ntf_2', 'ntf_3']) {
      expect(await fx.status('notifications', id)).toBe('delivered')
    }
    const attempts = await fx.sql.execute(
      "select ok, notification_ids from delivery_attempts where subscription_id = 'sub_a'",
    )
    expect(attempts.rows).toHaveLength(1)
    expect(Number(attempts.rows[0]!.ok)).toBe(1)
    expect(JSON.parse(String(attempts.rows[0]!.notification_ids))).toEqual([
      'ntf_1',
      'ntf_2',
      'ntf_3',
    ])

    expect(await run()).toEqual({ sent: 0, failed: 0 })
    await fx.restart()
    expect(await run()).toEqual({ sent: 0, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(1)

    // A later change goes out alone, in the next run's e-mail.
    fx.setNow('2026-03-12T10:05:00Z')
    await fx.notify('sub_a', {
      id: 'ntf_4',
      incidentId: 'inc_mercor',
      title: 'Mercor discloses breach',
      kind: 'vulnerability_added',
      name: 'CVE-2026-0001',
    })
    expect(await run()).toEqual({ sent: 1, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(2)
    expect(fx.smtp.mails[1]!.subject).toBe(
      '[sitrep] New vulnerability: CVE-2026-0001: Mercor discloses breach',
    )
    expect(fx.smtp.mails[1]!.text).not.toContain('LiteLLM')
    expect(fx.smtp.mails.some((m) => m.to.includes('idle@example.org'))).toBe(false)
  })

  it('retries after an SMTP failure with backoff, recording every attempt', async () => {
    await fx.subscribe({ id: 'sub_f', target: 'f@example.org' })
    await fx.notify('sub_f', { id: 'ntf_f', incidentId: 'inc_f', title: 'Trivy CI poisoned' })
    fx.smtp.failNext(1)
    expect(await run()).toEqual({ sent: 0, failed: 1 })
    expect(await fx.status('notifications', 'ntf_f')).toBe('failed')
    // Still backing off (first retry after a minute), even with a new notification waiting.
    await fx.notify('sub_f', { id: 'ntf_g', incidentId: 'inc_g', title: 'Second story' })
    fx.setNow('2026-03-12T10:00:30Z')
    expect(await run()).toEqual({ sent: 0, failed: 0 })
    fx.setNow('2026-03-12T10:01:00Z')
    expect(await run()).toEqual({ sent: 1, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(1)
    expect(fx.smtp.mails[0]!.text).toContain('Trivy CI poisoned')
    expect(fx.smtp.mails[0]!.text).toContain('Second story')
    const rows = await fx.sql.execute(
      "select ok, error from delivery_attempts where subscription_id = 'sub_f' order by at",
    )
    expect(rows.rows.map((r) => Number(r.ok))).toEqual([0, 1])
    expect(String(rows.rows[0]!.error)).toMatch(/451|busy/)
    expect(await fx.status('notifications', 'ntf_f')).toBe('delivered')
    expect(await run()).toEqual({ sent: 0, failed: 0 })
  })

  it('does not send while another run holds the claim', async () => {
    await fx.subscribe({ id: 'sub_c', target: 'c@example.org' })
    await fx.notify('sub_c', { id: 'ntf_c', incidentId: 'inc_c', title: 'Claimed' })
    const at = fx.now().toISOString()
    const lease = new Date(fx.now().getTime() + 60_000).toISOString()
    expect(await fx.deps.repo.claimEmailDigest('sub_c', at, lease, 10)).toHaveLength(1)
    expect(await run()).toEqual({ sent: 0, failed: 0 })
    // The claiming run died: after its lease the digest is due again.
    fx.setNow('2026-03-12T10:01:00Z')
    expect(await run()).toEqual({ sent: 1, failed: 0 })
  })

  it('warns and sends nothing without an SMTP transport', async () => {
    await fx.subscribe({ id: 'sub_n', target: 'n@example.org' })
    await fx.notify('sub_n', { id: 'ntf_n', incidentId: 'inc_n', title: 'No mailer' })
    const warnings: string[] = []
    const { mailer: _, ...rest } = fx.deps
    const deps = { ...rest, log: { ...rest.log, warn: (msg: string) => warnings.push(msg) } }
    expect(await deliverEmails(deps, fx.now())).toEqual({ sent: 0, failed: 0 })
    expect(warnings).toEqual(['e-mail digests waiting, not sent'])
    expect(await fx.status('notifications', 'ntf_n')).toBe('pending')
  })
})

describe('daily e-mail digests', () => {
  it('go out once a day at the digest hour, only when something waits', async () => {
    fx.setNow('2026-03-12T05:00:00Z')
    await fx.subscribe({ id: 'sub_d', target: 'd@example.org', mode: 'daily' })
    await fx.notify('sub_d', { id: 'ntf_d1', incidentId: 'inc_1', title: 'Early news' })
    fx.setNow('2026-03-12T06:59:59Z')
    expect(await run()).toEqual({ sent: 0, failed: 0 })
    fx.setNow('2026-03-12T07:00:00Z')
    await fx.notify('sub_d', { id: 'ntf_d2', incidentId: 'inc_2', title: 'More news' })
    expect(await run()).toEqual({ sent: 1, failed: 0 })
    expect(fx.smtp.mails[0]!.subject).toBe(
      '[sitrep] Daily digest 2026-03-12, tag "supply-chain": 2 incidents',
    )
    fx.setNow('2026-03-12T07:30:00Z')
    await fx.notify('sub_d', { id: 'ntf_d3', incidentId: 'inc_3', title: 'Later news' })
    expect(await run()).toEqual({ sent: 0, failed: 0 })
    fx.setNow('2026-03-13T06:00:00Z')
    expect(await run()).toEqual({ sent: 0, failed: 0 })
    fx.setNow('2026-03-13T07:10:00Z')
    expect(await run()).toEqual({ sent: 1, failed: 0 })
    expect(fx.smtp.mails[1]!.text).toContain('Later news')
    expect(fx.smtp.mails[1]!.text).not.toContain('Early news')
    // Nothing waiting: no digest the next day.
    fx.setNow('2026-03-14T07:10:00Z')
    expect(await run()).toEqual({ sent: 0, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(2)
    const sub = await fx.deps.repo.getSubscription('sub_d')
    expect(sub?.lastDigestAt).toBe('2026-03-13T07:10:00.000Z')
  })
})
