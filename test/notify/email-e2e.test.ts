// End to end: the hand-written Trivy/LiteLLM fixture articles are ingested, the notify job fans
// the recorded changes out and delivers, and the digest arrives at the local SMTP server,
// exactly once across a second ingest of the same articles and a restart.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runNotify } from '../../src/jobs/notify.js'
import { createPipelineContext } from '../../src/pipeline/context.js'
import { ingestItems } from '../../src/pipeline/ingest.js'
import { parseJsonLines } from '../../src/pipeline/parse/jsonl.js'
import { emailFixture, linkIn, PUBLIC_URL, type EmailFixture } from './email-fixture.js'

const fixture = fileURLToPath(new URL('../fixtures/chain/trivy-litellm.jsonl', import.meta.url))

let fx: EmailFixture
beforeEach(async () => {
  fx = await emailFixture({ SITREP_FETCH_PAGES: '0' })
  fx.setNow('2026-03-27T12:00:00Z')
})
afterEach(async () => {
  await fx.close()
})

async function ingestFixture() {
  const { items, errors } = parseJsonLines(readFileSync(fixture, 'utf8'), fx.now())
  expect(errors).toEqual([])
  const ctx = await createPipelineContext(fx.deps)
  await ingestItems(fx.deps, ctx, items, { origin: 'ingest', feedId: null, source: null })
}

describe('ingest -> notify -> e-mail', () => {
  it('delivers the digest for the fixture articles exactly once', async () => {
    await fx.subscribe({ id: 'sub_e2e', target: 'ops@example.org', topic: 'tag:supply-chain' })
    await ingestFixture()
    const first = await runNotify(fx.deps)
    expect(first.notifications).toBeGreaterThan(0)
    expect(first.emails).toEqual({ sent: 1, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(1)
    const mail = fx.smtp.mails[0]!
    expect(mail.to).toEqual(['ops@example.org'])
    expect(mail.text).toMatch(/Trivy/)
    expect(mail.text).toContain(`${PUBLIC_URL}/incidents/inc_`)
    expect(linkIn(mail, `${PUBLIC_URL}/unsubscribe?token=`)).toBeTruthy()
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')

    // The same articles again, a later run, then a restart: nothing new to send.
    await ingestFixture()
    fx.setNow('2026-03-27T12:05:00Z')
    expect((await runNotify(fx.deps)).emails).toEqual({ sent: 0, failed: 0 })
    await fx.restart()
    fx.setNow('2026-03-27T12:10:00Z')
    expect((await runNotify(fx.deps)).emails).toEqual({ sent: 0, failed: 0 })
    expect(fx.smtp.mails).toHaveLength(1)
  })
})
