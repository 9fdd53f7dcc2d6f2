// Reads a V8 .cpuprofile (node --cpu-prof) and says where the server's time went: self time per
// function and per source file or package, as shares of the busy (non-idle) time.
import { readFileSync } from 'node:fs'
import type { SqlTotal } from './bench-http-sql-trace.js'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface Hotspot {
  label: string
  ms: number
  share: number
}

/** Package name for node_modules paths, repo-relative path for our sources. */
function fileLabel(url: string): string {
  if (!url) return '(native / V8)'
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (mod) return `pkg ${mod[1]}`
  const ours = /\/((?:src|scripts|db)\/.+)$/.exec(url)
  if (ours) return ours[1]!
  return url.replace(/^node:/, 'node:')
}

export interface ProfileSummary {
  byFunction: Hotspot[]
  byFile: Hotspot[]
  /** Time charged to the nearest frame of our own code up the stack (which query, which render). */
  byOurCaller: Hotspot[]
  busyMs: number
}

function parents(nodes: ProfileNode[]): Map<number, number> {
  const up = new Map<number, number>()
  for (const n of nodes) for (const c of n.children ?? []) up.set(c, n.id)
  return up
}

function ourCaller(id: number, byId: Map<number, ProfileNode>, up: Map<number, number>): string {
  for (let at: number | undefined = id; at !== undefined; at = up.get(at)) {
    const { functionName, url } = byId.get(at)!.callFrame
    if (/\/src\//.test(url) && !/node_modules/.test(url))
      return `${functionName || '(anonymous)'} ${fileLabel(url)}`
  }
  return '(no sitrep frame: HTTP server, event loop, GC)'
}

export function summarizeProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const up = parents(profile.nodes)
  const caller = new Map<string, number>()
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  )
  const fn = new Map<string, number>()
  const file = new Map<string, number>()
  let busy = 0
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    if (functionName === '(idle)' || functionName === '(program)') continue
    busy += us
    const where = url ? `${fileLabel(url)}:${lineNumber + 1}` : ''
    const name = `${functionName || '(anonymous)'} ${where}`.trim()
    fn.set(name, (fn.get(name) ?? 0) + us)
    const f = functionName === '(garbage collector)' ? '(garbage collector)' : fileLabel(url)
    file.set(f, (file.get(f) ?? 0) + us)
    const c = ourCaller(id, byId, up)
    caller.set(c, (caller.get(c) ?? 0) + us)
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([label, us]) => ({ label, ms: us / 1000, share: us / busy }))
  return {
    byFunction: rank(fn),
    byFile: rank(file),
    byOurCaller: rank(caller),
    busyMs: busy / 1000,
  }
}

export function printHotspots(title: string, list: Hotspot[]): void {
  console.log(`  ${title}`)
  for (const h of list)
    console.log(
      `    ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.ms.toFixed(0).padStart(7)} ms  ${h.label}`,
    )
}

/** The statements that cost the most, per request of the profiled run. */
export function printSql(list: SqlTotal[], requests: number, busyMs: number): void {
  const total = list.reduce((a, t) => a + t.ms, 0)
  console.log(
    `  SQL (libsql prepare + run): ${total.toFixed(0)} ms in all = ${((100 * total) / busyMs).toFixed(0)}% of busy time, ${(total / requests).toFixed(2)} ms per request`,
  )
  for (const t of list.slice(0, 10)) {
    const per = `${(t.calls / requests).toFixed(1)}x/req ${(t.ms / t.calls).toFixed(3)} ms ${Math.round(t.rows / t.calls)} rows`
    console.log(
      `    ${((100 * t.ms) / total).toFixed(1).padStart(5)}%  ${per.padEnd(30)} ${t.sql.slice(0, 150)}`,
    )
  }
}
