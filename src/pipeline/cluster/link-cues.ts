// Word cues that make a sentence say one incident happened through another ("originating from a
// hack of LiteLLM") or is a non-causal follow-on of it ("sued", "paused contracts"). Cue-only
// matching is imprecise, so every cue is paired with an entity of the other incident nearby.

/** How a cue constrains what follows it. */
export type CueKind =
  /** Says so outright: the other incident's entity right after it is the cause. */
  | 'strong'
  /** Only with a compromise word next to the entity ("via poisoned versions of LiteLLM"). */
  | 'weak'
  /** "part of the ... campaign": the entity may be the campaign's actor. */
  | 'campaign'
  /** "exploited CVE-...": only a vulnerability or software can follow. */
  | 'exploit'
  /** "after"/"following" are mostly temporal: causal only as "after the Trivy compromise". */
  | 'after'

export interface CueHit {
  kind: CueKind
  start: number
  end: number
}

const CAUSE_CUES: readonly [CueKind, RegExp][] = [
  ['strong', /\b(?:originat(?:ing|ed|es)|stem(?:ming|med|s)|result(?:ing|ed|s))\s+(?:from|in)\b/gi],
  ['strong', /\b(?:traced|tracing|traces)\s+(?:(?:it|back)\s+)*to\b/gi],
  ['strong', /\b(?:victims?|casualt(?:y|ies))\s+of\b/gi],
  ['strong', /\bfallout\s+(?:of|from)\b/gi],
  // Credentials stolen elsewhere: "using stolen tokens from the Trivy compromise".
  [
    'strong',
    /\b(?:stolen|leaked|harvested|exfiltrated|compromised|obtained)\s+(?:[\w'’-]+\s+){0,3}?(?:credentials?|tokens?|keys?|secrets?|passwords?|access)\s+(?:\w+\s+)?(?:from|in|during)\b/gi,
  ],
  [
    'strong',
    /\b(?:credentials?|tokens?|keys?|secrets?|passwords?)\s+(?:[\w'’-]+\s+){0,3}?(?:stolen|leaked|harvested|exfiltrated|obtained|taken)\s+(?:\w+\s+)?(?:from|in|during)\b/gi,
  ],
  // "part of the MOVEit mass exploitation", not "part of a new campaign" (no known incident).
  ['campaign', /\b(?:as\s+)?part\s+of\s+(?:the|this|that|its|their)\b/gi],
  ['exploit', /\b(?:exploit(?:ed|ing)|exploitation\s+of|abus(?:ed|ing))\b/gi],
  [
    'weak',
    /\b(?:via|through|due\s+to|because\s+of|as\s+a\s+result\s+of|caused\s+by|(?:affected|impacted|hit)\s+by)\b/gi,
  ],
  ['after', /\b(?:after|following)\b/gi],
]

/**
 * Words that make a weak cue causal ("via poisoned versions of LiteLLM"). Deliberately narrow:
 * "attack", "malicious" or "bug" turn up next to "via" in distribution and patch stories
 * ("pushed via Google Ads for ransomware attacks", "pulled due to a Safari bug").
 */
export const COMPROMISE =
  /\b(?:compromis\w*|hack(?:s|ed|ing)?|breach\w*|poison\w*|backdoor\w*|trojani[sz]ed|hijack\w*|tamper\w*|supply[- ]chain|stolen|infected|rogue)\b/i

/** Right before the name: "through a vulnerability in MOVEit Transfer". */
export const FLAW_IN =
  /\b(?:flaws?|vulnerabilit(?:y|ies)|zero-days?|bugs?|weakness(?:es)?)\s+(?:in|of)\s+(?:the\s+)?(?:[\w-]+\s+)?$/i

/** After "after": an act of compromise, not any security word ("after ... exploited CVE-..."). */
export const AFTER_COMPROMISE =
  /\b(?:compromis\w*|hack(?:s|ed|ing)?|breach\w*|poison\w*|backdoor\w*|hijack\w*|tamper\w*|exploit(?:ed|ing|ation))\b/i

/** Right after the name: "the Trivy compromise", "the LiteLLM supply chain attack". */
export const COMPROMISE_NEXT =
  /^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:compromise|hack|breach|poisoning|supply[- ]chain\s+attack)\b/i

/** What "part of the ..." must be part of, for it to mean a wider attack. */
export const CAMPAIGN =
  /\b(?:campaigns?|operations?|waves?|spree|mass[- ]exploitation|attacks?|intrusions?|compromises?|hacks?|breach(?:es)?)\b/i

/** What a security incident's title or a follow-on's lead speaks of. */
export const BREACH =
  /\b(?:breach\w*|hack\w*|(?:cyber)?attack\w*|ransomware|leak\w*|expos\w*|stolen|theft|compromis\w*|intrusion|incident)\b/i

const RELATED_CUE =
  /\b(?:lawsuits?|sued|sues|suing|class[- ]action|settle(?:ment|d|s)|fined|fines?|penalt(?:y|ies)|(?:paus|halt|suspend|terminat|cancel|end)(?:ed|es|s|ing)?\s+(?:[\w'’-]+\s+){0,3}?(?:contracts?|work|partnerships?|collaboration|relationships?|ties|deals?)|investigations?\s+into|probes?\s+into)\b/gi

export function causeCues(sentence: string): CueHit[] {
  const hits: CueHit[] = []
  for (const [kind, re] of CAUSE_CUES) {
    for (const m of sentence.matchAll(re)) {
      hits.push({ kind, start: m.index, end: m.index + m[0].length })
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end)
}

export function relatedCue(sentence: string): CueHit | null {
  for (const m of sentence.matchAll(RELATED_CUE)) {
    return { kind: 'strong', start: m.index, end: m.index + m[0].length }
  }
  return null
}

/**
 * Vendors, platforms, agencies and research firms that turn up in a large share of all stories:
 * sharing one of them says nothing about two incidents being connected.
 */
const GENERIC = new Set(
  (
    'microsoft|google|apple|amazon|aws|amazon web services|meta|facebook|github|gitlab|cisco|ibm|' +
    'oracle|intel|samsung|linux|windows|android|ios|macos|chrome|google chrome|firefox|pypi|npm|' +
    'docker hub|docker|google play|app store|github actions|telegram|twitter|openai|cloudflare|' +
    'cisa|fbi|nsa|europol|interpol|doj|department of justice|justice department|ncsc|sec|ftc|' +
    'securities and exchange commission|federal trade commission|u.s. department of justice|' +
    'mandiant|crowdstrike|kaspersky|eset|sophos|check point|trend micro|proofpoint|' +
    'recorded future|sentinelone|palo alto networks|unit 42|symantec|bitdefender|' +
    'malwarebytes|fortinet|cisco talos|talos|zscaler|akamai|microsoft threat intelligence|' +
    'elliptic|chainalysis|trm labs|socket|wiz|aikido|endor labs|stepsecurity|jfrog|snyk|' +
    'reversinglabs|checkmarx|sonatype|huntress|rapid7|tenable|qualys|virustotal'
  ).split('|'),
)

export function isGenericName(name: string): boolean {
  return GENERIC.has(name.trim().toLowerCase())
}

const DOER_BEFORE =
  /\b(?:group|gang|hackers|actors?|crew|operators?|cluster|attackers)\s+(?:that|who|which)\s+(?:\w+\s+)?(?:hacked|breached|attacked|hit|compromised|targeted|struck|infiltrated)\s+(?:the\s+)?$/i
const BEHIND_BEFORE = /\bbehind\s+(?:the\s+)?(?:\w+\s+)?$/i
const ATTACK_AFTER = /^(?:['’]s)?\s+(?:\w+\s+)?(?:cyber-?)?(?:attacks?|hacks?|breach|intrusion)\b/i
const DOER_AFTER = /^(?:['’]s)?\s+(?:hackers|attackers|intruders)\b/i

/**
 * Whether the text around a victim's name calls someone the actor behind that victim's attack:
 * "the group that hacked MGM", "the gang behind the MGM attack", "MGM hackers".
 */
export function actorBehind(before: string, after: string): boolean {
  if (DOER_BEFORE.test(before) || DOER_AFTER.test(after)) return true
  return BEHIND_BEFORE.test(before) && ATTACK_AFTER.test(after)
}

/** A sentence that names an actor only to compare, contrast or look back. */
export const ASIDE =
  /\b(?:similar(?:ly|ities|ity)?|resembl\w*|reminiscent|different|unlike|previously|in the past|last (?:month|year|week)|earlier this (?:year|month)|(?:leaked|released|dumped|published) (?:by|the)|variant of|based on|not|no evidence|unlikely|ruled out)\b|n['’]t\b/i
