import { starterKb } from '../src/pipeline/extract/index.js'
import { normalizeName } from '../src/core/ids.js'
const kb = await starterKb()
const seen = new Map<string, string>()
for (const e of kb) { if (seen.has(e.id)) console.log('dup id', e.type, e.name); seen.set(e.id, e.name) }
const alias = new Map<string, string[]>()
for (const e of kb) for (const a of new Set([e.name, ...e.aliases].map(normalizeName))) alias.set(a, [...(alias.get(a) ?? []), `${e.type}:${e.name}`])
for (const [a, es] of alias) if (es.length > 1) console.log('alias', a, es.join(' / '))
