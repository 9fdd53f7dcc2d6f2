// HTTP serving bench (issue 6): the real Node server over a database of 10k incidents / 50k
// articles against a bare Hono hello-world on the same machine, with autocannon. Targets: p99
// under 50 ms and at least 40% of hello-world's throughput, for `GET /api/v1/incidents` and an
// incident page. A missed target is profiled (--cpu-prof) and the hot spots are printed.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { ARTICLES, benchDatabase, INCIDENTS } from './lib/bench-http-db.js'
import { measure, spawnServer, type LoadOptions, type LoadResult } from './lib/bench-http-load.js'
import { printHotspots, printSql, summarizeProfile } from './lib/bench-http-profile.js'
import type { SqlTotal } from './lib/bench-http-sql-trace.js'

const P99_TARGET_MS = 50
const RATIO_TARGET = 0.4
const opts: LoadOptions = {
  connections: Number(process.env.BENCH_HTTP_CONNECTIONS ?? 50),
  seconds: Number(process.env.BENCH_HTTP_SECONDS ?? 10),
  warmupSeconds: 2,
}

interface Target {
  name: string
  paths: string[]
  /** Held to the targets; the others are printed for context. */
  gated: boolean
}

async function targets(dbUrl: string, base: string): Promise<Target[]> {
  const client = createClient({ url: dbUrl })
  const rows = await client.execute(
    'select id from incidents where merged_into is null order by id limit 200',
  )
  client.close()
  const ids = rows.rows.map((r) => String(r.id))
  const first = (await (await fetch(`${base}/api/v1/incidents`)).json()) as { next_cursor: string }
  const cursor = encodeURIComponent(first.next_cursor)
  return [
    { name: 'GET /api/v1/incidents', paths: ['/api/v1/incidents'], gated: true },
    {
      name: `GET /incidents/ID (${ids.length} ids)`,
      paths: ids.map((id) => `/incidents/${id}`),
      gated: true,
    },
    {
      name: 'GET /api/v1/incidents?limit=50&cursor=…',
      paths: [`/api/v1/incidents?limit=50&cursor=${cursor}`],
      gated: false,
    },
    {
      name: 'GET /api/v1/incidents/ID',
      paths: ids.map((id) => `/api/v1/incidents/${id}`),
      gated: false,
    },
  ]
}

/** Every path must answer 200 before it is measured: a fast 404 would flatter the figures. */
async function checkPaths(base: string, t: Target): Promise<void> {
  for (const path of t.paths.slice(0, 3)) {
    const res = await fetch(`${base}${path}`)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${t.name}: ${path} answered ${res.status}`)
  }
}

const fmt = (n: number, d = 1) => n.toFixed(d)

function report(hello: LoadResult, results: { t: Target; r: LoadResult }[]): boolean {
  const head = ['p50 ms', 'p99 ms', 'max ms', 'req/s', 'vs hello', 'failed', 'CPU ms/req']
  console.log(`\n  ${'target'.padEnd(42)}${head.map((h) => h.padStart(11)).join('')}`)
  const line = (name: string, r: LoadResult) => {
    const cells = [fmt(r.p50), fmt(r.p99), fmt(r.max, 0), fmt(r.rps, 0)]
    cells.push(`${fmt((100 * r.rps) / hello.rps, 0)}%`, String(r.non2xx + r.errors))
    cells.push(r.cpuPerRequestMs === null ? '-' : fmt(r.cpuPerRequestMs, 3))
    console.log(`  ${name.padEnd(42)}${cells.map((c) => c.padStart(11)).join('')}`)
  }
  line('hello-world (bare Hono, @hono/node-server)', hello)
  for (const { r, t } of results) line(t.name, r)
  if (hello.cpuPerRequestMs)
    console.log(
      `\n  ${RATIO_TARGET * 100}% of hello-world needs at most ~${fmt(hello.cpuPerRequestMs / RATIO_TARGET, 3)} ms of server CPU per request (one process, one core).`,
    )
  console.log('')
  let pass = true
  for (const { t, r } of results.filter((x) => x.t.gated)) {
    const ratio = r.rps / hello.rps
    const failed = r.non2xx + r.errors
    const ok = r.p99 < P99_TARGET_MS && ratio >= RATIO_TARGET && failed === 0
    pass &&= ok
    const notes = [
      `p99 ${fmt(r.p99)} ms (target < ${P99_TARGET_MS})`,
      `throughput ${fmt(ratio * 100, 0)}% of hello-world (target >= ${RATIO_TARGET * 100}%)`,
      ...(failed ? [`${failed} failed responses`] : []),
    ]
    console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${t.name}: ${notes.join(', ')}`)
  }
  return pass
}

async function profile(dbUrl: string, t: Target): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-prof-'))
  const sqlFile = join(dir, 'sql.json')
  const server = await spawnServer('sitrep', dbUrl, ['--cpu-prof', `--cpu-prof-dir=${dir}`], {
    BENCH_HTTP_SQL_TRACE: sqlFile,
  })
  const r = await measure(t.name, server, t.paths, { ...opts, warmupSeconds: 0 })
  await server.stop()
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) return console.log(`  (no profile written for ${t.name})`)
  const s = summarizeProfile(join(dir, file))
  console.log(`\n  profile of ${t.name} (${fmt(s.busyMs / 1000)} s busy; self time):`)
  printHotspots('by source file / package', s.byFile)
  printHotspots('by function', s.byFunction)
  printHotspots('by nearest sitrep function up the stack (inclusive)', s.byOurCaller)
  printSql(JSON.parse(readFileSync(sqlFile, 'utf8')) as SqlTotal[], r.requests, s.busyMs)
  console.log(`  raw profile: ${join(dir, file)} (open in Chrome DevTools)`)
}

async function main() {
  console.log(
    `HTTP bench: ${INCIDENTS} incidents / ${ARTICLES} articles, ${opts.connections} connections, ${opts.seconds} s per target (+${opts.warmupSeconds} s warm-up)`,
  )
  // Other work on the machine skews every figure: say how busy it was.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')
  console.log(`machine: ${cpus().length} CPUs, load average ${load()} (1/5/15 min) at start`)
  const db = await benchDatabase((m) => console.log(m))
  console.log(`database: ${db.url}${db.built ? '' : ' (cached)'}`)
  console.log(
    'rate limiting is OFF for the sitrep server (SITREP_RATE_LIMIT_ANON=0, SITREP_RATE_LIMIT_KEY=0)',
  )
  const helloServer = await spawnServer('hello', '')
  const hello = await measure('hello', helloServer, ['/'], opts)
  await helloServer.stop()
  const sitrep = await spawnServer('sitrep', db.url)
  const results: { t: Target; r: LoadResult }[] = []
  const list = await targets(db.url, sitrep.base)
  try {
    for (const t of list) {
      await checkPaths(sitrep.base, t)
      results.push({ t, r: await measure(t.name, sitrep, t.paths, opts) })
    }
  } finally {
    await sitrep.stop()
  }
  console.log(`load average after the runs: ${load()}`)
  const pass = report(hello, results)
  const failing = results.filter(
    ({ t, r }) => t.gated && (r.p99 >= P99_TARGET_MS || r.rps / hello.rps < RATIO_TARGET),
  )
  const toProfile =
    process.env.BENCH_HTTP_PROFILE === '1' ? results.filter((x) => x.t.gated) : failing
  for (const { t } of toProfile) await profile(db.url, t)
  console.log(
    `\nHTTP bench: ${pass ? 'PASS' : 'FAIL'} (targets: p99 < ${P99_TARGET_MS} ms, >= ${RATIO_TARGET * 100}% of hello-world req/s)`,
  )
  if (!pass) process.exitCode = 1
}

main().catch((err: unknown) => {
  console.error(`HTTP bench failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
