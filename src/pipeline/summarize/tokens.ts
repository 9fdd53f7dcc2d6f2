// Small text-similarity toolkit shared by summaries, titles and timeline dedup. Deliberately crude:
// lower-case word tokens minus stop words, with a plural strip, is enough to spot two outlets
// phrasing the same fact and cheap enough to run on every sentence pair of an incident.

const STOP_WORDS = new Set(
  (
    'a an the and or but if then than that this these those of in on at to for from by with as is are ' +
    'was were be been being it its it’s into about over after before under up down out off so no not ' +
    'has have had do does did will would can could may might must should their there they them he she ' +
    'his her we our you your i me my which who whom whose what when where why how all any some more ' +
    'most other such only own same too very just also said says say new one two via per s t'
  ).split(' '),
)

/** Lower-case word tokens, keeping in-word dots/dashes so "1.82.7" and "CVE-2023-1234" stay whole. */
export function tokenize(text: string): string[] {
  const matches = text.toLowerCase().match(/[\p{L}\p{N}$]+(?:[.\-'’][\p{L}\p{N}$]+)*/gu)
  return matches ?? []
}

/** Folds plain plurals so "systems" and "system" count as the same term. */
function stem(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1)
  return token
}

/** Content terms: tokens without stop words, plural-folded. */
export function contentTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !STOP_WORDS.has(t))
    .map(stem)
}

export function termSet(text: string): Set<string> {
  return new Set(contentTerms(text))
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const t of a) if (b.has(t)) shared++
  return shared / (a.size + b.size - shared)
}

/** Share of the smaller set found in the larger one: catches a sentence quoted inside a longer one. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const t of small) if (large.has(t)) shared++
  return shared / small.size
}

/** Case-insensitive whole-word test; names like "Lapsus$" or "C++" are matched literally. */
export function containsPhrase(haystack: string, phrase: string): boolean {
  const needle = phrase.trim().toLowerCase()
  if (needle.length < 2) return false
  const hay = haystack.toLowerCase()
  let from = hay.indexOf(needle)
  while (from !== -1) {
    const before = hay[from - 1] ?? ' '
    const after = hay[from + needle.length] ?? ' '
    if (!isWordChar(before) && !isWordChar(after)) return true
    from = hay.indexOf(needle, from + 1)
  }
  return false
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch)
}
