// The Node e-mail transport: nodemailer over SMTP from `SITREP_SMTP_URL`. Workers have no SMTP
// sockets, so this lives under platform/node and reaches the rest of sitrep only as `deps.mailer`.
import { createTransport } from 'nodemailer'
import type { Mailer, MailMessage } from '../../pipeline/notify/email-types.js'

export interface MailerOptions {
  /** `smtp://user:pass@host:port` (or `smtps://`); nodemailer reads TLS options from the query. */
  url: string
  from: string
}

export function createMailer(opts: MailerOptions): Mailer {
  const transport = createTransport({
    url: opts.url,
    // Short timeouts: a stuck SMTP server must not hold a notify run for minutes; the digest
    // is retried on the next run anyway.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Messages are built from feed content: never let a field make nodemailer read a file or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  return {
    async send(msg: MailMessage) {
      const info = await transport.sendMail({
        from: opts.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
        headers: msg.headers,
        ...(msg.messageId ? { messageId: msg.messageId } : {}),
      })
      return { messageId: String(info.messageId) }
    },
    close: () => transport.close(),
  }
}
