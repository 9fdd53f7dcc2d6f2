// Page inputs whose every string is hostile: markup, event handlers, a closing </style>, and
// URLs in every scheme a feed could slip in. Shared by the XSS tests.
import type { Feed } from '../../src/core/types.js'
import type { IncidentDetail } from '../../src/storage/repository.js'

export const X = `<script>alert(1)</script>"' onerror="alert(2)" </style><img src=x onerror=alert(3)></title>`
export const BAD_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  `https://ok.example/"><script>alert(1)</script>`,
]
export const now = new Date('2026-04-06T12:00:00Z')
export const entity = { id: `ent_x"><script>`, name: X, type: 'threat_actor' as const }

/** An incident whose every string is hostile; `i` varies its id. */
export function hostileIncident(i: number): IncidentDetail {
  return {
    id: `inc_${i}"><script>`,
    title: X,
    summary: BAD_URLS.map((u, k) => ({ text: X, articleId: `a${k}`, sourceUrl: u })),
    kind: 'incident',
    firstSeen: X,
    lastSeen: '2026-04-05T00:00:00Z',
    articleCount: 2,
    entities: [entity, { ...entity, type: 'malware' }],
    pinned: true,
    edited: true,
    edits: [
      {
        id: X,
        at: X,
        actor: X,
        action: X,
        targetType: 'incident',
        targetId: X,
        detail: { field: X, from: X, to: X, [X]: X },
      },
    ],
    articles: BAD_URLS.map((u, k) => ({
      id: `a${k}`,
      url: u,
      title: X,
      source: X,
      publishedAt: X,
      incidentId: null,
      duplicateOf: k ? 'a0' : X,
      entities: [],
    })),
    timeline: BAD_URLS.map((u, k) => ({ date: X, text: X, sourceUrl: u, articleId: `a${k}` })),
    related: (['caused_by', 'same_actor', 'related'] as const).map((relation, k) => ({
      id: `inc_${k}"><svg onload=alert(1)>`,
      title: X,
      relation,
      direction: k ? 'incoming' : 'outgoing',
      evidence: X,
    })),
  }
}

export const feed: Feed = {
  id: X,
  url: 'javascript:alert(1)',
  name: X,
  siteUrl: 'javascript:alert(1)',
  etag: X,
  lastModified: X,
  status: 'failing',
  errorCount: 3,
  lastError: X,
  lastFetchedAt: X,
  lastSuccessAt: X,
  nextFetchAt: X,
  failingSince: '2026-04-01T00:00:00Z',
  lastStatus: 500,
  intervalMinutes: 15,
  createdAt: X,
}

export const editor = { name: X, csrfToken: `"><script>alert(1)</script>` }
