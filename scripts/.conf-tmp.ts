import { readFileSync } from 'node:fs'
import { normalizeName } from '../src/core/ids.js'
import { buildDefaultGazetteer, extractMentions } from '../src/pipeline/extract/index.js'
const g = await buildDefaultGazetteer()
const arts = new Map<string, any>()
for (const l of readFileSync('/work/shared/data/news/articles.jsonl', 'utf8').split('\n')) if (l) { const a = JSON.parse(l); arts.set(a.id, a) }
const conf = new Map<string, string[]>()
for (const set of process.argv.slice(2)) for (const l of readFileSync(`/work/shared/data/gold/${set}.labels.jsonl`, 'utf8').split('\n')) {
  if (!l) continue
  const gd = JSON.parse(l); const a = arts.get(gd.id)
  const ms = await extractMentions(a, g)
  for (const m of ms) for (const e of gd.entities) {
    const keys = new Set([e.name, ...e.surface].map(normalizeName))
    if ((keys.has(normalizeName(m.name)) || keys.has(normalizeName(m.surface))) && e.type !== m.type && !(e.alt_types ?? []).includes(m.type)) {
      const k = `gold ${e.type} <- pred ${m.type}`; conf.set(k, [...(conf.get(k) ?? []), `${m.name}${m.discovered ? '*' : ''}`])
    }
  }
}
for (const [k, v] of conf) console.log(k, v.length, v.join(', '))
