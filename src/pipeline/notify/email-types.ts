// Shapes shared by the e-mail digest modules. The transport is behind `Mailer` so that the
// delivery logic runs anywhere; only Node has one (nodemailer over SMTP).

/** One outgoing e-mail, already rendered. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
  /** Extra headers, e.g. `List-Unsubscribe`; values must be single-line. */
  headers: Record<string, string>
  /** Stable Message-ID, so a digest re-sent after a crash can be recognised as the same one. */
  messageId?: string
}

/** The SMTP transport (`deps.mailer`); absent on Workers or without `SITREP_SMTP_URL`. */
export interface Mailer {
  send(msg: MailMessage): Promise<{ messageId: string }>
  close?(): void
}

/** A pending e-mail notification claimed for one digest. */
export interface DigestItem {
  id: string
  createdAt: string
  attempts: number
  payload: Record<string, unknown>
}
