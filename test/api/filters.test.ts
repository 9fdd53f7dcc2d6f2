// Each list filter and sort of API v1 changes what comes back (asserted on contents), cursor
// pages of every sort add up to the unpaged list, and editor state is honoured: hidden
// incidents are left out, pinned ones are not moved, merged ids resolve. Every response is
// also validated against the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureApp, MERGED_ID, type Api } from './fixture-db.js'
import { openApiChecker, type Checker } from './openapi-check.js'

type Incident = {
  id: string
  title: string
  first_seen: string
  last_seen: string
  article_count: number
  entities: { id: string; name: string; type: string }[]
  pinned: boolean
  hidden: boolean
  edited: boolean
}
type Article = {
  id: string
  url: string
  source: string
  published_at: string
  incident_id: string
}
type Entity = { id: string; name: string; type: string; incident_count: number }
type Page<T> = { data: T[]; next_cursor: string | null }

describe('API v1 list filters and sorts', () => {
  let api: Api
  let check: Checker
  const list = async <T>(path: string) => {
    const res = await check.call(`/api/v1${path}`)
    expect(res.status, path).toBe(200)
    return res.body as Page<T>
  }
  const titles = async (path: string) =>
    (await list<Incident>(path)).data.map((i) => i.title.split(' ')[0])

  /** Follows next_cursor with `limit` per page. */
  async function walk<T extends { id: string }>(path: string, limit: number) {
    const out: T[] = []
    let cursor: string | null = null
    do {
      const sep = path.includes('?') ? '&' : '?'
      const c: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      const page: Page<T> = await list<T>(`${path}${sep}limit=${limit}${c}`)
      out.push(...page.data)
      cursor = page.next_cursor
    } while (cursor)
    return out.map((x) => x.id)
  }

  beforeAll(async () => {
    api = await fixtureApp()
    check = await openApiChecker(api)
  }, 60_000)
  afterAll(() => api?.close())

  it('lists incidents by last seen; hidden left out, pinned not moved', async () => {
    const all = await list<Incident>('/incidents')
    expect(all.data.map((i) => i.title.split(' ')[0])).toEqual([
      'Lazarus',
      'LockBit',
      'Clop',
      'Ivanti',
    ])
    const seen = all.data.map((i) => i.last_seen)
    expect(seen).toEqual([...seen].sort().reverse())
    expect(all.data.find((i) => i.id === api.ids.ivanti)?.pinned).toBe(true)
    expect(all.data.find((i) => i.id === api.ids.lockbit)?.edited).toBe(true)
    expect(all.data.every((i) => i.hidden === false)).toBe(true)
    expect(all.data.map((i) => i.id)).not.toContain(api.ids.qakbot)
  })

  it('filters by entity id, name or alias; several are all required', async () => {
    expect(await titles('/incidents?entity=Cl0p')).toEqual(['Clop'])
    expect(await titles('/incidents?entity=lazarus')).toEqual(['Lazarus'])
    const lockbit = (await list<Incident>('/incidents?entity=LockBit')).data[0]!
    const id = lockbit.entities.find((e) => e.name === 'LockBit')!.id
    expect(await titles(`/incidents?entity=${id}`)).toEqual(['LockBit'])
    expect(await titles('/incidents?entity=Clop,MOVEit')).toEqual(['Clop'])
    expect(await titles('/incidents?entity=Clop&entity=MOVEit%20Transfer')).toEqual(['Clop'])
    expect(await titles('/incidents?entity=Clop&entity=LockBit')).toEqual([])
    expect(await titles('/incidents?entity=nobody-knows-this')).toEqual([])
  })

  it('filters by entity type, full text, source and time window', async () => {
    expect(await titles('/incidents?type=vulnerability')).toEqual(['Clop', 'Ivanti'])
    expect(await titles('/incidents?type=malware')).toEqual(['Ivanti']) // Qakbot's is hidden
    expect(await titles('/incidents?q=cryptocurrency')).toEqual(['Lazarus'])
    expect(await titles('/incidents?q=patient%20records')).toEqual(['LockBit'])
    expect(await titles('/incidents?source=recorddesk.example')).toEqual([
      'Lazarus',
      'LockBit',
      'Clop',
    ])
    expect(await titles('/incidents?source=www.hackerdaily.example')).toEqual(['Lazarus', 'Clop'])
    expect(await titles('/incidents?source=hacker%20DAILY')).toEqual(['Lazarus', 'Clop'])
    expect(await titles('/incidents?source=elsewhere.example')).toEqual([])
    // since: still active on or after; until: first seen on or before (a bare date: that day).
    expect(await titles('/incidents?since=2026-03-09T14:00:00Z')).toEqual(['Lazarus', 'LockBit'])
    expect(await titles('/incidents?until=2026-03-04')).toEqual(['Clop', 'Ivanti'])
    expect(await titles('/incidents?since=2026-03-05&until=2026-03-08')).toEqual([
      'LockBit',
      'Clop',
    ])
  })

  it('sorts by first seen and by coverage', async () => {
    expect(await titles('/incidents?sort=first_seen')).toEqual([
      'Lazarus',
      'LockBit',
      'Ivanti',
      'Clop',
    ])
    const covered = (await list<Incident>('/incidents?sort=coverage')).data
    expect(covered[0]!.title).toMatch(/^Clop/)
    const counts = covered.map((i) => i.article_count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })

  it('pages every sort by keyset, without gaps or repeats', async () => {
    for (const sort of ['recent', 'first_seen', 'coverage']) {
      const whole = (await list<Incident>(`/incidents?sort=${sort}`)).data.map((i) => i.id)
      for (const limit of [1, 3])
        expect(await walk(`/incidents?sort=${sort}`, limit)).toEqual(whole)
    }
    const entities = (await list<Entity>('/entities?sort=incidents&limit=200')).data.map(
      (e) => e.id,
    )
    expect(await walk('/entities?sort=incidents', 4)).toEqual(entities)
    const articles = (await list<Article>('/articles?limit=200')).data.map((a) => a.id)
    expect(await walk('/articles', 4)).toEqual(articles)
  })

  it('refuses a cursor from another sort', async () => {
    const page = await list<Incident>('/incidents?sort=coverage&limit=1')
    const res = await check.call(`/api/v1/incidents?sort=recent&cursor=${page.next_cursor}`)
    expect(res.status).toBe(400)
  })

  it('filters articles by source, time and incident (merged ids resolve)', async () => {
    const bySource = (await list<Article>('/articles?source=bleeping.example')).data
    expect(bySource.length).toBe(3)
    expect(bySource.every((a) => a.url.startsWith('https://bleeping.example/'))).toBe(true)
    const byName = (await list<Article>('/articles?source=record%20desk')).data
    expect(byName.map((a) => a.source)).toEqual(['Record Desk', 'Record Desk', 'Record Desk'])
    const window = (await list<Article>('/articles?since=2026-03-05&until=2026-03-06')).data
    expect(window.map((a) => a.published_at.slice(0, 10))).toEqual(['2026-03-06', '2026-03-05'])
    const edge = (
      await list<Article>('/articles?since=2026-03-05T12:00:00Z&until=2026-03-05T12:00:00Z')
    ).data
    expect(edge.map((a) => a.published_at)).toEqual(['2026-03-05T12:00:00.000Z'])
    const zoned = (
      await list<Article>('/articles?until=2026-03-05T13:00:00%2B01:00&since=2026-03-05')
    ).data
    expect(zoned.map((a) => a.published_at)).toEqual(['2026-03-05T12:00:00.000Z'])
    const clop = (await list<Article>(`/articles?incident=${api.ids.clop}`)).data
    expect(clop.length).toBe(3)
    expect(clop.every((a) => a.incident_id === api.ids.clop)).toBe(true)
    const merged = (await list<Article>(`/articles?incident=${MERGED_ID}`)).data
    expect(merged.map((a) => a.id)).toEqual(clop.map((a) => a.id))
    expect((await list<Article>('/articles?incident=inc_ffffffffffffffff')).data).toEqual([])
  })

  it('resolves a merged incident id to the surviving incident', async () => {
    const res = await check.call(`/api/v1/incidents/${MERGED_ID}`)
    expect(res.status).toBe(200)
    expect((res.body as Incident).id).toBe(api.ids.clop)
  })

  it('filters and sorts entities', async () => {
    const actors = (await list<Entity>('/entities?type=threat_actor&limit=200')).data
    expect(actors.map((e) => e.name)).toEqual(['Clop', 'Lazarus Group', 'LockBit'])
    expect((await list<Entity>('/entities?q=cl0p')).data.map((e) => e.name)).toEqual(['Clop'])
    const ranked = (await list<Entity>('/entities?sort=incidents&limit=200')).data
    const counts = ranked.map((e) => e.incident_count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const sw = (await list<Entity>('/entities?sort=incidents&type=software&q=moveit')).data
    expect(sw.map((e) => e.name)).toEqual(['MOVEit Transfer'])
  })
})
