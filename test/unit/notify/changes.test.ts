import { describe, expect, it } from 'vitest'
import { addToProfile, emptyProfile } from '../../../src/pipeline/cluster/profile.js'
import {
  changeId,
  changeRecords,
  incidentChanges,
  type ChangeInput,
} from '../../../src/pipeline/notify/changes.js'
import { prominentIds, victimIds } from '../../../src/pipeline/notify/record-changes.js'
import type { Mention } from '../../../src/core/types.js'

const m = (entityId: string, type: Mention['type'], count = 1): Mention => ({
  entityId,
  type,
  name: entityId,
  surface: entityId,
  count,
  discovered: false,
})

const article = { id: 'art_1', url: 'https://news.example/a', title: 'A headline' }

function input(over: Partial<ChangeInput>): ChangeInput {
  const first = addToProfile(emptyProfile(), [m('mercor', 'organization')], new Map(), 'a')
  return {
    incidentId: 'inc_1',
    before: first,
    after: first,
    tagsBefore: [],
    tagsAfter: [],
    links: [],
    victims: new Set(),
    prominent: new Set(),
    mentions: [],
    article,
    ...over,
  }
}

describe('incidentChanges', () => {
  it('reports a new incident once, and nothing else about its first article', () => {
    const after = addToProfile(emptyProfile(), [m('teampcp', 'threat_actor')], new Map(), 'a')
    const out = incidentChanges(
      input({ before: null, after, tagsAfter: ['supply-chain'], prominent: new Set(['teampcp']) }),
    )
    expect(out).toEqual([
      { incidentId: 'inc_1', kind: 'incident_created', subject: '', detail: { article } },
    ])
  })

  it('reports a newly named actor only when the article is about it', () => {
    const base = input({})
    const after = addToProfile(base.before!, [m('teampcp', 'threat_actor')], new Map(), 'b')
    const mentions = [m('teampcp', 'threat_actor')]
    expect(incidentChanges({ ...base, after, mentions })).toEqual([])
    const out = incidentChanges({ ...base, after, mentions, prominent: new Set(['teampcp']) })
    expect(out.map((c) => [c.kind, c.subject])).toEqual([['actor_attributed', 'teampcp']])
    expect(out[0]!.detail).toMatchObject({ entity: { id: 'teampcp', type: 'threat_actor' } })
  })

  it('reports an organization only when named as a victim', () => {
    const base = input({})
    const after = addToProfile(base.before!, [m('acme', 'organization')], new Map(), 'b')
    expect(incidentChanges({ ...base, after, prominent: new Set(['acme']) })).toEqual([])
    const out = incidentChanges({ ...base, after, victims: new Set(['acme']) })
    expect(out.map((c) => c.kind)).toEqual(['victim_added'])
  })

  it('reports every new CVE, but not one the incident already had', () => {
    const base = input({})
    const after = addToProfile(base.before!, [m('cve-1', 'vulnerability')], new Map(), 'b')
    expect(incidentChanges({ ...base, after }).map((c) => c.kind)).toEqual(['vulnerability_added'])
    const again = addToProfile(after, [m('cve-1', 'vulnerability')], new Map(), 'c')
    expect(incidentChanges({ ...base, before: after, after: again })).toEqual([])
  })

  it('reports new tags and new links on both ends', () => {
    const out = incidentChanges(
      input({
        tagsBefore: ['supply-chain'],
        tagsAfter: ['supply-chain', 'data-breach'],
        links: [{ fromId: 'inc_1', toId: 'inc_0', relation: 'caused_by', evidence: 'via X' }],
      }),
    )
    expect(out.map((c) => [c.incidentId, c.kind, c.subject])).toEqual([
      ['inc_1', 'link_added', 'inc_0'],
      ['inc_0', 'link_added', 'inc_1'],
      ['inc_1', 'tag_added', 'data-breach'],
    ])
    expect(out[1]!.detail).toMatchObject({ direction: 'incoming', relation: 'caused_by' })
  })

  it('gives the same id to the same (incident, kind, subject)', async () => {
    const [a] = await changeRecords(
      [{ incidentId: 'inc_1', kind: 'tag_added', subject: 'ddos', detail: {} }],
      '2026-03-01T00:00:00Z',
    )
    expect(a!.id).toBe(await changeId('inc_1', 'tag_added', 'ddos'))
    expect(a!.id).not.toBe(await changeId('inc_2', 'tag_added', 'ddos'))
  })
})

describe('what an article says', () => {
  it('finds victims named by what happened to them', () => {
    const text = 'Globex Corp confirmed a data breach after attackers stole customer records.'
    const ids = victimIds({ title: 'Globex breach', text }, [
      { ...m('ent_globex', 'organization'), name: 'Globex Corp', surface: 'Globex Corp' },
      { ...m('ent_cisa', 'organization'), name: 'CISA', surface: 'CISA' },
    ])
    expect([...ids]).toEqual(['ent_globex'])
  })

  it('counts an entity as prominent in the headline, repeated, or as the culprit', () => {
    const text =
      'Researchers saw Emotet. The intrusion was attributed to TeamPCP. Lazarus was not involved.'
    const ids = prominentIds({ title: 'Trivy compromised', text }, [
      { ...m('a', 'threat_actor'), name: 'TeamPCP', surface: 'TeamPCP' },
      { ...m('b', 'threat_actor'), name: 'Lazarus', surface: 'Lazarus' },
      { ...m('c', 'software'), name: 'Trivy', surface: 'Trivy' },
      { ...m('d', 'malware', 2), name: 'Emotet', surface: 'Emotet' },
    ])
    expect([...ids].sort()).toEqual(['a', 'c', 'd'])
  })
})
