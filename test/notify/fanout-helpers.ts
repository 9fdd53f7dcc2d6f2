// A throwaway database with the real pipeline and repository, for fan-out tests.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseConfig } from '../../src/core/config.js'
import type { Deps } from '../../src/core/deps.js'
import { silentLogger } from '../../src/core/log.js'
import type { RawItem } from '../../src/core/types.js'
import { createPipelineContext } from '../../src/pipeline/context.js'
import { ingestItems } from '../../src/pipeline/ingest.js'
import type { SubscriptionRecord } from '../../src/storage/repository.js'
import { openSqlite, type SqliteHandle } from '../../src/storage/sqlite-node.js'

export const PUBLIC_URL = 'https://sitrep.example'

const chainFile = fileURLToPath(new URL('../fixtures/chain/trivy-litellm.jsonl', import.meta.url))

/** The Trivy -> LiteLLM fixture, in publication order. */
export function chainItems(): RawItem[] {
  return readFileSync(chainFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RawItem)
}

export async function openDb(url: string): Promise<{ deps: Deps; handle: SqliteHandle }> {
  const handle = await openSqlite(url)
  const deps: Deps = {
    config: parseConfig({ DATABASE_URL: url, SITREP_PUBLIC_URL: PUBLIC_URL }),
    repo: handle.repo,
    http: { fetch: () => Promise.reject(new Error('tests never touch the network')) },
    log: silentLogger,
    now: () => new Date('2026-04-01T12:00:00Z'),
  }
  return { deps, handle }
}

export async function ingest(deps: Deps, items: RawItem[]) {
  const ctx = await createPipelineContext(deps)
  return ingestItems(deps, ctx, items, { origin: 'ingest', feedId: null, source: null })
}

export function subscription(id: string, topic: string, over: Partial<SubscriptionRecord> = {}) {
  return {
    id,
    topic,
    channel: 'webhook',
    target: `http://127.0.0.1:9/${id}`,
    secretEnc: null,
    mode: 'immediate',
    status: 'active',
    disabledReason: null,
    confirmTokenHash: null,
    consecutiveFailures: 0,
    keyId: null,
    createdAt: '2026-03-01T00:00:00Z',
    confirmedAt: null,
    lastDigestAt: null,
    ...over,
  } satisfies SubscriptionRecord
}

/** Rows of a query on the test database. */
export async function rows<T>(handle: SqliteHandle, sql: string, args: string[] = []) {
  const r = await handle.client.execute({ sql, args })
  return r.rows as unknown as T[]
}

/** (subscription, incident, change kind, subject) of every notification, sorted. */
export async function notified(handle: SqliteHandle) {
  const list = await rows<{ s: string; i: string; k: string; subj: string }>(
    handle,
    `select n.subscription_id s, n.incident_id i, c.kind k, c.subject subj
     from notifications n join incident_changes c on c.id = n.change_id order by 1, 2, 3, 4`,
  )
  return list.map((r) => `${r.s} ${r.i} ${r.k} ${r.subj}`.trim())
}
