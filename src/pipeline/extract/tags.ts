// Incident tags (ransomware, supply-chain, ...) from an article's words and entity types. Tags
// drive notifications (`tag:ransomware` subscribers), so precision comes first: a tag needs its
// phrase in the headline, or several phrases in the body, never one passing word ("phishing is a
// common way in" does not make a phishing incident). An incident's tags are the union of its
// articles' tags.
import type { IncidentTag } from '../../../db/schema/vocab.js'
import { INCIDENT_TAGS } from '../../../db/schema/vocab.js'
import type { EntityType, Mention } from '../../core/types.js'

interface TagRule {
  /** A headline match alone assigns the tag. */
  title?: RegExp | RegExp[]
  /** Body matches (global regex); `min` of them assign the tag. */
  body?: RegExp
  min?: number
  /** Entities of this type assign the tag when named in the headline or `entityMin` times. */
  entity?: EntityType
  entityMin?: number
}

const CRYPTO = String.raw`(?:crypto(?:currency|currencies)?|bitcoin|btc|ether(?:eum)?|eth|usdt|usdc|stablecoins?|defi|digital assets|tokens? worth)`

const RULES: Record<IncidentTag, TagRule> = {
  ransomware: {
    title: /\bransomware\b|\bransom (?:demand|note|payment)s?\b/i,
    body: /\bransomware\b|\bransom (?:demand|note|payment)s?\b|\bdata leak site\b/gi,
    min: 2,
  },
  'supply-chain': {
    title:
      /\bsupply[- ]chain\b|\b(?:poisoned|backdoored|trojani[sz]ed|malicious|compromised|hijacked)\b[\w\s-]{0,30}\b(?:packages?|releases?|librar(?:y|ies)|dependenc(?:y|ies)|extensions?|actions?|updates?)\b|\b(?:PyPI|npm|RubyGems|crates\.io|NuGet|Docker Hub)\b.{0,40}\b(?:malicious|backdoor|compromise)|\btyposquat|\bdependency confusion\b/i,
    body: /\bsupply[- ]chain (?:attack|compromise|incident|breach)\b|\b(?:poisoned|backdoored|trojani[sz]ed|malicious) (?:versions?|releases?|packages?|updates?)\b|\bcompromised (?:releases?|packages?|versions?|updates?|build)\b|\btyposquat\w*|\bdependency confusion\b|\bmalicious (?:npm|PyPI|Python|JavaScript) packages?\b/gi,
    min: 2,
  },
  'data-breach': {
    // Not a bare "breached": "hackers breached the court's systems" is an intrusion, and only
    // data stolen, leaked or exposed makes it a data breach.
    title: [
      /\bdata (?:breach(?:es)?|leak|theft)\b|\bbreach(?:es)?\b.{0,40}\b(?:data|records|customers|patients|users|employees|information)\b/i,
      /\bleak(?:ed|s)?\b.{0,40}\b(?:data|records|database|information)\b|\b(?:stole|stolen|exposed|exfiltrated)\b.{0,40}\b(?:data|records|information|files|database)\b/i,
    ],
    body: /\bdata breach(?:es)?\b|\b(?:stole|stolen|exfiltrated|leaked|exposed)\b(?:\s+\w+){0,4}\s+(?:data|records|information|files|databases?)\b|\b(?:data|records|information)\s+(?:was|were|had been|has been)\s+(?:stolen|exfiltrated|leaked|exposed|accessed)\b|\bunauthori[sz]ed access to\b/gi,
    min: 2,
  },
  'exploited-vulnerability': {
    title:
      /\b(?:actively|mass|widely) exploited\b|\bexploited in (?:the wild|attacks)\b|\bzero-days?\b|\b0-days?\b|\bunder (?:active )?(?:attack|exploitation)\b|\bexploit(?:ed|s|ing)\b.{0,40}\b(?:flaw|vulnerabilit(?:y|ies)|bug|CVE-\d{4}-\d+)/i,
    body: /\bactively exploited\b|\bexploited in the wild\b|\bin-the-wild exploitation\b|\bunder active exploitation\b|\bknown exploited vulnerabilit(?:y|ies)\b|\bKEV\b|\bexploited as a zero-day\b|\bexploitation attempts?\b/gi,
    min: 1,
  },
  vulnerability: {
    title:
      /\bvulnerabilit(?:y|ies)\b|\bflaws?\b|\bzero-days?\b|\bCVE-\d{4}-\d{4,}\b|\bsecurity (?:bug|hole|update)s?\b/i,
    entity: 'vulnerability',
    entityMin: 1,
  },
  phishing: {
    title: /\b(?:spear-?)?phish(?:ing|ers|ed)?\b|\bsmishing\b|\bvishing\b/i,
    body: /\b(?:spear-?)?phish(?:ing|ers|ed)?\b|\bsmishing\b|\bvishing\b/gi,
    min: 2,
  },
  malware: {
    title: [
      /\bmalware\b|\bbackdoor(?:s|ed)?\b|\btrojan(?:s|i[sz]ed)?\b|\b(?:info)?stealers?\b|\bspyware\b|\bbotnets?\b|\bwipers?\b|\brootkits?\b|\bloaders?\b/i,
      // Remote access trojans: the acronym only in capitals ("rats" are animals).
      /\bRATs?\b/,
    ],
    body: /\bmalware\b|\bbackdoor\b|\btrojan\b|\binfostealer\b|\bspyware\b|\bbotnet\b|\bwiper\b|\brootkit\b/gi,
    min: 3,
    entity: 'malware',
    entityMin: 2,
  },
  ddos: {
    title: /\bDDoS\b|\bdistributed denial[- ]of[- ]service\b/i,
    body: /\bDDoS\b|\bdistributed denial[- ]of[- ]service\b/gi,
    min: 2,
  },
  espionage: {
    // "State-sponsored" alone says who, not what: sabotage and theft are state-sponsored too.
    title: /\b(?:cyber-?)?espionage\b|\bcyberspies\b|\bspy(?:ing)? (?:campaign|operation)s?\b/i,
    body: /\b(?:cyber-?)?espionage\b|\bcyberspies\b|\bspying on\b|\bintelligence-gathering\b/gi,
    min: 2,
  },
  'crypto-theft': {
    title: new RegExp(
      String.raw`\b(?:stole|stolen|steal|drain(?:ed|s)?|heist|theft|siphon(?:ed|s)?|loot(?:ed)?|hack(?:ed)?|exploit(?:ed)?)\b.{0,50}\b${CRYPTO}\b|\b${CRYPTO}\b.{0,30}\b(?:heist|theft|stolen|drained|hack)\b`,
      'i',
    ),
    body: new RegExp(
      String.raw`\b(?:stole|stolen|steal|drained|heist|theft of|siphoned|looted)\b[^.]{0,60}\b${CRYPTO}\b|\b${CRYPTO}\b[^.]{0,30}\b(?:heist|stolen|drained)\b`,
      'gi',
    ),
    min: 2,
  },
}

export interface TaggedArticle {
  title: string
  text: string
}

/** Tags one article reports, in vocabulary order. */
export function articleTags(article: TaggedArticle, mentions: Mention[]): IncidentTag[] {
  const title = article.title
  const body = article.text
  const out = INCIDENT_TAGS.filter((tag) => matches(RULES[tag], title, body, mentions))
  // An exploited flaw is a flaw: subscribers to `tag:vulnerability` want it too.
  if (out.includes('exploited-vulnerability') && !out.includes('vulnerability')) {
    return INCIDENT_TAGS.filter((t) => t === 'vulnerability' || out.includes(t))
  }
  return out
}

/** The union of tags, in vocabulary order (an incident's tags from its articles'). */
export function unionTags(...lists: readonly (readonly string[] | undefined)[]): IncidentTag[] {
  const all = new Set(lists.flatMap((l) => l ?? []))
  return INCIDENT_TAGS.filter((t) => all.has(t))
}

function matches(rule: TagRule, title: string, body: string, mentions: Mention[]): boolean {
  const titles = rule.title ? [rule.title].flat() : []
  if (titles.some((re) => re.test(title))) return true
  if (rule.body && count(rule.body, body) >= (rule.min ?? 1)) return true
  if (rule.entity) {
    const min = rule.entityMin ?? 1
    const t = title.toLowerCase()
    return mentions.some(
      (m) => m.type === rule.entity && (m.count >= min || t.includes(m.surface.toLowerCase())),
    )
  }
  return false
}

function count(re: RegExp, text: string): number {
  let n = 0
  for (const _ of text.matchAll(re)) if (++n >= 10) break
  return n
}
