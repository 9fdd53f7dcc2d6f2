import { describe, expect, it } from 'vitest'
import type { EntityType } from '../../../src/core/types.js'
import { scoreLinks } from '../../../scripts/lib/links-eval.js'
import { detectLinks, type LinkIncident } from '../../../src/pipeline/cluster/links.js'

const ent = (name: string, type: EntityType) => ({
  id: `${type}:${name.toLowerCase()}`,
  name,
  type,
})

/** An incident whose articles are given as [headline, ...sentences]. */
function incident(
  id: string,
  firstSeen: string,
  lastSeen: string,
  entities: ReturnType<typeof ent>[],
  articles: string[][],
): LinkIncident {
  return {
    id,
    title: articles[0]![0]!,
    firstSeen,
    lastSeen,
    entities,
    sentences: articles.flatMap((a, i) => a.map((text) => ({ text, articleId: `${id}-a${i}` }))),
  }
}

const teampcp = ent('TeamPCP', 'threat_actor')
const trivy = incident(
  'inc-trivy',
  '2026-03-20',
  '2026-03-21',
  [ent('Trivy', 'software'), ent('Aqua Security', 'organization'), teampcp],
  [
    ['TeamPCP hijacks Trivy GitHub Actions', 'TeamPCP poisoned the Trivy actions on March 19.'],
    ['Aqua Security urges Trivy users to rotate secrets', 'The Trivy tags were restored.'],
  ],
)
const litellm = incident(
  'inc-litellm',
  '2026-03-24',
  '2026-03-25',
  [ent('LiteLLM', 'software'), ent('Trivy', 'software'), ent('PyPI', 'software'), teampcp],
  [
    [
      'Backdoored LiteLLM releases published to PyPI',
      'TeamPCP published the backdoored versions using a PyPI token stolen in the earlier Trivy compromise.',
    ],
    ['LiteLLM maintainers publish incident report', 'Users of LiteLLM 1.82.7 should rotate keys.'],
  ],
)
const mercor = incident(
  'inc-mercor',
  '2026-04-01',
  '2026-04-03',
  [ent('Mercor', 'organization'), ent('LiteLLM', 'software'), ent('Meta', 'organization'), teampcp],
  [
    [
      'Startup Mercor confirms data breach',
      'Mercor admitted to a data breach originating from a hack of the open-source tool LiteLLM.',
    ],
    [
      'Meta pauses work with Mercor',
      'Threat groups Lapsus$ and TeamPCP claimed the Mercor attack.',
    ],
  ],
)

describe('detectLinks: caused_by', () => {
  it('links the downstream incident to the upstream one with the sentence that says so', () => {
    const links = detectLinks(mercor, [litellm, trivy])
    expect(links).toEqual([
      {
        fromId: 'inc-mercor',
        toId: 'inc-litellm',
        relation: 'caused_by',
        evidence:
          'Mercor admitted to a data breach originating from a hack of the open-source tool LiteLLM.',
      },
    ])
  })

  it('finds the link from either side, pointing downstream -> upstream', () => {
    expect(detectLinks(litellm, [trivy])).toMatchObject([
      { fromId: 'inc-litellm', toId: 'inc-trivy', relation: 'caused_by' },
    ])
    // A late Trivy article: LiteLLM's own sentences name Trivy as the cause.
    expect(detectLinks(trivy, [litellm])).toMatchObject([
      { fromId: 'inc-litellm', toId: 'inc-trivy', relation: 'caused_by' },
    ])
  })

  it('never blames an incident for a name that is more its own', () => {
    const aside = incident('inc-litellm-2', '2026-03-24', '2026-04-05', litellm.entities, [
      ['LiteLLM compromise hits AI startups', 'Mercor said it was breached via the LiteLLM hack.'],
    ])
    const links = detectLinks(aside, [mercor])
    expect(links.filter((l) => l.fromId === 'inc-litellm-2')).toEqual([])
  })

  it('names one cause per sentence: the nearest after the first cue', () => {
    const chained = incident('inc-m2', '2026-04-01', '2026-04-02', mercor.entities, [
      [
        'Mercor data breach',
        'Mercor was breached via poisoned LiteLLM releases, published with a token stolen in the Trivy compromise.',
      ],
    ])
    const links = detectLinks(chained, [litellm, trivy])
    expect(links.map((l) => [l.toId, l.relation])).toEqual([['inc-litellm', 'caused_by']])
  })

  it('needs the cause to have started first', () => {
    const early = { ...mercor, firstSeen: '2026-03-01', lastSeen: '2026-03-02' }
    expect(detectLinks(early, [litellm])).toEqual([])
  })

  it('ignores generic vendors and temporal "after"', () => {
    const chrome = incident(
      'inc-chrome',
      '2023-09-11',
      '2023-09-12',
      [ent('Google', 'organization'), ent('Chrome', 'software')],
      [['Google fixes Chrome zero-day', 'Google patched the Chrome flaw.']],
    )
    const mozilla = incident(
      'inc-moz',
      '2023-09-12',
      '2023-09-13',
      [ent('Firefox', 'software')],
      [
        [
          'After Apple and Google, Mozilla also patches zero-day exploited for spyware',
          'The Firefox flaw was exploited via a crafted image from Google servers after a breach.',
        ],
      ],
    )
    expect(detectLinks(mozilla, [chrome])).toEqual([])
  })
})

describe('detectLinks: campaigns and split stories', () => {
  const clop = ent('Clop', 'threat_actor')
  const moveit = { ...ent('MOVEit Transfer', 'software'), aliases: ['MOVEit'] }
  const hub = incident(
    'inc-moveit',
    '2023-06-01',
    '2023-06-20',
    [moveit, clop, ent('Progress Software', 'organization')],
    [
      [
        'Clop exploits MOVEit Transfer zero-day in mass attacks',
        'Progress Software patched MOVEit Transfer.',
      ],
      ['MOVEit Transfer mass exploitation widens'],
    ],
  )
  const sysaid = incident(
    'inc-sysaid',
    '2023-06-05',
    '2023-06-06',
    [ent('SysAid', 'software'), clop],
    [['SysAid zero-day exploited by Clop ransomware group', 'Clop abused SysAid servers.']],
  )

  it('reads "part of the <actor> <product> attacks" as the product campaign', () => {
    const zellis = incident(
      'inc-zellis',
      '2023-06-07',
      '2023-06-08',
      [ent('Zellis', 'organization'), clop, moveit],
      [
        [
          'Zellis confirms data theft',
          'Zellis lost payroll data as part of the Clop MOVEit attacks.',
        ],
      ],
    )
    expect(detectLinks(zellis, [sysaid, hub])).toMatchObject([
      { fromId: 'inc-zellis', toId: 'inc-moveit', relation: 'caused_by' },
    ])
  })

  it('does not make two halves of one story the cause of each other', () => {
    const half = incident(
      'inc-moveit-2',
      '2023-06-10',
      '2023-06-12',
      [moveit, clop, ent('Progress Software', 'organization')],
      [
        [
          'Progress urges MOVEit Transfer patch',
          'Clop is exploiting a flaw in MOVEit Transfer as part of the MOVEit mass exploitation.',
        ],
      ],
    )
    expect(detectLinks(half, [hub]).filter((l) => l.relation === 'caused_by')).toEqual([])
  })
})

describe('detectLinks: same_actor and related', () => {
  const lazarus = ent('Lazarus Group', 'threat_actor')
  const stake = incident(
    'inc-stake',
    '2023-09-11',
    '2023-09-11',
    [ent('Stake.com', 'organization'), lazarus],
    [['FBI blames Lazarus Group for $41 million Stake.com heist']],
  )
  const coinex = incident(
    'inc-coinex',
    '2023-09-13',
    '2023-09-17',
    [ent('CoinEx', 'organization'), lazarus],
    [
      ['Hackers steal $53 million from CoinEx'],
      ['Lazarus Group suspected in CoinEx heist', 'The Lazarus Group is behind the theft.'],
    ],
  )

  it('links two operations of one named actor, later -> earlier, whichever side sees it', () => {
    const expected = [
      {
        fromId: 'inc-coinex',
        toId: 'inc-stake',
        relation: 'same_actor',
        evidence: 'FBI blames Lazarus Group for $41 million Stake.com heist',
      },
    ]
    expect(detectLinks(stake, [coinex])).toEqual(expected)
    expect(detectLinks(coinex, [stake])).toMatchObject([
      { fromId: 'inc-coinex', toId: 'inc-stake', relation: 'same_actor' },
    ])
  })

  it('does not count an actor named only in comparison', () => {
    const phish = incident(
      'inc-phish',
      '2023-09-12',
      '2023-09-12',
      [ent('Gmail', 'software'), lazarus],
      [['Gmail phishing wave', 'The method is similar to one the Lazarus Group used last year.']],
    )
    expect(detectLinks(phish, [stake])).toEqual([])
  })

  it('leaves out the actor of a causal chain', () => {
    expect(detectLinks(mercor, [litellm, trivy]).some((l) => l.relation === 'same_actor')).toBe(
      false,
    )
  })

  it('reads "the group that hacked <victim>" as the same actor', () => {
    const mgm = incident(
      'inc-mgm',
      '2023-09-11',
      '2023-09-14',
      [ent('MGM Resorts', 'organization'), ent('ALPHV', 'threat_actor')],
      [
        ['MGM Resorts shuts down IT systems after cyberattack'],
        ['ALPHV claims MGM Resorts attack'],
      ],
    )
    const unc = incident(
      'inc-unc',
      '2023-09-15',
      '2023-09-18',
      [ent('UNC3944', 'threat_actor'), ent('MGM Resorts', 'organization')],
      [
        [
          'UNC3944 broadens targets',
          'The UNC3944 group that hacked MGM Resorts has hit 100 organizations.',
        ],
        ['UNC3944 shifts to ransomware'],
      ],
    )
    expect(detectLinks(unc, [mgm])).toMatchObject([
      { fromId: 'inc-unc', toId: 'inc-mgm', relation: 'same_actor' },
    ])
  })

  it('links a follow-on lawsuit story to the breach it follows', () => {
    const suit = incident(
      'inc-suit',
      '2026-04-10',
      '2026-04-10',
      [ent('Mercor', 'organization')],
      [
        [
          'Contractors sue Mercor over data breach',
          'Five contractors filed a class action lawsuit against Mercor.',
        ],
      ],
    )
    expect(detectLinks(suit, [mercor])).toEqual([
      {
        fromId: 'inc-suit',
        toId: 'inc-mercor',
        relation: 'related',
        evidence: 'Five contractors filed a class action lawsuit against Mercor.',
      },
    ])
  })

  it('never links an incident to itself, and does not depend on the order of the others', () => {
    const a = detectLinks(mercor, [trivy, mercor, litellm, litellm])
    const b = detectLinks(mercor, [litellm, trivy])
    expect(a).toEqual(b)
    expect(a.every((l) => l.fromId !== l.toId)).toBe(true)
  })
})

describe('scoreLinks (scripts/lib/links-eval.ts)', () => {
  const gold = [
    {
      incident: 'mercor',
      title: '',
      key_entities: [],
      timeline: [],
      links: [{ to: 'litellm', relation: 'caused_by' }],
    },
    {
      incident: 'stake',
      title: '',
      key_entities: [],
      timeline: [],
      links: [{ to: 'lazarus', relation: 'same_actor' }],
    },
  ]
  const articles = new Map<string, string | null>([
    ['m1', 'mercor'],
    ['m2', 'mercor'],
    ['l1', 'litellm'],
    ['s1', 'stake'],
    ['z1', 'lazarus'],
    ['n1', null],
  ])

  it('maps incidents by majority, keeps caused_by directed and same_actor unordered', () => {
    const s = scoreLinks(gold, articles, [
      { fromArticleIds: ['m1', 'm2', 'l1'], toArticleIds: ['l1'], relation: 'caused_by' },
      { fromArticleIds: ['z1'], toArticleIds: ['s1'], relation: 'same_actor' },
      { fromArticleIds: ['n1'], toArticleIds: ['s1'], relation: 'related' },
    ])
    expect(s).toMatchObject({ tp: 2, fp: 1, fn: 0, recall: 1 })
    expect(s.precision).toBeCloseTo(2 / 3)
  })

  it('counts a reversed caused_by as wrong, and right when relations are ignored', () => {
    const s = scoreLinks(gold, articles, [
      { fromArticleIds: ['l1'], toArticleIds: ['m1'], relation: 'caused_by' },
    ])
    expect(s).toMatchObject({ tp: 0, fp: 1, fn: 2, untyped: { tp: 1, fp: 0, fn: 1 } })
  })
})
