import { buildDefaultGazetteer, extractMentions } from '../src/pipeline/extract/index.js'
const g = await buildDefaultGazetteer()
const text = process.argv.slice(2).join(' ')
const ms = await extractMentions({ title: '', text }, g)
console.log(ms.map((m) => `${m.type}:${m.name}<${m.surface}>x${m.count}${m.discovered ? '*' : ''}`).join('\n'))
