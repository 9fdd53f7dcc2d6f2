// The pure message builder: hostile incident titles and summaries are escaped in the HTML part,
// never become markup or links, never break headers; non-http incident URLs are replaced by
// sitrep's own page; and the digest schedule rules.
import { load } from 'cheerio'
import { parseConfig } from '../../src/core/config.js'
import { describe, expect, it } from 'vitest'
import { digestEntries } from '../../src/pipeline/notify/email-format.js'
import { renderConfirmation, renderDigest } from '../../src/pipeline/notify/email-render.js'
import { digestDue, digestSlot, emailRetryAt } from '../../src/pipeline/notify/email-schedule.js'

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'body',
  'h1',
  'ol',
  'ul',
  'li',
  'a',
  'p',
  'hr',
])
const ALLOWED_ATTRS = ['lang', 'charset', 'style', 'href']

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><a href=javascript:alert(1)>x</a>",
  '<style>body{display:none}</style>',
  'Line\r\nBcc: victim@example.org',
]

const payload = (title: string, extra: Record<string, unknown> = {}) => ({
  id: 'ntf',
  type: 'victim_added',
  incident: { id: 'inc_h', title, summary: `${title} summary`, url: 'javascript:alert(1)' },
  change: {
    kind: 'victim_added',
    subject: 'ent_x',
    detail: { entity: { id: 'ent_x', name: title } },
  },
  ...extra,
})

const digest = (payloads: Record<string, unknown>[], mode: 'immediate' | 'daily' = 'immediate') =>
  renderDigest({
    to: 'reader@example.org',
    topic: 'tag "<b>x</b>"',
    mode,
    entries: digestEntries(payloads, 'https://sitrep.test'),
    unsubscribeUrl: 'https://sitrep.test/unsubscribe?token=a.b',
    date: new Date('2026-03-12T07:00:00Z'),
  })

describe('e-mail rendering', () => {
  it('escapes hostile strings in the HTML part and keeps headers single-line', () => {
    for (const title of HOSTILE) {
      const mail = digest([payload(title)])
      const html = mail.html
      // Parsed as a mail client would: only our own elements and attributes, and the only
      // links are sitrep's own.
      const $ = load(html)
      $('*').each((_i, el) => {
        const { name, attribs } = el as unknown as { name: string; attribs: Record<string, string> }
        expect(ALLOWED_TAGS.has(name), name).toBe(true)
        for (const attr of Object.keys(attribs)) expect(ALLOWED_ATTRS).toContain(attr)
      })
      for (const href of $('a')
        .map((_i, el) => $(el).attr('href'))
        .get()) {
        expect(href).toMatch(/^https:\/\/sitrep\.test\//)
      }
      expect($('body').text()).toContain(title.includes('\r') ? 'Line Bcc' : title)
      expect(html).toContain('https://sitrep.test/incidents/inc_h')
      expect(mail.subject).not.toMatch(/[\r\n]/)
      for (const value of Object.values(mail.headers)) expect(value).not.toMatch(/[\r\n]/)
      expect(mail.text).not.toContain('\r\nBcc:')
    }
    expect(digest([payload('<b>bold</b>')]).html).toContain('&lt;b&gt;bold&lt;/b&gt;')
  })

  it('lists each incident once with every change, and describes watchlist matches', () => {
    const entries = digestEntries(
      [
        payload('LiteLLM', { change: { kind: 'incident_created', subject: '', detail: {} } }),
        payload('LiteLLM', {
          change: { kind: 'software_added', subject: 'ent_l', detail: { name: 'litellm' } },
          watchlist: {
            matches: [
              { ecosystem: 'pypi', name: 'litellm', version: '1.82.7', affected: 'affected' },
              { ecosystem: 'pypi', name: 'litellm', version: '1.82.6', affected: 'not_affected' },
            ],
          },
        }),
      ],
      'https://sitrep.test',
    )
    expect(entries).toHaveLength(1)
    expect(entries[0]!.changes).toEqual([
      'New incident',
      'Software named: litellm',
      'Your dependency litellm 1.82.7: an affected version',
      'Your dependency litellm 1.82.6: not an affected version',
    ])
  })

  it('names linked incidents by their title when the digest lists them', () => {
    const link = (from: string, to: string, direction: string) => ({
      incident: { id: from, title: `Title of ${from}` },
      change: {
        kind: 'link_added',
        subject: to,
        detail: { incident_id: to, relation: 'caused_by', direction },
      },
    })
    const entries = digestEntries(
      [link('inc_lite', 'inc_trivy', 'outgoing'), link('inc_trivy', 'inc_lite', 'incoming')],
      'https://sitrep.test',
    )
    expect(entries.map((e) => e.changes)).toEqual([
      ['Caused by: Title of inc_trivy'],
      ['Led to: Title of inc_lite'],
    ])
    const alone = digestEntries([link('inc_lite', 'inc_other', 'outgoing')], 'https://x.test')
    expect(alone[0]!.changes).toEqual(['Caused by: incident inc_other'])
  })

  it('has unsubscribe headers on digests and a confirm link on confirmations', () => {
    const mail = digest([payload('x')], 'daily')
    expect(mail.headers['List-Unsubscribe']).toBe('<https://sitrep.test/unsubscribe?token=a.b>')
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(mail.subject).toBe('[sitrep] Daily digest 2026-03-12, tag "<b>x</b>": 1 incident')
    const confirm = renderConfirmation({
      to: 'r@example.org',
      topic: 'software <LiteLLM>',
      mode: 'daily',
      confirmUrl: 'https://sitrep.test/subscriptions/confirm?token=t',
      expiresAt: new Date('2026-03-19T10:00:00Z'),
    })
    expect(confirm.text).toContain('https://sitrep.test/subscriptions/confirm?token=t')
    expect(confirm.html).toContain('software &lt;LiteLLM&gt;')
    expect(confirm.headers['List-Unsubscribe']).toBeUndefined()
  })
})

describe('digest schedule', () => {
  const sub = (o: Partial<{ lastDigestAt: string; confirmedAt: string }>) => ({
    mode: 'daily' as const,
    createdAt: '2026-03-10T00:00:00Z',
    confirmedAt: o.confirmedAt ?? '2026-03-10T00:00:00Z',
    lastDigestAt: o.lastDigestAt ?? null,
  })

  it('sends daily digests at or after the hour, once per day', () => {
    expect(digestSlot(new Date('2026-03-12T06:59:59Z'), 7).toISOString()).toBe(
      '2026-03-11T07:00:00.000Z',
    )
    expect(digestSlot(new Date('2026-03-12T07:00:00Z'), 7).toISOString()).toBe(
      '2026-03-12T07:00:00.000Z',
    )
    const sent = sub({ lastDigestAt: '2026-03-11T07:02:00Z' })
    expect(digestDue(sent, new Date('2026-03-12T06:59:59Z'), 7)).toBe(false)
    expect(digestDue(sent, new Date('2026-03-12T07:00:00Z'), 7)).toBe(true)
    expect(
      digestDue(sub({ lastDigestAt: '2026-03-12T07:00:00Z' }), new Date('2026-03-12T23:00:00Z'), 7),
    ).toBe(false)
    // Confirmed after today's slot: the first digest waits for tomorrow's.
    const fresh = sub({ confirmedAt: '2026-03-12T08:00:00Z' })
    expect(digestDue(fresh, new Date('2026-03-12T09:00:00Z'), 7)).toBe(false)
    expect(digestDue(fresh, new Date('2026-03-13T07:00:00Z'), 7)).toBe(true)
    expect(digestDue({ ...fresh, mode: 'immediate' }, new Date('2026-03-12T09:00:00Z'), 7)).toBe(
      true,
    )
  })

  it('backs off x4 per failure, capped at six hours', () => {
    const t0 = new Date('2026-03-12T00:00:00Z')
    const delays = [1, 2, 3, 4, 5, 6].map(
      (n) => (emailRetryAt(t0, n).getTime() - t0.getTime()) / 60_000,
    )
    expect(delays).toEqual([1, 4, 16, 64, 256, 360])
  })
})

describe('e-mail configuration', () => {
  it('is off without SMTP settings and validates what is given', () => {
    const base = parseConfig({})
    expect(base.smtpUrl).toBeNull()
    expect(base.mailFrom).toBe('sitrep <sitrep@localhost>')
    expect(base.publicUrl).toBe('http://localhost:8787')
    expect(base.digestHour).toBe(7)
    const set = parseConfig({
      SITREP_SMTP_URL: 'smtps://u:p@mail.example.org:465',
      SITREP_PUBLIC_URL: 'https://sitrep.example.org/',
      SITREP_DIGEST_HOUR: '18',
    })
    expect(set.smtpUrl).toBe('smtps://u:p@mail.example.org:465')
    expect(set.publicUrl).toBe('https://sitrep.example.org')
    expect(set.digestHour).toBe(18)
    expect(() => parseConfig({ SITREP_SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL/)
    expect(() => parseConfig({ SITREP_DIGEST_HOUR: '24' })).toThrow(/DIGEST_HOUR/)
    expect(() => parseConfig({ SITREP_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/)
  })
})
