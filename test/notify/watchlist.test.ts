// Done-when (issue 7): a lockfile pinning litellm 1.82.7 gets an alert naming the LiteLLM
// incident and the matching version when the chain fixture's articles (which name the
// backdoored releases 1.82.7 and 1.82.8) go through the real pipeline; a lockfile pinning
// 1.82.6 gets the alert marked "not an affected version". Watchlists are made through the API
// (requirements.txt and poetry.lock), fanned out by the notify job, and delivered as webhooks
// to a receiver on 127.0.0.1.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RawItem } from '../../src/core/types.js'
import { createApp } from '../../src/http/app.js'
import { runNotify } from '../../src/jobs/notify.js'
import { createPipelineContext } from '../../src/pipeline/context.js'
import { ingestItems } from '../../src/pipeline/ingest.js'
import { openApiChecker, type Checker } from '../api/openapi-check.js'
import { startReceiver, webhookWorld, type Receiver, type WebhookWorld } from './webhook-fixture.js'

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))
const chain = readFileSync(fixture('chain/trivy-litellm.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as RawItem)

type Match = { name: string; version: string; affected: string; affected_versions: string[] }
type Payload = {
  topic: string
  type: string
  incident: { id: string; title: string }
  watchlist?: { matches: Match[] }
}

describe('dependency watchlist alerts for the LiteLLM compromise', () => {
  let world: WebhookWorld
  let receiver: Receiver
  let check: Checker
  let key = ''
  const lists = { pinned: '', older: '' }

  const post = (body: unknown) =>
    check.call('/api/v1/watchlists', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const incidentOf = async (urlPart: string) => {
    const r = await world.handle.client.execute({
      sql: 'select incident_id from articles where url like ?',
      args: [`%${urlPart}%`],
    })
    return String(r.rows[0]!.incident_id)
  }
  const payloadsOf = (watchlistId: string) =>
    receiver.received
      .map((r) => JSON.parse(r.body) as Payload)
      .filter((p) => p.topic === `watchlist:${watchlistId}`)

  beforeAll(async () => {
    world = await webhookWorld()
    // The fixture is dated March 2026: "recent" (90 days) must include it.
    world.deps.now = () => new Date('2026-04-01T12:00:00Z')
    receiver = await startReceiver()
    check = await openApiChecker({ app: createApp(world.deps) } as never)
    key = (await world.key('deps-bot', 'write')).key
    const pinned = await post({
      name: 'gateway',
      filename: 'requirements.txt',
      content: readFileSync(fixture('watchlist/requirements.txt'), 'utf8'),
      channel: 'webhook',
      target: receiver.url,
    })
    const older = await post({
      name: 'worker',
      filename: 'poetry.lock',
      content: readFileSync(fixture('watchlist/poetry.lock'), 'utf8'),
      channel: 'webhook',
      target: receiver.url,
    })
    expect([pinned.status, older.status]).toEqual([201, 201])
    lists.pinned = (pinned.body as { id: string }).id
    lists.older = (older.body as { id: string }).id
    const ctx = await createPipelineContext(world.deps)
    const fallback = { origin: 'ingest' as const, feedId: null, source: null }
    expect((await ingestItems(world.deps, ctx, chain, fallback)).added).toBe(chain.length)
    await runNotify(world.deps)
  }, 60_000)

  afterAll(async () => {
    await receiver?.close()
    await world?.close()
    world?.cleanup()
  })

  it('answers the upload with the packages read and its subscription', async () => {
    const res = await post({
      name: 'x',
      filename: 'poetry.lock',
      content: '[[package]]\nname = "a"',
    })
    expect(res.status).toBe(201)
    const body = res.body as { format: string; packages: unknown[]; subscription_id?: string }
    expect(body.format).toBe('poetry-lock')
    expect(body.subscription_id).toBeUndefined()
    expect(body.packages).toEqual([{ ecosystem: 'pypi', name: 'a', version: null }])
  })

  it('alerts the 1.82.7 lockfile: the LiteLLM incident, version 1.82.7 affected', async () => {
    const litellm = await incidentOf('litellm-pypi-backdoor')
    const alerts = payloadsOf(lists.pinned)
    expect(alerts.length).toBeGreaterThan(0)
    expect(new Set(alerts.map((a) => a.incident.id))).toEqual(new Set([litellm]))
    expect(alerts[0]!.incident.title).toMatch(/LiteLLM/)
    for (const alert of alerts) {
      expect(alert.watchlist?.matches).toEqual([
        {
          ecosystem: 'pypi',
          name: 'litellm',
          version: '1.82.7',
          affected: 'affected',
          affected_versions: ['1.82.7', '1.82.8'],
        },
      ])
    }
  })

  it('alerts the 1.82.6 lockfile too, marked not an affected version', async () => {
    const alerts = payloadsOf(lists.older)
    expect(alerts.length).toBeGreaterThan(0)
    const matches = alerts.flatMap((a) => a.watchlist?.matches ?? [])
    expect(new Set(matches.map((m) => `${m.name} ${m.version} ${m.affected}`))).toEqual(
      new Set(['litellm 1.82.6 not_affected']),
    )
    expect(matches[0]!.affected_versions).toEqual(['1.82.7', '1.82.8'])
  })

  it('does not alert for the Trivy incident, which names no watched package', async () => {
    const trivy = await incidentOf('trivy-github-actions')
    const all = [...payloadsOf(lists.pinned), ...payloadsOf(lists.older)]
    expect(all.some((p) => p.incident.id === trivy)).toBe(false)
  })

  it('shows the current matches on GET /watchlists/{id}, as documented', async () => {
    const res = await check.call(`/api/v1/watchlists/${lists.older}`, {
      headers: { authorization: `Bearer ${key}` },
    })
    expect(res.status).toBe(200)
    const body = res.body as { matches: { incident: { id: string }; packages: Match[] }[] }
    expect(body.matches.map((m) => m.incident.id)).toEqual([await incidentOf('litellm-pypi')])
    expect(body.matches[0]!.packages[0]).toMatchObject({
      version: '1.82.6',
      affected: 'not_affected',
    })
  })

  it('shows the alert badges on the watchlist page', async () => {
    const app = createApp(world.deps)
    const login = await app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key }).toString(),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/=/)
    const page = await app.request(`/watchlists/${lists.pinned}`, { headers: { cookie } })
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('Affected')
    const older = await (
      await app.request(`/watchlists/${lists.older}`, { headers: { cookie } })
    ).text()
    expect(older).toContain('Not an affected version')
  })
})
