import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { canonicalTopic, parseTopic, topicKey } from '../../src/core/topics.js'
import {
  earlierNotificationIds,
  incidentTopics,
  incidentUrl,
  notificationId,
  notificationPayload,
} from '../../src/pipeline/notify/match.js'

const ENT = 'ent_0123456789abcdef'

describe('parseTopic', () => {
  it.each([
    [`entity:${ENT}`, { kind: 'entity', value: ENT }],
    ['tag:Ransomware', { kind: 'tag', value: 'ransomware' }],
    ['q:  LiteLLM   PyPI ', { kind: 'query', value: 'LiteLLM PyPI' }],
    ['watchlist:wl_abc', { kind: 'watchlist', value: 'wl_abc' }],
    ['software:litellm', { kind: 'entity', value: 'litellm', entityType: 'software' }],
    ['threat-actor:TeamPCP', { kind: 'entity', value: 'TeamPCP', entityType: 'threat_actor' }],
    ['q:a:b', { kind: 'query', value: 'a:b' }],
  ])('parses %s', (input, expected) => {
    expect(parseTopic(input)).toEqual(expected)
  })

  it.each([
    '',
    'ransomware',
    ':x',
    'tag:',
    'tag:nope',
    'entity:42',
    'q:!!!',
    'planet:mars',
    'watchlist:a/b',
    `q:${'x'.repeat(400)}`,
    'q:a\u0000b',
  ])('refuses %j with bad_request', (input) => {
    const err = (() => {
      try {
        parseTopic(input)
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('bad_request')
  })

  it('stores canonical forms and resolves friendly names', async () => {
    expect(topicKey(parseTopic('q:LiteLLM'))).toBe('q:LiteLLM')
    expect(topicKey(parseTopic('tag:DDoS'))).toBe('tag:ddos')
    const repo = {
      findEntityByTypedName: async (type: string, name: string) =>
        type === 'software' && name === 'litellm' ? ENT : null,
      getEntity: async (id: string) => (id === ENT ? ({ id } as never) : null),
    }
    expect(await canonicalTopic(repo, 'software:litellm')).toBe(`entity:${ENT}`)
    await expect(canonicalTopic(repo, 'software:nope')).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(canonicalTopic(repo, 'entity:ent_ffffffffffffffff')).rejects.toMatchObject({
      code: 'not_found',
    })
  })
})

describe('matching', () => {
  it('maps an incident to the exact topics it answers to', () => {
    expect(incidentTopics(['ent_a'], ['ransomware'])).toEqual(['entity:ent_a', 'tag:ransomware'])
  })

  it('keys a notification by subscription, surviving incident and change', async () => {
    const id = await notificationId('sub_1', 'inc_1', 'chg_1')
    expect(id).toMatch(/^ntf_[0-9a-f]{16}$/)
    expect(await notificationId('sub_1', 'inc_1', 'chg_1')).toBe(id)
    expect(await notificationId('sub_2', 'inc_1', 'chg_1')).not.toBe(id)
    expect(await notificationId('sub_1', 'inc_2', 'chg_1')).not.toBe(id)
  })

  it('looks for earlier notifications under the absorbed and the surviving id', async () => {
    const ids = await earlierNotificationIds(
      ['sub_1'],
      [{ id: 'chg_a', incidentId: 'inc_a' }],
      'inc_b',
    )
    expect([...ids.values()]).toEqual(['sub_1', 'sub_1'])
    expect([...ids.keys()].sort()).toEqual(
      [
        await notificationId('sub_1', 'inc_a', 'chg_a'),
        await notificationId('sub_1', 'inc_b', 'chg_a'),
      ].sort(),
    )
  })

  it('builds the documented payload', () => {
    const p = notificationPayload({
      id: 'ntf_1',
      createdAt: '2026-04-01T00:00:00.000Z',
      topic: 'watchlist:wl_1',
      incident: { id: 'inc_1', url: incidentUrl('https://s.example/', 'inc_1') },
      change: { kind: 'software_added', subject: 'ent_x', detail: { a: 1 } },
      watchlist: [
        {
          ecosystem: 'pypi',
          name: 'litellm',
          version: '1.82.7',
          affected: 'affected',
          affected_versions: ['1.82.7', '1.82.8'],
        },
      ],
    })
    expect(p).toEqual({
      id: 'ntf_1',
      type: 'software_added',
      created_at: '2026-04-01T00:00:00.000Z',
      topic: 'watchlist:wl_1',
      incident: { id: 'inc_1', url: 'https://s.example/incidents/inc_1' },
      change: { kind: 'software_added', subject: 'ent_x', detail: { a: 1 } },
      watchlist: {
        matches: [
          {
            ecosystem: 'pypi',
            name: 'litellm',
            version: '1.82.7',
            affected: 'affected',
            affected_versions: ['1.82.7', '1.82.8'],
          },
        ],
      },
    })
  })
})
