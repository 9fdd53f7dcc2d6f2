// Issue 5: the March 2026 chain. Trivy's CI is poisoned, the stolen token publishes backdoored
// LiteLLM releases, Mercor is breached through LiteLLM. Ingested through the real CLI in
// publication order, the three must be three incidents linked Mercor -> LiteLLM -> Trivy with
// `caused_by`, each link with its evidence sentence, on the API and on the incident page.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../helpers/app.js'
import { runCli } from '../helpers/cli.js'
import { tempDbUrl } from '../helpers/temp-db.js'

const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url))
const fixture = fileURLToPath(new URL('../fixtures/chain/trivy-litellm.jsonl', import.meta.url))
const present = existsSync(seedsDir)
if (!present) console.log(`skipping incident chain test: ${seedsDir} is absent (the shared data)`)

type Related = { id: string; title: string; relation: string; evidence: string | null }
type Detail = { id: string; title: string; related: Related[] }
type ApiArticle = { url: string; incident_id: string }

/** The seeds are TechCrunch's and The Next Web's Mercor stories: first line title, then text. */
function seedLines(): string[] {
  const dates = ['2026-04-01T10:00:00Z', '2026-04-03T10:00:00Z']
  const names = readdirSync(seedsDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
  return names.map((name, i) => {
    const [title, ...rest] = readFileSync(join(seedsDir, name), 'utf8').split('\n')
    return JSON.stringify({
      url: `https://news.example/seed/${name.replace('.txt', '')}`,
      title: title!.trim(),
      published: dates[i] ?? dates[1],
      text: rest.join('\n'),
      source: `seed-${i}`,
    })
  })
}

describe.skipIf(!present)('the Trivy -> LiteLLM -> Mercor chain', () => {
  const db = tempDbUrl()
  const env = { DATABASE_URL: db.url, SITREP_SEED_FEEDS: '0', SITREP_FETCH_PAGES: '0' }
  let api: Awaited<ReturnType<typeof openApp>>
  const incidentOf = new Map<string, string>()

  beforeAll(async () => {
    const lines = [...readFileSync(fixture, 'utf8').split('\n').filter(Boolean), ...seedLines()]
    const file = join(db.dir, 'chain.jsonl')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const r = await runCli(['ingest', file], env)
    expect(r.code, r.stderr).toBe(0)
    api = await openApp(db.url)
    const { body } = await api.get<{ data: ApiArticle[] }>('/api/v1/articles?limit=50')
    for (const a of body.data) incidentOf.set(a.url, a.incident_id)
  }, 90_000)

  afterAll(() => {
    api?.close()
    db.cleanup()
  })

  const idOf = (urlPart: string) => {
    const hit = [...incidentOf].find(([url]) => url.includes(urlPart))
    expect(hit, `article ${urlPart} stored`).toBeDefined()
    return hit![1]
  }
  const detail = async (id: string) => (await api.get<Detail>(`/api/v1/incidents/${id}`)).body

  it('keeps Trivy, LiteLLM and Mercor as three incidents', () => {
    const trivy = idOf('trivy-github-actions')
    const litellm = idOf('litellm-pypi-backdoor')
    const mercor = idOf('seed/000_')
    expect(idOf('aqua-security-trivy')).toBe(trivy)
    expect(idOf('litellm-compromise-traced')).toBe(litellm)
    expect(idOf('seed/004_')).toBe(mercor)
    expect(new Set([trivy, litellm, mercor]).size).toBe(3)
  })

  it('links Mercor caused_by LiteLLM and LiteLLM caused_by Trivy, with evidence', async () => {
    const [trivy, litellm, mercor] = ['trivy-github', 'litellm-pypi', 'seed/000_'].map(idOf)
    const m = await detail(mercor!)
    const toLitellm = m.related.find((r) => r.id === litellm)
    expect(toLitellm?.relation).toBe('caused_by')
    expect(toLitellm?.evidence).toMatch(/LiteLLM/)
    const l = await detail(litellm!)
    const toTrivy = l.related.find((r) => r.id === trivy)
    expect(toTrivy?.relation).toBe('caused_by')
    expect(toTrivy?.evidence).toMatch(/Trivy/)
    for (const r of [...m.related, ...l.related]) expect(r.evidence?.trim()).toBeTruthy()
    // Mercor is downstream of Trivy only through LiteLLM: no direct link, no "same actor".
    expect(m.related.find((r) => r.id === trivy)).toBeUndefined()
  })

  it('shows the linked incidents on the incident pages', async () => {
    const [trivy, litellm, mercor] = ['trivy-github', 'litellm-pypi', 'seed/000_'].map(idOf)
    const title = async (id: string) => (await detail(id)).title
    const page = async (id: string) => (await api.app.request(`/incidents/${id}`)).text()
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;')
    const mercorPage = await page(mercor!)
    expect(mercorPage).toContain('Linked incidents')
    expect(mercorPage).toContain(escape(await title(litellm!)))
    const litellmPage = await page(litellm!)
    expect(litellmPage).toContain(escape(await title(trivy!)))
    expect(litellmPage).toContain(escape(await title(mercor!)))
  })
})
