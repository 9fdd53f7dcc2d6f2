// A local SMTP server on 127.0.0.1 (smtp-server) that keeps every message it accepts, with a
// small MIME reader for what nodemailer writes (multipart/alternative, quoted-printable or
// base64 parts, RFC 2047 subjects). `failNext(n)` makes the next n messages fail with a 451.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface CapturedMail {
  from: string
  to: string[]
  headers: Map<string, string>
  subject: string
  text: string
  html: string
  raw: string
}

export interface SmtpCapture {
  url: string
  mails: CapturedMail[]
  failNext(n: number): void
  close(): Promise<void>
}

export const SMTP_USER = 'sitrep'
export const SMTP_PASS = 'test-pass'

export async function startSmtp(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = []
  let failing = 0
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) cb(null, { user: SMTP_USER })
      else cb(new Error('bad credentials'))
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (failing > 0) {
          failing--
          const err = new Error('mailbox busy, try later') as Error & { responseCode: number }
          err.responseCode = 451
          cb(err)
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        mails.push({
          ...parseMail(raw),
          from,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        })
        cb()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    mails,
    failNext: (n) => {
      failing = n
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n')
  const head = (at < 0 ? raw : raw.slice(0, at)).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body: at < 0 ? '' : raw.slice(at + 4) }
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase()
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (enc !== 'quoted-printable') return body
  const soft = body.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? soft.slice(i + 1, i + 3) : ''
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_m, _cs: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'),
    )
}

function parseMail(raw: string): Omit<CapturedMail, 'from' | 'to' | 'raw'> {
  const { headers, body } = splitHead(raw)
  const parts = { text: '', html: '' }
  const collect = (h: Map<string, string>, b: string) => {
    const type = h.get('content-type') ?? 'text/plain'
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
    if (boundary) {
      for (const chunk of b.split(`--${boundary}`).slice(1)) {
        if (chunk.startsWith('--')) break
        const part = splitHead(chunk.replace(/^\r\n/, ''))
        collect(part.headers, part.body)
      }
      return
    }
    const text = decodeBody(b, h.get('content-transfer-encoding'))
    if (/^text\/html/i.test(type)) parts.html += text
    else parts.text += text
  }
  collect(headers, body)
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), ...parts }
}
