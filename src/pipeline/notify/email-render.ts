// Builds the e-mails: subject, plain text and HTML parts, and the unsubscribe headers. Pure:
// the caller supplies the entries, links and date. Every string from a feed is escaped in the
// HTML part (hono/jsx is not used here so the mail builder stays a plain function).
import { escapeHtml as esc, oneLine, type DigestEntry } from './email-format.js'
import type { MailMessage } from './email-types.js'

export interface DigestInput {
  to: string
  /** Human label of the topic ("software LiteLLM", "tag ransomware"). */
  topic: string
  mode: 'immediate' | 'daily'
  entries: DigestEntry[]
  unsubscribeUrl: string
  /** The day a daily digest covers (UTC). */
  date: Date
}

export interface ConfirmationInput {
  to: string
  topic: string
  mode: 'immediate' | 'daily'
  confirmUrl: string
  expiresAt: Date
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function digestSubject(input: DigestInput): string {
  const { entries, topic } = input
  if (input.mode === 'daily') {
    const day = input.date.toISOString().slice(0, 10)
    return oneLine(`[sitrep] Daily digest ${day}, ${topic}: ${plural(entries.length, 'incident')}`)
  }
  const [first] = entries
  if (entries.length === 1 && first) {
    const what =
      first.changes.length === 1 ? first.changes[0]! : plural(first.changes.length, 'update')
    return oneLine(`[sitrep] ${what}: ${first.title}`, 200)
  }
  return oneLine(`[sitrep] ${topic}: ${plural(entries.length, 'incident')} updated`, 200)
}

/** RFC 2369 / RFC 8058 headers: mail clients show an "Unsubscribe" button that POSTs. */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
  }
}

function digestText(input: DigestInput): string {
  const blocks = input.entries.map((e, i) =>
    [
      `${i + 1}. ${e.title}`,
      ...e.changes.map((c) => `   - ${c}`),
      ...(e.summary ? [`   ${e.summary}`] : []),
      `   ${e.url}`,
    ].join('\n'),
  )
  return [
    `${digestHeading(input)}\n`,
    blocks.join('\n\n'),
    '\n-- ',
    `You get this e-mail because ${input.to} subscribed to ${input.topic} on sitrep.`,
    `Unsubscribe (one click): ${input.unsubscribeUrl}`,
    '',
  ].join('\n')
}

function digestHeading(input: DigestInput): string {
  const count = plural(input.entries.length, 'incident')
  return input.mode === 'daily'
    ? `sitrep daily digest for ${input.topic}: ${count} with news since yesterday`
    : `sitrep: news about ${input.topic} (${count})`
}

function entryHtml(e: DigestEntry): string {
  const changes = e.changes.map((c) => `<li>${esc(c)}</li>`).join('')
  const summary = e.summary ? `<p style="margin:.4em 0">${esc(e.summary)}</p>` : ''
  return (
    `<li style="margin:0 0 1.2em">` +
    `<a href="${esc(e.url)}" style="font-weight:bold">${esc(e.title)}</a>` +
    `<ul style="margin:.3em 0;padding-left:1.2em">${changes}</ul>${summary}</li>`
  )
}

function page(title: string, body: string, footer: string): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>` +
    `</head><body style="font-family:sans-serif;line-height:1.45;max-width:40em">${body}` +
    `<hr><p style="font-size:.85em;color:#555">${footer}</p></body></html>`
  )
}

export function renderDigest(input: DigestInput): MailMessage {
  const subject = digestSubject(input)
  const footer =
    `You get this e-mail because ${esc(input.to)} subscribed to ${esc(input.topic)} on sitrep. ` +
    `<a href="${esc(input.unsubscribeUrl)}">Unsubscribe</a>`
  const body =
    `<h1 style="font-size:1.2em">${esc(digestHeading(input))}</h1>` +
    `<ol style="padding-left:1.2em">${input.entries.map(entryHtml).join('')}</ol>`
  return {
    to: input.to,
    subject,
    text: digestText(input),
    html: page(subject, body, footer),
    headers: unsubscribeHeaders(input.unsubscribeUrl),
  }
}

export function renderConfirmation(input: ConfirmationInput): MailMessage {
  const subject = oneLine(`Confirm your sitrep subscription: ${input.topic}`, 200)
  const until = input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')
  const how = input.mode === 'daily' ? 'one digest a day' : 'an e-mail when something changes'
  const lines = [
    `Someone (hopefully you) asked sitrep to send ${input.to} ${how} about ${input.topic}.`,
    `Nothing is sent until you confirm. Open this link to confirm (valid until ${until} UTC):`,
  ]
  const ignore = 'If you did not ask for this, ignore this e-mail: you will get nothing more.'
  return {
    to: input.to,
    subject,
    text: `${lines.join('\n')}\n\n${input.confirmUrl}\n\n${ignore}\n`,
    html: page(
      subject,
      `<p>${esc(lines[0]!)}</p><p>${esc(lines[1]!)}</p>` +
        `<p><a href="${esc(input.confirmUrl)}">Confirm the subscription</a></p>`,
      esc(ignore),
    ),
    headers: { 'Auto-Submitted': 'auto-generated' },
  }
}
