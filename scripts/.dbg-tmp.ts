import { readFileSync } from 'node:fs'
import { buildDefaultGazetteer, extractMentions } from '../src/pipeline/extract/index.js'
import { discoverNames } from '../src/pipeline/extract/discover.js'
import { findOrganizations } from '../src/pipeline/extract/organizations.js'
import { findSoftware } from '../src/pipeline/extract/software.js'
const ids = process.argv.slice(2)
const g = await buildDefaultGazetteer()
for (const line of readFileSync('/work/shared/data/news/articles.jsonl', 'utf8').split('\n')) {
  if (!line) continue
  const a = JSON.parse(line)
  if (!ids.some((i) => a.id.endsWith(i))) continue
  const text = `${a.title}\n${a.text}`
  console.log('==', a.id)
  console.log('hits', g.match(text).map((h) => `${h.entity.name}<${h.surface}>@${h.offset}`).join(', '))
  console.log('disc', discoverNames(text).map((c) => `${c.type}:${c.name}`).join(', '))
  console.log('org', findOrganizations(text).map((c) => `${c.type}:${c.name}`).join(', '))
  console.log('sw', findSoftware(text).map((c) => `${c.type}:${c.name}`).join(', '))
  console.log('M', (await extractMentions(a, g)).map((m) => `${m.type}:${m.name}<${m.surface}>x${m.count}${m.discovered ? '*' : ''}`).join(', '))
}
