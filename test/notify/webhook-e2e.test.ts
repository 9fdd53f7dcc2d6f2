// End to end through the real CLI: `sitrep crawl --once` (which runs the notify job after the
// crawl) against a loopback feed of the hand-written Trivy/LiteLLM articles, webhooks to a
// receiver on 127.0.0.1. Every change is delivered exactly once across a second crawl of the
// same feed and a restart (each CLI run is a new process), later articles bring only their own
// changes, and every delivery verifies with the documented snippet (docs/verify-webhook.mjs).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSubscription } from '../../src/pipeline/notify/webhook-manage.js'
import { runCli } from '../helpers/cli.js'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js'
import { rssFeed } from '../helpers/rss.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import { startReceiver, TEST_ENV, webhookWorld, type Receiver } from './webhook-fixture.js'

type Verify = (secret: string, body: string, headers: Record<string, unknown>) => boolean
const snippet = new URL('../../docs/verify-webhook.mjs', import.meta.url).href
const { verifySitrepWebhook } = (await import(snippet)) as { verifySitrepWebhook: Verify }

const chain = fileURLToPath(new URL('../fixtures/chain/trivy-litellm.jsonl', import.meta.url))
interface Story {
  url: string
  title: string
  published: string
  text: string
}
const stories = readFileSync(chain, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Story)

describe('crawl -> notify -> webhook, exactly once', () => {
  const db = tempDbUrl()
  const feedFile = join(db.dir, 'feed.xml')
  let server: FixtureServer
  let receiver: Receiver
  const secrets = new Map<string, string>()
  const env = () => ({ DATABASE_URL: db.url, ...TEST_ENV })

  const publish = (n: number) => {
    const items = stories.slice(0, n).map((s) => ({
      title: s.title,
      link: s.url,
      description: s.text,
      published: s.published,
    }))
    writeFileSync(feedFile, rssFeed('Supply Chain Wire', items))
  }
  const crawl = async () => {
    const r = await runCli(['crawl', '--once', '--all'], env())
    expect(r.stderr).not.toMatch(/error/i)
  }
  const eventIds = () => receiver.received.map((x) => String(x.headers['sitrep-event-id']))

  beforeAll(async () => {
    publish(2)
    server = await startFixtureServer({
      '/feed.xml': { file: feedFile, type: 'application/rss+xml' },
    })
    receiver = await startReceiver()
    // No SITREP_SECRET: the server secret is generated once and shared through the database.
    const world = await webhookWorld({}, { ...db, cleanup: () => {} })
    const owner = { keyId: 'key_e2e', admin: false }
    for (const topic of ['tag:supply-chain', 'q:LiteLLM']) {
      const input = { topic, channel: 'webhook' as const, target: `${receiver.url}?t=${topic}` }
      const { subscription, secret } = await createSubscription(world.deps, input, owner)
      secrets.set(subscription.id, secret!)
    }
    await world.deps.repo.addFeeds([{ url: `${server.base}/feed.xml`, name: 'wire' }], '2026-03-01')
    await world.close()
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await receiver?.close()
    db.cleanup()
  })

  it('delivers each change once across re-crawls, restarts and later articles', async () => {
    await crawl()
    const first = eventIds()
    expect(first.length).toBeGreaterThan(0)
    expect(new Set(first).size).toBe(first.length)

    await crawl() // the same feed again
    const restart = await runCli(['notify', '--once'], env()) // a fresh process
    expect(restart.code).toBe(0)
    expect(eventIds()).toEqual(first)

    publish(4) // two later articles: only their changes are new
    await crawl()
    await crawl()
    const all = eventIds()
    expect(all.length).toBeGreaterThan(first.length)
    expect(all.slice(0, first.length)).toEqual(first)
    expect(new Set(all).size).toBe(all.length)

    for (const { headers, body } of receiver.received) {
      const payload = JSON.parse(body) as { id: string; incident: { url: string } }
      expect(payload.id).toBe(headers['sitrep-event-id'])
      expect(payload.incident.url).toMatch(/\/incidents\/inc_/)
      const verified = [...secrets.values()].filter((s) => verifySitrepWebhook(s, body, headers))
      expect(verified).toHaveLength(1)
    }
  }, 180_000)
})
