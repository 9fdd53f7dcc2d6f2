// Synthetic but realistic rows for the HTTP bench: incidents with 1-9 articles from different
// outlets, entities of every type, dated timeline events, cited summaries and links between
// incidents. Deterministic (seeded), so every run builds the same database.
import type { EntityRecord, EntityType, Mention, TimelineEvent } from '../../src/core/types.js'

/** mulberry32: tiny seeded PRNG; Math.random would make the cached database unreproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Rand = () => number
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!

const PREFIX = ['North', 'Blue', 'Iron', 'Silver', 'Red', 'Harbor', 'Summit', 'Cedar', 'Atlas']
const SUFFIX = ['wind', 'stone', 'field', 'bridge', 'gate', 'point', 'crest', 'line', 'vale']
const ORG_KIND = ['Health', 'Bank', 'Energy', 'Logistics', 'University', 'Airlines', 'Retail']
const ADJ = ['Crimson', 'Silent', 'Frozen', 'Velvet', 'Hollow', 'Copper', 'Midnight', 'Ashen']
const ANIMAL = ['Lynx', 'Typhoon', 'Spider', 'Panda', 'Bear', 'Kitten', 'Jackal', 'Viper']
const PRODUCT = ['Gateway', 'Transfer', 'Connect', 'Portal', 'Vault', 'Sync', 'Desk', 'Cloud']
const MALWARE = ['Loader', 'Stealer', 'RAT', 'Locker', 'Wiper', 'Backdoor']
export const OUTLETS = [
  'Breach Brief',
  'Patch Watch',
  'Net Defense',
  'Wiretap News',
  'Supply Chain Wire',
  'CloudSec Daily',
  'The Packet Desk',
  'Threat Ledger',
]

export interface Pool {
  byType: Record<EntityType, EntityRecord[]>
}

function nameFor(type: EntityType, i: number): string {
  const a = i % 9
  const b = Math.floor(i / 9) % 9
  const n = Math.floor(i / 81)
  switch (type) {
    case 'organization':
      return `${PREFIX[a]}${SUFFIX[b]} ${ORG_KIND[n % ORG_KIND.length]}${n >= 7 ? ` ${n}` : ''}`
    case 'threat_actor':
      return `${ADJ[i % 8]} ${ANIMAL[Math.floor(i / 8) % 8]}${i >= 64 ? ` ${i}` : ''}`
    case 'software':
      return `${PREFIX[a]}${SUFFIX[b]} ${PRODUCT[n % PRODUCT.length]}`
    case 'malware':
      return `${ADJ[i % 8]}${MALWARE[Math.floor(i / 8) % 6]}${i >= 48 ? i : ''}`
    case 'vulnerability':
      return `CVE-${2024 + (i % 3)}-${String(10_000 + i * 7).padStart(5, '0')}`
  }
}

const COUNTS: Record<EntityType, number> = {
  organization: 3000,
  threat_actor: 200,
  software: 600,
  malware: 300,
  vulnerability: 3000,
}

export async function entityPool(hashId: (p: string, k: string) => Promise<string>): Promise<Pool> {
  const byType = {} as Pool['byType']
  for (const type of Object.keys(COUNTS) as EntityType[]) {
    byType[type] = await Promise.all(
      Array.from({ length: COUNTS[type] }, async (_, i) => {
        const name = nameFor(type, i)
        return {
          id: await hashId('ent', `${type}|${name.toLowerCase()}`),
          type,
          name,
          aliases: i % 5 === 0 ? [`${name} Group`] : [],
          origin: type === 'vulnerability' ? 'discovered' : 'import',
          provisional: false,
          description: type === 'threat_actor' ? `${name} is a financially motivated group.` : null,
          firstSeenAt: null,
        } as EntityRecord
      }),
    )
  }
  return { byType }
}

export interface StoryCast {
  victim: EntityRecord
  actor: EntityRecord | null
  software: EntityRecord | null
  malware: EntityRecord | null
  cve: EntityRecord | null
}

export function castStory(r: Rand, pool: Pool): StoryCast {
  const maybe = (p: number, type: EntityType) => (r() < p ? pick(r, pool.byType[type]) : null)
  return {
    victim: pick(r, pool.byType.organization),
    actor: maybe(0.7, 'threat_actor'),
    software: maybe(0.6, 'software'),
    malware: maybe(0.4, 'malware'),
    cve: maybe(0.5, 'vulnerability'),
  }
}

export const castEntities = (c: StoryCast) =>
  [c.victim, c.actor, c.software, c.malware, c.cve].filter((e): e is EntityRecord => e !== null)

export function storyTitle(c: StoryCast, k: number): string {
  const who = c.actor?.name ?? 'Hackers'
  const how = c.cve ? ` via ${c.cve.name}` : c.software ? ` through ${c.software.name}` : ''
  const forms = [
    `${who} breach ${c.victim.name}${how}`,
    `${c.victim.name} confirms cyberattack, ${c.malware?.name ?? 'ransomware'} suspected`,
    `${c.victim.name} data leak grows as ${who} publish stolen files`,
    `Investigators link ${c.victim.name} intrusion to ${who}`,
  ]
  return forms[k % forms.length]!
}

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' })

/** Five to seven sentences; the first two carry dates, as real reports do. */
export function storyText(c: StoryCast, published: string, k: number): string[] {
  const who = c.actor?.name ?? 'An unknown group'
  const day = longDate(published)
  return [
    `${c.victim.name} said on ${day} that attackers gained access to parts of its network.`,
    `${who} claimed the attack on its leak site on ${day} and says it stole ${10 + k * 37} GB of data.`,
    c.cve
      ? `The intrusion began with ${c.cve.name}, a flaw in ${c.software?.name ?? 'an internet-facing appliance'} that was patched weeks earlier.`
      : `The attackers used stolen credentials to log in to a remote access service.`,
    c.malware
      ? `Researchers found ${c.malware.name} on several servers, used to move laterally and exfiltrate files.`
      : `Researchers said the attackers relied on legitimate administration tools.`,
    `${c.victim.name} has notified regulators and affected customers and is working with outside investigators.`,
    `Customers were told to reset passwords and to watch for phishing that uses the stolen data.`,
  ]
}

export function mentionsOf(c: StoryCast): Mention[] {
  return castEntities(c).map((e) => ({
    entityId: e.id,
    type: e.type,
    name: e.name,
    surface: e.name,
    count: 1 + (e.name.length % 3),
    discovered: e.origin === 'discovered',
  }))
}

export function eventsOf(sentences: string[], articleId: string, url: string, at: string) {
  const day = at.slice(0, 10)
  return sentences
    .slice(0, 2)
    .map((text): TimelineEvent => ({ date: day, text, sourceUrl: url, articleId }))
}
