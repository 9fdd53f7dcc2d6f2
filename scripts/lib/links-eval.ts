// Link quality against the gold `links` of a window. A predicted incident stands for the gold
// incident most of its articles belong to; a link counts when both ends map to two different gold
// incidents linked with the same relation. `caused_by` is directed (downstream -> upstream);
// `same_actor` and `related` are compared as unordered pairs, since the gold sets give them in
// either direction (and sometimes both).
import type { GoldIncident } from './gold.js'

export interface PredictedLink {
  fromArticleIds: string[]
  toArticleIds: string[]
  relation: string
}

export interface LinkScore {
  precision: number
  recall: number
  tp: number
  fp: number
  fn: number
  /** The same figures ignoring the relation and direction (is there any link between the two?). */
  untyped: { precision: number; recall: number; tp: number; fp: number; fn: number }
}

export function scoreLinks(
  goldIncidents: GoldIncident[],
  goldArticleIncident: Map<string, string | null>,
  predicted: PredictedLink[],
): LinkScore {
  const gold = new Set(
    goldIncidents.flatMap((g) => (g.links ?? []).map((l) => linkKey(g.incident, l.to, l.relation))),
  )
  const got = new Set<string>()
  for (const p of predicted) {
    const from = majority(p.fromArticleIds, goldArticleIncident)
    const to = majority(p.toArticleIds, goldArticleIncident)
    // A link into a no-event item or within one gold incident is wrong whatever the relation;
    // it still needs a key of its own so that it counts as a false positive.
    if (!from || !to || from === to) got.add(`bad|${p.fromArticleIds[0]}|${p.toArticleIds[0]}`)
    else got.add(linkKey(from, to, p.relation))
  }
  const untypedKey = (k: string) => (k.startsWith('bad|') ? k : pairOf(k))
  return {
    ...prf(gold, got),
    untyped: prf(new Set([...gold].map(untypedKey)), new Set([...got].map(untypedKey))),
  }
}

function linkKey(from: string, to: string, relation: string): string {
  const pair = relation === 'caused_by' ? [from, to] : [from, to].sort()
  return `${relation}|${pair.join('|')}`
}

function pairOf(key: string): string {
  const [, a, b] = key.split('|')
  return [a, b].sort().join('|')
}

/** The gold incident most of the articles belong to; ties go to a real incident, then by name. */
function majority(articleIds: string[], gold: Map<string, string | null>): string | null {
  const votes = new Map<string | null, number>()
  for (const id of articleIds) {
    if (!gold.has(id)) continue
    const g = gold.get(id) ?? null
    votes.set(g, (votes.get(g) ?? 0) + 1)
  }
  const ranked = [...votes].sort(
    (a, b) =>
      b[1] - a[1] ||
      Number(a[0] === null) - Number(b[0] === null) ||
      (a[0] ?? '').localeCompare(b[0] ?? ''),
  )
  return ranked[0]?.[0] ?? null
}

function prf(gold: Set<string>, got: Set<string>) {
  const tp = [...got].filter((k) => gold.has(k)).length
  const fp = got.size - tp
  const fn = [...gold].filter((k) => !got.has(k)).length
  return {
    precision: got.size ? tp / got.size : 0,
    recall: gold.size ? tp / gold.size : 0,
    tp,
    fp,
    fn,
  }
}

type App = { request(path: string): Response | Promise<Response> }
type Related = { id: string; relation: string; direction?: string }
type Detail = { id: string; first_seen: string; articles: { url: string }[]; related: Related[] }

/**
 * Every link of every incident, read through API v1 as a user would, with article ids via
 * `articleIdOf(url)`. The API lists a link on both incidents without saying which end it starts
 * from, so each link is read once; a `caused_by` runs from the incident first seen later (the
 * downstream one), unless the API says otherwise with an additive `direction` field.
 */
export async function readPredictedLinks(
  app: App,
  articleIdOf: (url: string) => string | undefined,
): Promise<PredictedLink[]> {
  const details = new Map<string, Detail>()
  for (const id of await allIncidentIds(app)) {
    const res = await app.request(`/api/v1/incidents/${encodeURIComponent(id)}`)
    details.set(id, (await res.json()) as Detail)
  }
  const seen = new Set<string>()
  const out: PredictedLink[] = []
  for (const d of details.values()) {
    for (const r of d.related) {
      const other = details.get(r.id)
      const key = `${r.relation}|${[d.id, r.id].sort().join('|')}`
      if (!other || seen.has(key)) continue
      seen.add(key)
      const outgoing = r.direction
        ? r.direction === 'outgoing'
        : d.first_seen > other.first_seen || (d.first_seen === other.first_seen && d.id > other.id)
      const [from, to] = outgoing ? [d, other] : [other, d]
      const ids = (x: Detail) => x.articles.flatMap((a) => articleIdOf(a.url) ?? [])
      out.push({ fromArticleIds: ids(from), toArticleIds: ids(to), relation: r.relation })
    }
  }
  return out
}

async function allIncidentIds(app: App): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const qs: string = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const res = await app.request(`/api/v1/incidents?${qs}`)
    const body = (await res.json()) as { data: { id: string }[]; next_cursor: string | null }
    ids.push(...body.data.map((i) => i.id))
    cursor = body.next_cursor
  } while (cursor)
  return ids
}
