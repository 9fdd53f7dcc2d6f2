// Term extraction for text similarity: lower-cased word tokens without stop words, with a light
// plural fold. Titles count double because headlines name the event; the lead names it next.

const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers him his how i if in into is it its itself just me more most my no nor
  not now of off on once only or other our out over own same she should so some such than that the
  their them then there these they this those through to too under until up very was we were what
  when where which while who whom why will with would you your yours says said new via amid after
  over report reports reported how what why may might one two three first last week weeks today
  yesterday year years month months day days according more than including still could just like
  get gets got make makes made use used uses using`.split(/\s+/),
)

/** Words so common in security news that they say nothing about which event is meant. */
const GENERIC = new Set(
  `security cyber cybersecurity attack attacks attacker attackers hacker hackers hack hacked hacking
  breach breaches data threat threats actor actors vulnerability vulnerabilities flaw flaws bug bugs
  malware ransomware campaign campaigns exploit exploited exploits exploitation researchers researcher
  users user customers company companies firm organizations organization systems system software
  update updates patch patches critical warn warns warning group groups access information network
  networks online internet million billion thousands affected impact impacted issue issues risk`.split(
    /\s+/,
  ),
)

export function tokenize(text: string): string[] {
  const out: string[] = []
  for (const raw of text
    .toLowerCase()
    .match(/[\p{L}\p{N}][\p{L}\p{N}$.-]*[\p{L}\p{N}$]|[\p{L}\p{N}]/gu) ?? []) {
    const w = raw.replace(/'s$/, '')
    if (w.length < 3 && !/\d/.test(w)) continue
    if (STOP.has(w) || /^\d{1,2}$/.test(w)) continue
    out.push(fold(w))
  }
  return out
}

function fold(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`
  if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us'))
    return w.slice(0, -1)
  return w
}

export const isGeneric = (term: string) => GENERIC.has(term)

/** Term counts for an article: title x2, first ~80 words of text x1; generic words damped. */
export function articleTerms(title: string, text: string): Map<string, number> {
  const tf = new Map<string, number>()
  const add = (w: string, n: number) => tf.set(w, (tf.get(w) ?? 0) + (isGeneric(w) ? n * 0.25 : n))
  for (const w of tokenize(title)) add(w, 2)
  for (const w of tokenize(text).slice(0, 80)) add(w, 1)
  return tf
}
