// The Trivy and LiteLLM compromises stay two incidents even when other news comes first: with
// more documents the shared actor and CI vocabulary weigh more, and the LiteLLM report used to be
// folded into the Trivy incident (found by the browser fixtures; fixed by the headline rule).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createNodeRuntime } from '../../src/entry/node-deps.js'
import { createPipelineContext } from '../../src/pipeline/context.js'
import { ingestItems } from '../../src/pipeline/ingest.js'

type Item = { url: string; title: string; published: string; text: string; source: string }

const read = (path: string): Item[] =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Item)

describe('incident chain with earlier unrelated news', () => {
  it('keeps the Trivy and LiteLLM compromises apart', async () => {
    // Northwind and Harborview moved to early March, before the chain (fixtures say April).
    const earlier = read('browser/site/extra-incidents.jsonl')
      .filter((i) => !i.title.includes('Mercor'))
      .map((i) => ({ ...i, published: i.published.replace('2026-04-', '2026-03-') }))
    const chain = read('chain/trivy-litellm.jsonl')
    const rt = await createNodeRuntime({
      DATABASE_URL: ':memory:',
      SITREP_FETCH_PAGES: '0',
      SITREP_SEED_FEEDS: '0',
      SITREP_LOG_LEVEL: 'error',
    })
    try {
      const ctx = await createPipelineContext(rt.deps)
      for (const item of [...earlier, ...chain].sort((a, b) =>
        a.published.localeCompare(b.published),
      ))
        await ingestItems(rt.deps, ctx, [item], { origin: 'ingest', feedId: null, source: null })
      const articles = (await rt.deps.repo.listArticles({ limit: 50, cursor: null })).data
      expect(articles).toHaveLength(earlier.length + chain.length)
      const incidentOf = (word: string) =>
        new Set(articles.filter((a) => a.title.includes(word)).map((a) => a.incidentId))
      expect(incidentOf('Trivy').size).toBe(1)
      expect(incidentOf('LiteLLM').size).toBe(1)
      expect([...incidentOf('Trivy')][0]).not.toBe([...incidentOf('LiteLLM')][0])
    } finally {
      await rt.close()
    }
  })
})
