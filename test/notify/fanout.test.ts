// Fan-out is exactly-once: the chain fixture goes through the real pipeline into a temp database,
// and notifications stay one per (subscription, incident, change) across repeated runs, a
// re-ingest of the same items, a new process on the same database, and a recluster.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { recluster } from '../../src/entry/cli/recluster.js'
import { fanOut } from '../../src/jobs/notify.js'
import type { SqliteHandle } from '../../src/storage/sqlite-node.js'
import type { Deps } from '../../src/core/deps.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import {
  chainItems,
  ingest,
  notified,
  openDb,
  PUBLIC_URL,
  rows,
  subscription,
} from './fanout-helpers.js'

describe('fan-out of the Trivy -> LiteLLM chain', () => {
  const db = tempDbUrl()
  const items = chainItems()
  let deps: Deps
  let handle: SqliteHandle
  let trivy: string
  let litellm: string
  let firstRun: string[]

  const incidentOf = async (urlPart: string) => {
    const [r] = await rows<{ id: string }>(
      handle,
      `select incident_id id from articles where url like ?`,
      [`%${urlPart}%`],
    )
    return r!.id
  }
  const count = async (table: string) =>
    (await rows<{ n: number }>(handle, `select count(*) n from ${table}`))[0]!.n

  beforeAll(async () => {
    ;({ deps, handle } = await openDb(db.url))
    expect((await ingest(deps, items.slice(0, 2))).added).toBe(2)
    const actor = await deps.repo.findEntityByTypedName('threat_actor', 'teampcp')
    expect(actor, 'TeamPCP is an entity').not.toBeNull()
    for (const s of [
      subscription('sub_actor', `entity:${actor}`),
      subscription('sub_tag', 'tag:supply-chain'),
      subscription('sub_query', 'q:LiteLLM'),
      subscription('sub_ransom', 'tag:ransomware'),
      subscription('sub_off', 'tag:supply-chain', { status: 'disabled' }),
    ]) {
      await deps.repo.createSubscription(s)
    }
  }, 60_000)

  afterAll(() => {
    handle?.close()
    db.cleanup()
  })

  it('notifies matching subscriptions of a new incident, once', async () => {
    trivy = await incidentOf('trivy-github-actions')
    const first = await fanOut(deps)
    expect(first.notifications).toBe(2)
    expect(await notified(handle)).toEqual([
      `sub_actor ${trivy} incident_created`,
      `sub_tag ${trivy} incident_created`,
    ])
    expect(await fanOut(deps)).toEqual({ changes: 0, notifications: 0 })
  })

  it('notifies the next incident and the new link on both ends', async () => {
    expect((await ingest(deps, items.slice(2))).added).toBe(2)
    litellm = await incidentOf('litellm-pypi-backdoor')
    expect(litellm).not.toBe(trivy)
    await fanOut(deps)
    firstRun = await notified(handle)
    for (const sub of ['sub_actor', 'sub_tag']) {
      expect(firstRun).toEqual(
        expect.arrayContaining([
          `${sub} ${litellm} incident_created`,
          `${sub} ${litellm} link_added ${trivy}`,
          `${sub} ${trivy} link_added ${litellm}`,
        ]),
      )
    }
    expect(firstRun).toContain(`sub_query ${litellm} incident_created`)
    expect(firstRun.filter((n) => n.startsWith('sub_ransom') || n.startsWith('sub_off'))).toEqual(
      [],
    )
  })

  it('carries the documented payload', async () => {
    const [row] = await rows<{ payload: string; status: string; next: string }>(
      handle,
      `select payload, status, next_attempt_at next from notifications
       where subscription_id = 'sub_actor' and incident_id = ? limit 1`,
      [trivy],
    )
    const p = JSON.parse(row!.payload) as {
      id: string
      type: string
      topic: string
      incident: { id: string; title: string; url: string; tags: string[] }
      change: { kind: string }
    }
    expect(row!.status).toBe('pending')
    expect(row!.next).toBe('2026-04-01T12:00:00.000Z')
    expect(p.id).toMatch(/^ntf_[0-9a-f]{16}$/)
    expect(p.type).toBe(p.change.kind)
    expect(p.topic).toMatch(/^entity:ent_/)
    expect(p.incident).toMatchObject({ id: trivy, url: `${PUBLIC_URL}/incidents/${trivy}` })
    expect(p.incident.title).toMatch(/Trivy/)
    expect(p.incident.tags).toContain('supply-chain')
    expect(p.change).toHaveProperty('subject')
    expect(p.change).toHaveProperty('detail')
  })

  it('adds nothing on repeated runs or a re-ingest of the same items', async () => {
    expect(await fanOut(deps)).toEqual({ changes: 0, notifications: 0 })
    const again = await ingest(deps, items)
    expect(again.added).toBe(0)
    expect(await fanOut(deps)).toEqual({ changes: 0, notifications: 0 })
    expect(await notified(handle)).toEqual(firstRun)
  })

  it('adds nothing after a restart, even when the cursor is lost', async () => {
    handle.close()
    ;({ deps, handle } = await openDb(db.url))
    expect((await fanOut(deps)).notifications).toBe(0)
    // A run that died before saving its cursor re-reads every change: still nothing new.
    await deps.repo.setSetting('notify_cursor', '0')
    const replay = await fanOut(deps)
    expect(replay.changes).toBeGreaterThan(0)
    expect(replay.notifications).toBe(0)
    expect(await notified(handle)).toEqual(firstRun)
  })

  it('records and sends nothing for a recluster', async () => {
    const changes = await count('incident_changes')
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await recluster(deps)).toBe(0)
    } finally {
      log.mockRestore()
      err.mockRestore()
    }
    expect(await count('incident_changes')).toBe(changes)
    expect(await fanOut(deps)).toEqual({ changes: 0, notifications: 0 })
    expect(await notified(handle)).toEqual(firstRun)
    // Tags are state, not news: recomputed by the rebuild.
    expect((await deps.repo.tagsOfIncidents([trivy])).get(trivy)).toContain('supply-chain')
  })

  it('has exactly one notification per (subscription, incident, change)', async () => {
    const dupes = await rows(
      handle,
      `select subscription_id, incident_id, change_id from notifications
       group by 1, 2, 3 having count(*) > 1`,
    )
    expect(dupes).toEqual([])
    expect(new Set(firstRun).size).toBe(firstRun.length)
  })
})
