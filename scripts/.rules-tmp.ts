// temporary: per-rule precision on gold sets (untyped and typed)
import { readFileSync } from 'node:fs'
import { normalizeName } from '../src/core/ids.js'
import { articleText } from '../src/pipeline/extract/index.js'
import { discoverNames } from '../src/pipeline/extract/discover.js'
import { findOrganizations } from '../src/pipeline/extract/organizations.js'
import { findSoftware } from '../src/pipeline/extract/software.js'
import { findProperNames } from '../src/pipeline/extract/proper-names.js'
const arts = new Map<string, any>()
for (const l of readFileSync('/work/shared/data/news/articles.jsonl', 'utf8').split('\n')) if (l) { const a = JSON.parse(l); arts.set(a.id, a) }
const verbose = process.argv[2]
for (const set of ['dev-2023-09', 'casie-dev']) {
  const stats = new Map<string, { n: number; ok: number; typed: number; fps: string[] }>()
  for (const l of readFileSync(`/work/shared/data/gold/${set}.labels.jsonl`, 'utf8').split('\n')) {
    if (!l) continue
    const g = JSON.parse(l); const a = arts.get(g.id); if (!a) continue
    const text = articleText(a)
    const keys = new Map<string, any>()
    for (const e of g.entities) for (const k of [e.name, ...e.surface]) keys.set(normalizeName(k), e)
    const seen = new Set<string>()
    for (const c of [...discoverNames(text), ...findOrganizations(text), ...findSoftware(text), ...findProperNames(text)]) {
      const id = `${c.source}:${normalizeName(c.name)}`; if (seen.has(id)) continue; seen.add(id)
      const s = stats.get(c.source!) ?? { n: 0, ok: 0, typed: 0, fps: [] }
      const e = keys.get(normalizeName(c.name)); s.n++
      if (e) { s.ok++; if (e.type === c.type || e.alt_types?.includes(c.type)) s.typed++ } else s.fps.push(c.name)
      stats.set(c.source!, s)
    }
  }
  console.log(`== ${set}`)
  for (const [k, s] of [...stats].sort()) console.log(`${k.padEnd(8)} n ${String(s.n).padStart(4)} ok ${String(s.ok).padStart(4)} typed ${String(s.typed).padStart(4)}  ${verbose === k ? s.fps.join(' | ') : s.fps.slice(0, 12).join(' | ')}`)
}
