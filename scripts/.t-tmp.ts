import { isGenericWord, isCommonWord } from '../src/pipeline/extract/lexicon.js'
import { isDistinctive, acceptName } from '../src/pipeline/extract/names.js'
for (const w of ['DDoS', 'XSS', 'APT', 'SaaS']) console.log(w, isGenericWord(w), isCommonWord(w), isDistinctive(w), acceptName(w, false))
