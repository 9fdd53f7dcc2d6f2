import { readFileSync } from 'node:fs'
import { buildDefaultGazetteer, extractMentions } from '../src/pipeline/extract/index.js'
const g = await buildDefaultGazetteer()
const gold = new Set<string>()
for (const f of ['dev-2023-09', 'casie-dev']) for (const l of readFileSync(`/work/shared/data/gold/${f}.labels.jsonl`, 'utf8').split('\n')) if (l) gold.add(JSON.parse(l).id)
const arts = readFileSync('/work/shared/data/news/articles.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((a) => !gold.has(a.id) && !a.id.startsWith('casie'))
let seed = Number(process.argv[2] ?? 1)
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
for (let i = 0; i < Number(process.argv[3] ?? 12); i++) {
  const a = arts[Math.floor(rnd() * arts.length)]
  const ms = await extractMentions(a, g)
  console.log(`\n## [${a.source} ${a.published}] ${a.title}\n${a.text.slice(0, 500)}`)
  console.log('=> ' + ms.map((m) => `${m.type.slice(0, 3)}:${m.name}${m.discovered ? '*' : ''}${m.surface !== m.name ? `<${m.surface}>` : ''}`).join(' | '))
}
