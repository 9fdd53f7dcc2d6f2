// Fan-out bench (issue 7): 10,000 webhook subscriptions on one entity topic, one incident update,
// then fan-out (notifications inserted) and delivery to a local receiver (node:http on
// 127.0.0.1, in a child process like a real receiver elsewhere) that counts requests and
// verifies the signatures of every 100th subscription with the documented snippet. Prints
// fan-out time, deliveries per second and peak memory of the sitrep process. Temp database; no
// network beyond loopback; rate limits play no part (delivery does not go through the API).
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfig } from '../src/core/config.js'
import type { Deps } from '../src/core/deps.js'
import { silentLogger } from '../src/core/log.js'
import { randomSecret, secretBox, serverSecret } from '../src/core/secrets.js'
import type { RawItem } from '../src/core/types.js'
import { fanOut } from '../src/jobs/notify.js'
import { createPipelineContext } from '../src/pipeline/context.js'
import { ingestItems } from '../src/pipeline/ingest.js'
import { deliverWebhooks } from '../src/pipeline/notify/webhook-deliver.js'
import { createNodeHttpClient } from '../src/platform/node/http-client.js'
import { openSqlite } from '../src/storage/sqlite-node.js'
import type { Client } from '@libsql/client'

const SUBSCRIPTIONS = Number(process.env.BENCH_FANOUT_SUBSCRIPTIONS ?? 10_000)
const SAMPLE_EVERY = 100
const chainFile = new URL('../test/fixtures/chain/trivy-litellm.jsonl', import.meta.url)
const snippet = new URL('../docs/verify-webhook.mjs', import.meta.url).href
type Verify = (secret: string, body: Buffer, headers: Record<string, unknown>) => boolean

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** Samples heap and RSS every 20 ms; `peak()` also reads the kernel's max RSS of the process. */
function memoryPeaks() {
  const peaks = { heap: 0, rss: 0 }
  const sample = () => {
    const m = process.memoryUsage()
    peaks.heap = Math.max(peaks.heap, m.heapUsed)
    peaks.rss = Math.max(peaks.rss, m.rss)
  }
  const timer = setInterval(sample, 20)
  return {
    reset: () => ((peaks.heap = 0), (peaks.rss = 0), sample()),
    peak: () => (sample(), { ...peaks, maxRss: process.resourceUsage().maxRSS * 1024 }),
    stop: () => clearInterval(timer),
  }
}

interface ReceiverStats {
  requests: number
  distinct: number
  sampled: number
  verified: number
}

/** The child: counts requests and event ids, verifies those of the sampled subscriptions. */
async function receiverChild() {
  const { verifySitrepWebhook } = (await import(snippet)) as { verifySitrepWebhook: Verify }
  const secrets = new Map<string, string>()
  const ids = new Set<string>()
  const stats: ReceiverStats = { requests: 0, distinct: 0, sampled: 0, verified: 0 }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      stats.requests++
      ids.add(String(req.headers['sitrep-event-id']))
      const secret = secrets.get(new URL(req.url ?? '/', 'http://x').searchParams.get('s') ?? '')
      if (secret !== undefined) {
        stats.sampled++
        if (verifySitrepWebhook(secret, Buffer.concat(chunks), req.headers)) stats.verified++
      }
      res.writeHead(204).end()
    })
  })
  process.on('message', (m: { secrets?: [string, string][]; report?: boolean }) => {
    for (const [id, secret] of m.secrets ?? []) secrets.set(id, secret)
    if (m.report) process.send!({ stats: { ...stats, distinct: ids.size } }, () => process.exit(0))
  })
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo
    process.send!({ url: `http://127.0.0.1:${port}/hook` })
  })
}

function startReceiver(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(process.argv[1]!, ['--receiver'], { execArgv: ['--import', 'tsx'] })
  return new Promise((resolve) =>
    child.once('message', (m: { url: string }) => resolve({ child, url: m.url })),
  )
}

function receiverStats(child: ChildProcess): Promise<ReceiverStats> {
  return new Promise((resolve) => {
    child.once('message', (m: { stats: ReceiverStats }) => resolve(m.stats))
    child.send({ report: true })
  })
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-fanout-'))
  const dbUrl = `file:${join(dir, 'sitrep.db')}`
  const db = await openSqlite(dbUrl)
  const config = parseConfig({
    ...process.env,
    DATABASE_URL: dbUrl,
    SITREP_ALLOW_PRIVATE_NETWORKS: '1',
  })
  const http = createNodeHttpClient({ allowPrivateNetworks: true, connectTimeoutMs: 10_000 })
  const deps: Deps = { config, repo: db.repo, http, log: silentLogger, now: () => new Date() }
  const items = readFileSync(chainFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RawItem)
  const ingest = async (batch: RawItem[]) =>
    ingestItems(deps, await createPipelineContext(deps), batch, {
      origin: 'ingest',
      feedId: null,
      source: null,
    })
  const mem = memoryPeaks()
  let receiver: ChildProcess | null = null
  try {
    // The Trivy story makes TeamPCP known; nobody follows it yet, so its changes fan out to none.
    await ingest(items.slice(0, 2))
    await fanOut(deps)
    const entity = await db.repo.findEntityByTypedName('threat_actor', 'TeamPCP')
    if (!entity) throw new Error('the fixture did not produce the TeamPCP entity')

    const recv = await startReceiver()
    receiver = recv.child
    const t0 = performance.now()
    const sampled = await subscribe(deps, db.client, entity, recv.url)
    recv.child.send({ secrets: sampled })
    const subscribeMs = performance.now() - t0

    // One incident update: the LiteLLM story, a new incident attributed to TeamPCP.
    await ingest(items.slice(2, 3))
    mem.reset()
    const f0 = performance.now()
    const fan = await fanOut(deps)
    const fanMs = performance.now() - f0
    const fanPeak = mem.peak()

    mem.reset()
    const d0 = performance.now()
    const sent = await deliverWebhooks(deps, new Date())
    const deliverMs = performance.now() - d0
    const peak = mem.peak()
    const stats = await receiverStats(recv.child)

    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000))
    console.log(
      `\nFan-out bench: ${SUBSCRIPTIONS} webhook subscriptions on entity:${entity} (TeamPCP)`,
    )
    console.log(
      `  subscriptions created (secrets encrypted) in ${(subscribeMs / 1000).toFixed(1)} s`,
    )
    console.log(`  one incident update: ${fan.changes} change to fan out`)
    console.log(
      `  fan-out: ${fan.notifications} notifications in ${fanMs.toFixed(0)} ms ` +
        `(${rate(fan.notifications, fanMs)}/s); peak heap ${mb(fanPeak.heap)}, RSS ${mb(fanPeak.rss)}`,
    )
    console.log(
      `  delivery: ${sent.sent} sent, ${sent.failed} failed in ${(deliverMs / 1000).toFixed(2)} s = ` +
        `${rate(sent.sent, deliverMs)} deliveries/s (SITREP_WEBHOOK_CONCURRENCY=${config.webhookConcurrency})`,
    )
    console.log(
      `  receiver: ${stats.requests} requests, ${stats.distinct} distinct event ids, ` +
        `signatures verified ${stats.verified}/${stats.sampled} sampled`,
    )
    console.log(
      `  memory during delivery: peak heap ${mb(peak.heap)}, peak RSS ${mb(peak.rss)}; ` +
        `process max RSS ${mb(peak.maxRss)} (sitrep process; the receiver is a child)`,
    )
    const ok =
      fan.notifications === SUBSCRIPTIONS &&
      stats.requests === SUBSCRIPTIONS &&
      stats.distinct === SUBSCRIPTIONS &&
      stats.verified === stats.sampled
    if (!ok) {
      console.error('  FAILED: expected exactly one verified delivery per subscription')
      process.exitCode = 1
    }
  } finally {
    // The child exits after its report; this only ends one left behind by an error.
    if (receiver?.connected) receiver.kill()
    mem.stop()
    await http.close()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The rows createSubscription writes (random id, a secret encrypted with the server's), inserted
 * 500 per transaction to keep the setup short. Answers the sampled subscriptions' secrets.
 */
async function subscribe(deps: Deps, client: Client, entity: string, url: string) {
  const box = await secretBox(await serverSecret(deps))
  const createdAt = new Date().toISOString()
  const sampled: [string, string][] = []
  for (let i = 0; i < SUBSCRIPTIONS; i += 500) {
    const rows = await Promise.all(
      Array.from({ length: Math.min(500, SUBSCRIPTIONS - i) }, async (_, j) => {
        const id = `sub_${randomSecret(12)}`
        const secret = `whsec_${randomSecret()}`
        if ((i + j) % SAMPLE_EVERY === 0) sampled.push([id, secret])
        return {
          sql: `insert into subscriptions (id, topic, channel, target, secret_enc, mode, status,
            consecutive_failures, created_at) values (?, ?, 'webhook', ?, ?, 'immediate', 'active', 0, ?)`,
          args: [id, `entity:${entity}`, `${url}?s=${id}`, await box.encrypt(secret), createdAt],
        }
      }),
    )
    await client.batch(rows, 'write')
  }
  return sampled
}

if (process.argv.includes('--receiver')) await receiverChild()
else await main()
