// The merge rule: when an incident absorbs another, a change on the survivor that repeats one the
// absorbed incident already notified (same kind and subject) is not sent again to the same
// subscriber; other subscribers, and other changes, still get theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fanOut } from '../../src/jobs/notify.js'
import { changeId } from '../../src/pipeline/notify/changes.js'
import type { Deps } from '../../src/core/deps.js'
import type { SqliteHandle } from '../../src/storage/sqlite-node.js'
import { tempDbUrl } from '../helpers/temp-db.js'
import { notified, openDb, subscription } from './fanout-helpers.js'

type Kind = 'victim_added' | 'actor_attributed'

describe('merge rule', () => {
  const db = tempDbUrl()
  let deps: Deps
  let handle: SqliteHandle
  const exec = (sql: string, args: (string | null)[] = []) => handle.client.execute({ sql, args })

  const incident = (id: string, mergedInto: string | null = null) =>
    exec(
      `insert into incidents (id, title, summary, kind, first_seen, last_seen, article_count,
        merged_into, profile, updated_at, tags)
       values (?, ?, '[]', 'incident', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 1, ?,
        '{"n":1,"entities":{},"terms":{},"sources":[]}', '2026-03-02T00:00:00Z', '["ransomware"]')`,
      [id, `Incident ${id}`, mergedInto],
    )
  const change = async (incidentId: string, kind: Kind, subject: string) =>
    exec(
      `insert into incident_changes (id, incident_id, kind, subject, detail, at)
       values (?, ?, ?, ?, '{}', '2026-03-02T00:00:00Z')`,
      [await changeId(incidentId, kind, subject), incidentId, kind, subject],
    )

  beforeAll(async () => {
    ;({ deps, handle } = await openDb(db.url))
    await deps.repo.createSubscription(subscription('sub_early', 'tag:ransomware'))
  })
  afterAll(() => {
    handle?.close()
    db.cleanup()
  })

  it('does not repeat a change the absorbed incident already notified', async () => {
    await incident('inc_a')
    await change('inc_a', 'victim_added', 'ent_x')
    expect((await fanOut(deps)).notifications).toBe(1)
    // inc_a is folded into inc_b, which then names the same victim and a new one.
    await incident('inc_b')
    await exec(`update incidents set merged_into = 'inc_b' where id = 'inc_a'`)
    await deps.repo.createSubscription(subscription('sub_late', 'tag:ransomware'))
    await change('inc_b', 'victim_added', 'ent_x')
    await change('inc_b', 'victim_added', 'ent_y')
    await fanOut(deps)
    expect(await notified(handle)).toEqual([
      'sub_early inc_a victim_added ent_x',
      'sub_early inc_b victim_added ent_y',
      // Never told about ent_x: the survivor's change is news to this subscriber.
      'sub_late inc_b victim_added ent_x',
      'sub_late inc_b victim_added ent_y',
    ])
  })

  it('also when both changes are fanned out after the merge', async () => {
    await incident('inc_c', 'inc_b')
    await change('inc_c', 'actor_attributed', 'ent_z')
    await change('inc_b', 'actor_attributed', 'ent_z')
    const r = await fanOut(deps)
    expect(r).toEqual({ changes: 2, notifications: 2 })
    const actor = (await notified(handle)).filter((n) => n.includes('actor_attributed'))
    // Sent once per subscriber, under the surviving incident.
    expect(actor).toEqual([
      'sub_early inc_b actor_attributed ent_z',
      'sub_late inc_b actor_attributed ent_z',
    ])
  })

  it('skips hidden incidents and incidents an editor marked not_incident', async () => {
    await incident('inc_h')
    await exec(`update incidents set hidden = 1 where id = 'inc_h'`)
    await change('inc_h', 'victim_added', 'ent_q')
    await incident('inc_n')
    await exec(`update incidents set kind = 'not_incident' where id = 'inc_n'`)
    await change('inc_n', 'victim_added', 'ent_q')
    expect(await fanOut(deps)).toEqual({ changes: 2, notifications: 0 })
  })
})
