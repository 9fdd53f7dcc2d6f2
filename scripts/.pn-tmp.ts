import { readFileSync } from 'node:fs'
import { findProperNames } from '../src/pipeline/extract/proper-names.js'
import { articleText } from '../src/pipeline/extract/index.js'
for (const l of readFileSync('/work/shared/data/news/articles.jsonl', 'utf8').split('\n')) {
  if (!l) continue
  const a = JSON.parse(l)
  if (a.id.endsWith(process.argv[2]!)) console.log(findProperNames(articleText(a)))
}
