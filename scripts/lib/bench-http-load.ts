// Load generation for the HTTP bench: servers run as child processes (scripts/lib/
// bench-http-server.ts), autocannon (programmatic API) runs here, in the parent.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface LoadResult {
  name: string
  p50: number
  p99: number
  max: number
  rps: number
  requests: number
  non2xx: number
  errors: number
  bytesPerSec: number
  /** Server CPU time (user + system) per request, in ms; null where /proc is unavailable. */
  cpuPerRequestMs: number | null
}

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number }
  requests: { average: number; total: number }
  throughput: { average: number }
  non2xx: number
  errors: number
  timeouts: number
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>
// autocannon ships no types; this is the slice of its API the bench uses.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

export interface ServerChild {
  base: string
  /** CPU time the server process has used so far, in ms (Linux /proc), or null. */
  cpuMs(): number | null
  stop(): Promise<void>
}

/** utime + stime of a process from /proc/PID/stat (fields 14 and 15, in 10 ms clock ticks). */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Fields after "(comm)" start at field 3, so utime (14) and stime (15) are at 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}

/** Starts `bench-http-server.ts <kind> [dbUrl]` and waits for its `{"port":N}` line. */
export async function spawnServer(
  kind: 'hello' | 'sitrep',
  databaseUrl: string,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerChild> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'scripts/lib/bench-http-server.ts', kind, databaseUrl],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  )
  // Never leave a server behind, whatever happens to the bench.
  const kill = () => child.kill('SIGKILL')
  process.once('exit', kill)
  const lines = createInterface({ input: child.stdout! })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)))
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port))
  })
  return {
    base: `http://127.0.0.1:${port}`,
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise((resolve) => {
        process.off('exit', kill)
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export interface LoadOptions {
  connections: number
  seconds: number
  warmupSeconds: number
}

/** Warms up, then measures; `paths` are cycled through by every connection. */
export async function measure(
  name: string,
  server: ServerChild,
  paths: string[],
  o: LoadOptions,
): Promise<LoadResult> {
  const base = server.base
  const requests = paths.map((path) => ({ method: 'GET', path }))
  const run = (duration: number) =>
    autocannon({ url: base, connections: o.connections, duration, requests, pipelining: 1 })
  if (o.warmupSeconds > 0) await run(o.warmupSeconds)
  const cpuBefore = server.cpuMs()
  const r = await run(o.seconds)
  const cpuAfter = server.cpuMs()
  const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null
  return {
    name,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    rps: r.requests.average,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytesPerSec: r.throughput.average,
    cpuPerRequestMs: cpu !== null && r.requests.total > 0 ? cpu / r.requests.total : null,
  }
}
