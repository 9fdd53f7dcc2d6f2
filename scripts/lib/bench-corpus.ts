// A synthetic but realistic crawl corpus for benchmarks: F feeds x N items, each item a short
// feed summary whose full text lives on an article page. Stories repeat across feeds (several
// outlets covering one event), so clustering does real work.

const VICTIMS = [
  'Northwind Health',
  'Contoso Bank',
  'Fabrikam Airlines',
  'Tailspin Toys',
  'Adatum Corp',
  'Litware University',
  'Wingtip Energy',
  'Proseware Labs',
  'Woodgrove Insurance',
  'Coho Winery',
]
const ACTORS = [
  'LockBit',
  'Scattered Spider',
  'Clop',
  'ALPHV',
  'Lazarus Group',
  'Akira',
  'Black Basta',
  'Volt Typhoon',
  'ShinyHunters',
  'TeamPCP',
]
const PRODUCTS = [
  'MOVEit Transfer',
  'Citrix NetScaler ADC',
  'Ivanti Connect Secure',
  'Fortinet FortiOS',
  'Microsoft Exchange Server',
  'Atlassian Confluence',
  'VMware ESXi',
  'Cisco IOS XE',
  'PaperCut',
  'Jenkins',
]
const VERBS = ['discloses', 'confirms', 'investigates', 'reports', 'warns of']
// Sentences are drawn per story (and worded per outlet), so different stories do not share
// boilerplate paragraphs that would make them look like copies of each other.
const FILLER = [
  'Investigators said the intrusion began {n} days earlier.',
  'Attackers moved laterally before deploying encryption on {n} servers.',
  'The company notified regulators and about {n} affected customers.',
  'An incident response firm was brought in on day {n} of the investigation.',
  'Researchers linked the activity to {n} domains used in earlier campaigns.',
  'Customers were advised to reset credentials after {n} accounts were exposed.',
  'The attackers demanded a ransom of {n} bitcoin, according to people familiar with the matter.',
  'Operations were disrupted at {n} sites while systems were restored from backups.',
  'Law enforcement agencies in {n} countries are assisting the investigation.',
  'The stolen archive reportedly holds {n} gigabytes of internal documents.',
  'Patches were released {n} hours after the vulnerability became public.',
  'Shares fell {n} percent in early trading after the disclosure.',
]
const OUTLET_LEADS = ['', 'In a statement, ', 'According to a filing, ', 'Officials said that ']

function filler(story: number, outlet: number): string {
  const picks = [0, 1, 2, 3].map((k) => FILLER[(story * (k + 3) + k * 5) % FILLER.length]!)
  return picks
    .map(
      (p, k) =>
        `${k === 0 ? OUTLET_LEADS[outlet % OUTLET_LEADS.length] : ''}${p.replace('{n}', String(((story * 7 + k * 11) % 97) + 2))}`,
    )
    .join(' ')
}

export interface BenchItem {
  path: string
  title: string
  summary: string
  body: string
  published: string
}

export function benchFeeds(feeds: number, perFeed: number): BenchItem[][] {
  const out: BenchItem[][] = []
  const start = Date.parse('2026-03-01T00:00:00Z')
  for (let f = 0; f < feeds; f++) {
    const items: BenchItem[] = []
    for (let i = 0; i < perFeed; i++) {
      // Story index: outlets cover overlapping sets of ~1,000 stories, several reports each.
      const s = (i * 7 + f * 13) % 1000
      const victim = VICTIMS[s % VICTIMS.length]!
      const actor = ACTORS[Math.floor(s / 10) % ACTORS.length]!
      const product = PRODUCTS[Math.floor(s / 100) % PRODUCTS.length]!
      const cve = `CVE-2026-${String(10000 + s).padStart(5, '0')}`
      const title = `${victim} ${VERBS[(f + i) % VERBS.length]} breach tied to ${actor} exploiting ${product} (${cve})`
      const summary = `${victim} said attackers exploited ${cve} in ${product}. ${actor} claimed the attack.`
      const body = `${summary}\n\n${filler(s, f)}\n\nThe ${product} flaw, tracked as ${cve}, was patched in story ${s}.`
      const published = new Date(start + s * 3_600_000 + f * 60_000).toISOString()
      items.push({ path: `/f${f}/a${i}`, title, summary, body, published })
    }
    out.push(items)
  }
  return out
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

export function rssFor(base: string, f: number, items: BenchItem[]): string {
  const entries = items
    .map(
      (it) =>
        `<item><title>${esc(it.title)}</title><link>${base}${it.path}</link>` +
        `<guid>${base}${it.path}</guid><pubDate>${new Date(it.published).toUTCString()}</pubDate>` +
        `<description>${esc(it.summary)}</description></item>`,
    )
    .join('')
  return (
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${f}</title>` +
    `<link>${base}/f${f}/</link>${entries}</channel></rss>`
  )
}

export function pageFor(it: BenchItem): string {
  const paras = it.body
    .split('\n\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('')
  return (
    `<!doctype html><html><head><title>${esc(it.title)}</title></head><body>` +
    `<nav><a href="/">Home</a></nav><article><h1>${esc(it.title)}</h1>${paras}</article>` +
    `<footer>Subscribe</footer></body></html>`
  )
}
