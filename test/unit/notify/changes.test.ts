import { describe, expect, it } from 'vitest'
import { addToProfile, emptyProfile } from '../../../src/pipeline/cluster/profile.js'
import { incidentChanges } from '../../../src/pipeline/notify/changes.js'
import type { Mention } from '../../../src/core/types.js'

const m = (entityId: string, type: Mention['type']): Mention => ({
  entityId,
  type,
  name: entityId,
  surface: entityId,
  count: 1,
  discovered: false,
})

describe('incidentChanges', () => {
  const first = addToProfile(
    emptyProfile(),
    [m('mercor', 'organization'), m('litellm', 'software')],
    new Map(),
    'a',
  )

  it('reports a new incident once', () => {
    expect(incidentChanges('inc_1', null, first)).toEqual([
      { kind: 'incident_created', incidentId: 'inc_1', entityId: null, entityType: null },
    ])
  })

  it('reports a newly named actor but not a repeated mention or a new software name', () => {
    const next = addToProfile(
      first,
      [m('mercor', 'organization'), m('teampcp', 'threat_actor'), m('pypi', 'software')],
      new Map(),
      'b',
    )
    expect(incidentChanges('inc_1', first, next)).toEqual([
      {
        kind: 'entity_added',
        incidentId: 'inc_1',
        entityId: 'teampcp',
        entityType: 'threat_actor',
      },
    ])
    expect(
      incidentChanges(
        'inc_1',
        next,
        addToProfile(next, [m('mercor', 'organization')], new Map(), 'c'),
      ),
    ).toEqual([])
  })
})
