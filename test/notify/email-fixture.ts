// A Node runtime (the real createNodeRuntime, so the nodemailer wiring is what is tested) on a
// throwaway database, pointed at a local SMTP capture, with an injected clock and helpers to
// create e-mail subscriptions and notifications the way the fan-out writes them.
import { createClient, type Client } from '@libsql/client'
import type { Deps } from '../../src/core/deps.js'
import { createApp } from '../../src/http/app.js'
import { createNodeRuntime, type NodeRuntime } from '../../src/entry/node-deps.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import { startSmtp, type CapturedMail, type SmtpCapture } from './email-smtp.js'

export const PUBLIC_URL = 'https://sitrep.test'

export interface EmailFixture {
  smtp: SmtpCapture
  deps: Deps
  app: ReturnType<typeof createApp>
  sql: Client
  setNow(iso: string): void
  now(): Date
  /** Closes the runtime and opens a new one on the same database (a restart). */
  restart(): Promise<void>
  subscribe(opts: {
    id: string
    target: string
    topic?: string
    mode?: 'immediate' | 'daily'
    status?: 'pending' | 'active'
  }): Promise<void>
  notify(subscriptionId: string, n: TestNotification): Promise<string>
  status(table: 'subscriptions' | 'notifications', id: string): Promise<string | undefined>
  close(): Promise<void>
}

export interface TestNotification {
  id: string
  incidentId: string
  title: string
  kind?: string
  subject?: string
  name?: string
  summary?: string
  url?: string
}

export async function emailFixture(env: Record<string, string> = {}): Promise<EmailFixture> {
  const smtp = await startSmtp()
  const db = tempDbUrl()
  let clock = Date.parse('2026-03-12T10:00:00Z')
  const fullEnv = {
    DATABASE_URL: db.url,
    SITREP_SMTP_URL: smtp.url,
    SITREP_PUBLIC_URL: PUBLIC_URL,
    SITREP_MAIL_FROM: 'sitrep <digests@sitrep.test>',
    SITREP_RESPONSE_CACHE_MS: '0',
    SITREP_SEED_FEEDS: '0',
    SITREP_LOG_LEVEL: 'error',
    ...env,
  }
  const open = async (): Promise<NodeRuntime> => {
    const rt = await createNodeRuntime(fullEnv)
    rt.deps.now = () => new Date(clock)
    return rt
  }
  let runtime = await open()
  const sql = createClient({ url: db.url })
  const fx: EmailFixture = {
    smtp,
    deps: runtime.deps,
    app: createApp(runtime.deps),
    sql,
    setNow: (iso) => {
      clock = Date.parse(iso)
    },
    now: () => new Date(clock),
    async restart() {
      await runtime.close()
      runtime = await open()
      fx.deps = runtime.deps
      fx.app = createApp(runtime.deps)
    },
    async subscribe(o) {
      const at = new Date(clock).toISOString()
      await fx.deps.repo.createSubscription({
        id: o.id,
        topic: o.topic ?? 'tag:supply-chain',
        channel: 'email',
        target: o.target,
        secretEnc: null,
        mode: o.mode ?? 'immediate',
        status: o.status ?? 'active',
        disabledReason: null,
        confirmTokenHash: null,
        consecutiveFailures: 0,
        keyId: null,
        createdAt: at,
        confirmedAt: o.status === 'pending' ? null : at,
        lastDigestAt: null,
      })
    },
    async notify(subscriptionId, n) {
      const at = new Date(clock).toISOString()
      const payload = {
        id: n.id,
        type: n.kind ?? 'incident_created',
        created_at: at,
        topic: 'tag:supply-chain',
        incident: {
          id: n.incidentId,
          title: n.title,
          summary: n.summary ?? `Summary of ${n.title}.`,
          url: n.url ?? `${PUBLIC_URL}/incidents/${n.incidentId}`,
        },
        change: {
          kind: n.kind ?? 'incident_created',
          subject: n.subject ?? '',
          detail: n.name
            ? { entity: { id: n.subject ?? 'ent_x', name: n.name, type: 'organization' } }
            : {},
        },
      }
      await sql.execute({
        sql: `insert into notifications (id, subscription_id, incident_id, change_id, payload, status,
          attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
        args: [n.id, subscriptionId, n.incidentId, `chg_${n.id}`, JSON.stringify(payload), at, at],
      })
      return n.id
    },
    async status(table, id) {
      const rs = await sql.execute({ sql: `select status from ${table} where id = ?`, args: [id] })
      return rs.rows[0]?.status as string | undefined
    },
    async close() {
      sql.close()
      await runtime.close()
      await smtp.close()
      db.cleanup()
    },
  }
  return fx
}

/** The first link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: CapturedMail, prefix: string): string {
  const m = new RegExp(`${prefix.replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&')}[^\\s>]*`).exec(mail.text)
  if (!m) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`)
  return m[0]
}

/** The path and query of an absolute link under PUBLIC_URL, for app.request. */
export const localPath = (link: string) => link.slice(PUBLIC_URL.length)

/** The hidden `token` field of a page's form. */
export function formToken(html: string): string {
  const m = /name="token" value="([^"]+)"/.exec(html)
  if (!m) throw new Error(`no token field in:\n${html}`)
  return m[1]!.replace(/&amp;/g, '&')
}
