// A generated, deterministic news corpus for crawl tests that need volume (the kill test): many
// stories, each reported by several outlets in different words, plus one-off items, so extraction
// and clustering have real work. Same seed, same corpus.
import { rssFeed, type RssItem } from './rss.js'

const ACTORS = [
  'LockBit',
  'BlackCat',
  'Cl0p',
  'Akira',
  'Rhysida',
  'Black Basta',
  'Scattered Spider',
  'Lazarus Group',
  'APT29',
  'Volt Typhoon',
]
const MALWARE = [
  'QakBot',
  'Emotet',
  'IcedID',
  'DarkGate',
  'Pikabot',
  'SocGholish',
  'Cobalt Strike',
  'Raspberry Robin',
]
const PRODUCTS = [
  'Ivanti Connect Secure',
  'Citrix NetScaler',
  'MOVEit Transfer',
  'Fortinet FortiOS',
  'Microsoft Exchange',
  'VMware ESXi',
  'Confluence',
  'GitLab',
]
const SECTORS = [
  'hospital',
  'university',
  'port operator',
  'bank',
  'retailer',
  'city council',
  'law firm',
  'airline',
  'insurer',
  'water utility',
]
const PREFIX = [
  'North',
  'Silver',
  'Granite',
  'Harbor',
  'Maple',
  'Crescent',
  'Iron',
  'Bright',
  'Cedar',
  'Falcon',
  'Summit',
  'Willow',
]
const SUFFIX = ['field', 'brook', 'gate', 'stone', 'wick', 'haven', 'ridge', 'more', 'vale', 'port']
const OUTLETS = ['Packet Ledger', 'Breach Wire', 'Threat Desk', 'Patch Bulletin']

/** mulberry32: small, fast, and good enough to vary test text reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return { next, pick }
}

interface Story {
  victim: string
  sector: string
  actor: string
  malware: string
  product: string
  cve: string
  day: number
}

function stories(count: number, rnd: ReturnType<typeof prng>): Story[] {
  return Array.from({ length: count }, (_, i) => ({
    victim: `${PREFIX[i % PREFIX.length]}${SUFFIX[Math.floor(i / PREFIX.length) % SUFFIX.length]} ${rnd.pick(['Health', 'Group', 'Systems', 'Holdings', 'Logistics'])}`,
    sector: rnd.pick(SECTORS),
    actor: rnd.pick(ACTORS),
    malware: rnd.pick(MALWARE),
    product: rnd.pick(PRODUCTS),
    cve: `CVE-2026-${String(20000 + i * 7).padStart(5, '0')}`,
    day: 1 + Math.floor(rnd.next() * 27),
  }))
}

/** One outlet's report of a story, worded by the outlet's own template. */
function report(
  s: Story,
  outlet: number,
  rnd: ReturnType<typeof prng>,
): Pick<RssItem, 'title' | 'description'> {
  const amount = 1 + Math.floor(rnd.next() * 90)
  const texts = [
    [
      `${s.victim} confirms ${s.actor} ransomware attack`,
      `${s.victim}, a ${s.sector}, said ${s.actor} affiliates encrypted servers after exploiting ${s.cve} in ${s.product}. Investigators found ${s.malware} on ${amount} machines.`,
    ],
    [
      `${s.actor} claims breach of ${s.sector} ${s.victim}`,
      `The ${s.actor} gang listed ${s.victim} on its leak site and says it stole ${amount} GB. Initial access came through ${s.product} (${s.cve}), according to responders.`,
    ],
    [
      `${s.product} flaw ${s.cve} behind ${s.victim} intrusion`,
      `Attackers used ${s.cve}, a bug in ${s.product}, to break into ${s.victim}. The ${s.sector} is working with incident responders; ${s.malware} was used to move laterally.`,
    ],
    [
      `${s.victim} outage: ${s.malware} infection traced to ${s.actor}`,
      `A ${s.malware} infection preceded the ${s.actor} attack that took ${s.victim} offline for ${amount} hours. The ${s.sector} had not patched ${s.product} against ${s.cve}.`,
    ],
  ]
  const [title, description] = texts[outlet % texts.length]!
  return { title: title!, description: description! }
}

/** `feeds` RSS documents holding `total` items between them (stories reported 1..4 times). */
export function newsCorpus(opts: { feeds: number; total: number; seed?: number }): string[] {
  const rnd = prng(opts.seed ?? 7)
  const perFeed: RssItem[][] = Array.from({ length: opts.feeds }, () => [])
  const pool = stories(Math.ceil(opts.total / 2), rnd)
  let made = 0
  for (let i = 0; made < opts.total; i++) {
    const s = pool[i % pool.length]!
    const outlets = 1 + Math.floor(rnd.next() * opts.feeds)
    for (let o = 0; o < outlets && made < opts.total; o++, made++) {
      const feed = (i + o) % opts.feeds
      const slug = `${s.victim}-${i}`.toLowerCase().replace(/[^a-z0-9]+/g, '-')
      const hour = String(Math.floor(rnd.next() * 24)).padStart(2, '0')
      perFeed[feed]!.push({
        ...report(s, feed + i, rnd),
        link: `https://outlet-${feed}.example.test/2026/03/${slug}`,
        published: `2026-03-${String(s.day).padStart(2, '0')}T${hour}:${String(o * 7).padStart(2, '0')}:00Z`,
      })
    }
  }
  return perFeed.map((items, n) => rssFeed(OUTLETS[n % OUTLETS.length]!, items))
}
