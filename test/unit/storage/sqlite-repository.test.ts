// Repository behaviour on embedded SQLite: atomic article bundles, keyset pagination, FTS search,
// entity filters, merged-incident resolution and idempotent re-saves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entityId, incidentId } from '../../../src/core/ids.js'
import type { Mention } from '../../../src/core/types.js'
import { addToProfile, emptyProfile } from '../../../src/pipeline/cluster/profile.js'
import type { ArticleBundle, Repository } from '../../../src/storage/repository.js'
import { openSqlite, type SqliteHandle } from '../../../src/storage/sqlite-node.js'

let handle: SqliteHandle
let repo: Repository

async function bundle(
  n: number,
  incident: string,
  mentions: Mention[],
  merged: string[] = [],
): Promise<ArticleBundle> {
  const at = `2026-03-${String(10 + n).padStart(2, '0')}T10:00:00.000Z`
  const id = `art_${String(n).padStart(16, '0')}`
  return {
    article: {
      id,
      url: `https://news.example/${n}`,
      title: `Mercor breach report ${n}`,
      source: `outlet-${n}`,
      publishedAt: at,
      fetchedAt: at,
      text: `Mercor confirmed a breach via LiteLLM. Item ${n}.`,
      origin: 'ingest',
      feedId: null,
      guid: null,
    },
    mentions,
    entities: mentions.map((m) => ({
      id: m.entityId,
      type: m.type,
      name: m.name,
      aliases: [],
      origin: 'discovered',
      provisional: true,
      description: null,
      firstSeenAt: null,
    })),
    events: [
      {
        date: at.slice(0, 10),
        text: `report ${n}`,
        sourceUrl: `https://news.example/${n}`,
        articleId: id,
      },
    ],
    incident: {
      id: incident,
      title: `Incident ${incident}`,
      summary: [{ text: `Summary ${n}`, articleId: id, sourceUrl: '' }],
      kind: 'incident',
      firstSeen: at,
      lastSeen: at,
      articleCount: 1,
      mergedInto: null,
      updatedAt: at,
      profile: addToProfile(emptyProfile(), mentions, new Map(), `outlet-${n}`),
    },
    incidentEntities: mentions.map((m) => ({
      entityId: m.entityId,
      articleCount: 1,
      lastSeen: at,
    })),
    mergedIncidentIds: merged,
    links: [],
    terms: ['mercor', 'breach'],
    indexTerms: ['mercor'],
    newIncident: true,
    bands: [],
    dedup: null,
  }
}

const mention = async (name: string, type: Mention['type']): Promise<Mention> => ({
  entityId: await entityId(type, name),
  type,
  name,
  surface: name,
  count: 1,
  discovered: true,
})

beforeAll(async () => {
  handle = await openSqlite(':memory:')
  repo = handle.repo
})
afterAll(() => handle.close())

describe('SQLite repository', () => {
  it('stores an article bundle and reads it back through every view', async () => {
    const mercor = await mention('Mercor', 'organization')
    const inc = await incidentId('a1')
    await repo.saveArticle(await bundle(1, inc, [mercor]))
    const page = await repo.listArticles({ limit: 10, cursor: null })
    expect(page.data).toHaveLength(1)
    expect(page.data[0]!.entities).toEqual([
      { id: mercor.entityId, name: 'Mercor', type: 'organization', surface: 'Mercor' },
    ])
    const detail = await repo.getIncident(inc)
    expect(detail?.timeline).toHaveLength(1)
    expect(detail?.articles[0]!.incidentId).toBe(inc)
    expect(
      (await repo.listIncidents({ limit: 5, cursor: null, entity: 'mercor' })).data,
    ).toHaveLength(1)
    expect(
      (await repo.listIncidents({ limit: 5, cursor: null, entity: 'nobody' })).data,
    ).toHaveLength(0)
    expect((await repo.listIncidents({ limit: 5, cursor: null, q: 'LiteLLM' })).data).toHaveLength(
      1,
    )
    expect(
      (await repo.listIncidents({ limit: 5, cursor: null, q: '"unbalanced NEAR(' })).data,
    ).toHaveLength(0)
  })

  it('re-saving the same bundle changes nothing', async () => {
    const before = await repo.counts()
    await repo.saveArticle(
      await bundle(1, await incidentId('a1'), [await mention('Mercor', 'organization')]),
    )
    expect(await repo.counts()).toEqual(before)
    const terms = await repo.termFrequencies(['mercor'])
    expect(terms.df.get('mercor')).toBe(2) // df counts saves; the pipeline never re-saves a known article
  })

  it('pages with keyset cursors in publication order, newest first', async () => {
    for (let n = 2; n <= 5; n++)
      await repo.saveArticle(await bundle(n, await incidentId(`a${n}`), []))
    const first = await repo.listArticles({ limit: 2, cursor: null })
    expect(first.data.map((a) => a.url)).toEqual([
      'https://news.example/5',
      'https://news.example/4',
    ])
    const second = await repo.listArticles({ limit: 2, cursor: first.nextCursor })
    expect(second.data.map((a) => a.url)).toEqual([
      'https://news.example/3',
      'https://news.example/2',
    ])
    const third = await repo.listArticles({ limit: 2, cursor: second.nextCursor })
    expect(third.data.map((a) => a.url)).toEqual(['https://news.example/1'])
    expect(third.nextCursor).toBeNull()
    await expect(repo.listArticles({ limit: 2, cursor: 'garbage' })).rejects.toThrow(/cursor/)
  })

  it('merging keeps the old incident id resolving to the survivor', async () => {
    const survivor = await incidentId('a6')
    const absorbed = await incidentId('a5')
    await repo.saveArticle(await bundle(6, survivor, [], [absorbed]))
    const viaOld = await repo.getIncident(absorbed)
    expect(viaOld?.id).toBe(survivor)
    expect(viaOld?.articles.map((a) => a.url).sort()).toEqual([
      'https://news.example/5',
      'https://news.example/6',
    ])
  })

  it('finds candidates through indexed terms, only within the time window, following merges', async () => {
    // Bundles 1..6 index the term "mercor"; incident a5 was merged into a6 above.
    const find = (since: string, terms = ['mercor']) =>
      repo.findCandidateIncidents({ entityIds: [], terms, since, limit: 40 })
    const all = await find('2026-03-01T00:00:00.000Z')
    const ids = all.map((i) => i.id)
    expect(ids).toContain(await incidentId('a6'))
    expect(ids).toContain(await incidentId('a1'))
    expect(ids).not.toContain(await incidentId('a5'))
    // Incident a5's terms moved to the survivor, so a6 is still found by them.
    const recent = await find('2026-03-16T00:00:00.000Z')
    expect(recent.map((i) => i.id)).toEqual([await incidentId('a6')])
    expect(await find('2026-03-01T00:00:00.000Z', ['nothing-like-this'])).toEqual([])
  })
})
