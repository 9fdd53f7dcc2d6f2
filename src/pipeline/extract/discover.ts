// Discovery of threat actors, malware and named vulnerabilities that no KB knows, from the
// phrases security news uses to introduce them ("a group identified as X", "dubbed X",
// "tracked as Storm-0558", "the X ransomware gang").
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
import { NAME, NAME_WORD, Q, hasNameShape } from './names.js'
import { alt, applyRules, ci, rule } from './rules.js'

const X = String.raw`${Q}(${NAME})${Q}`
/** Between a name and the cue after it: spaces on one line (a headline ends at its line). */
const SP = String.raw`[ \t\u00A0]+`
/** "Media Prima group managing director": a company's group, named for its staff. */
const NOT_STAFF = String.raw`(?![ \t]+${alt('managing chief CEO chairman director president executive spokes\\w+ head')}\b)`
/** 'Dubbed "Peekaboo," the ...': the comma may sit inside the quotes. */
const COMMA = `[,"”’']{0,2}`
const NAMING = String.raw`${alt(`identified known tracked referred_to dubbed named called codenamed
  designated (?:calling|styling|naming)_(?:itself|themselves) going_by(?:\s+the\s+name)?`)}(?:\s+as)?`
const NAMED = alt('dubbed called named codenamed known_as tracked_as')
/** ", which is also", " - now": what may stand between a noun and its naming verb. */
const BE = String.raw`(?:,\s*|\s*[-–—]\s*)?(?:(?:that\s+|which\s+|who\s+)?${alt(
  'is was are were has_been have_been',
)}\s+)?(?:${alt('also now publicly internally')}\s+)?`

const ACTOR_KIND = alt(`hacking hacker hacktivist cybercrime cyber-?crime ransomware extortion
  espionage cyberespionage APT state-sponsored threat data_extortion`)
const ACTOR_HEAD = alt('group gang crew collective outfit operation actor syndicate')
const ACTOR_NOUN = String.raw`(?:${ACTOR_KIND}\s+${ACTOR_HEAD}|${alt(`threat_actors? group gang crew
  actors? cluster collective adversary syndicate operators hackers band_of_hackers`)})`
const QUALIFIER = ci('ransomware extortion hacking hacker cybercrime hacktivist threat')
const ACTOR_END_WORD = ci(
  'gang gangs crew hackers cybergang collective operators affiliates affiliate',
)
const ACTOR_END = String.raw`(?:${ACTOR_END_WORD}|group|APT|${ci('threat')}\s+${ci('actors actor')})`
const MALWARE_NOUN =
  alt(`malware backdoor stealer infostealer info-?stealer information_stealer loader
  RAT botnet trojan spyware wiper worm dropper implant rootkit keylogger variant strain family ransomware`)
const MALWARE_AFTER = ci(`malware backdoor stealer infostealer info-stealer loader botnet trojan
  spyware wiper dropper implant rootkit keylogger`)
const FLAW_NOUN = alt(
  'vulnerabilit(?:y|ies) flaws? bugs? weakness(?:es)? exploit(?:\\s+chain)? attack_technique side-channel_attack',
)
const FLAW_HEAD = alt('vulnerability flaw bug weakness exploit attack_technique')
/**
 * Up to `n` words on one line between a noun and what names it ("the zero-day stack buffer
 * overflow flaw"); no articles, which start a phrase of their own ("reported a flaw").
 */
const WORDS = (n: number) =>
  String.raw`(?:(?!(?:a|an|the|its|their)[ \t])[\p{L}\p{N}'’,-]+[ \t]+){0,${n}}?`
/** A name inside quotes: the quotes delimit it, so no cue word is needed on the other side. */
const QUOTED = String.raw`["“‘']\s?(${NAME})["”’']`

/**
 * Tracking ids that name an actor whatever the sentence says, unless they sit inside a version
 * string or file name ("v1.APT28.2", "FIN7.1").
 */
const TRACKED_ID = String.raw`(?<![\p{L}\p{N}]\.)\b(${alt(String.raw`(?:UNC|UAT-?|TAG-|UAC-)\d{3,5} (?:Storm|DEV)-\d{4}
  TA\d{3,4} APT\s?\d{1,3} APT-C-\d{2} FIN\d{1,2} CL-(?:STA|CRI|UNK)-\d{4}`)})(?![\w-]|\.\d)`
/** Vendor naming schemes: Microsoft weather, CrowdStrike animals, Trend "Earth", Unit 42 stars. */
const SCHEME_WORD = alt(`Typhoon Sandstorm Blizzard Sleet Tempest Cyclone Panda Bear Kitten Chollima
  Spider Leopard Taurus Libra Scorpius Ursa Serpens Pisces`)
const SECUREWORKS = alt('BRONZE IRON COBALT GOLD NICKEL TIN ALUMINUM PLATINUM')
const VENDOR_SCHEME = String.raw`\b((?:${NAME_WORD})\s${SCHEME_WORD}|Earth\s\p{Lu}\p{Ll}+|${SECUREWORKS}\s[A-Z]{4,})\b`
/** Coined names ending in a malware class: "HijackLoader", "MetaStealer", "CapraRAT". */
const CLASS_SUFFIX =
  alt(`Stealer Loader Locker Bot Botnet RAT Rat Crypt Wiper Dropper Miner Backdoor Spy
  Clipper Grabber Logger Cryptor Ransom Worm`)
/** Vendor detection names: a class or platform prefix, a separator, a family (and variant). */
const DETECTION_PREFIX = alt(`Trojan TrojanDownloader TrojanSpy Backdoor Ransom RANSOM Worm PWS
  HackTool Downloader Spyware Adware Filecoder TROJ BKDR W32 Win32 Win64 OSX MacOS Linux Android AndroidOS`)
const DETECTION = String.raw`${DETECTION_PREFIX}[./:_](?!(?:com|net|org|io)\b)[A-Za-z0-9][\w!-]*(?:\.[A-Za-z0-9][\w!-]*)*`

const notAnimal = (name: string) =>
  !['teddy bear', 'polar bear', 'red panda'].includes(name.toLowerCase())
const shaped = (name: string) => name.split(' ').some(hasNameShape)

const ACTOR_RULES = [
  // "a group identified as TeamPCP", "threat actor known as Charming Kitten"
  rule('threat_actor', String.raw`\b${ACTOR_NOUN}\s+${BE}${NAMING}\s+(?:the\s+)?${X}`, {
    id: 'd1',
    strong: true,
    side: 'after',
  }),
  // "tracking the cluster under the name Ballistic Bobcat"
  rule(
    'threat_actor',
    String.raw`\btrack(?:s|ing|ed)?\s+(?:the|this)\s+${alt('group cluster activity actor threat_actor adversary')}\s+(?:as|under\s+the\s+(?:name|moniker))\s+${X}`,
    { id: 'd2', strong: true, side: 'after' },
  ),
  // "ransomware gang BianLian", "hacking group Lazarus"
  rule('threat_actor', String.raw`\b${ACTOR_KIND}\s+${ACTOR_HEAD}\s+${X}`, {
    id: 'd3',
    side: 'after',
  }),
  // "the Rhysida ransomware group", "'Redfly' hackers", "the X gang"
  rule('threat_actor', String.raw`${X}${SP}(?:${QUALIFIER}${SP})?${ACTOR_END}\b${NOT_STAFF}`, {
    id: 'd4',
    side: 'before',
  }),
  rule('threat_actor', String.raw`${X}${SP}${QUALIFIER}${SP}[Gg]roup\b${NOT_STAFF}`, {
    id: 'd5',
    side: 'before',
  }),
  // "X claims responsibility"
  rule('threat_actor', String.raw`${X}\s+(?:has\s+)?claim(?:s|ed)?\s+responsibility`, {
    id: 'd6',
    side: 'before',
  }),
  rule('threat_actor', TRACKED_ID, { id: 'd7', strong: true }),
  rule('threat_actor', VENDOR_SCHEME, { id: 'd8', strong: true, keep: notAnimal }),
  // 'Dubbed "X," the group ...'
  rule(
    'threat_actor',
    String.raw`\b[Dd]ubbed\s+${X}${COMMA}\s+the\s+(?:new\s+)?${alt('group gang threat_actor actor crew')}\b`,
    { id: 'd18', strong: true, side: 'after' },
  ),
]

const MALWARE_RULES = [
  // "a backdoor named Sponsor", "a new malware loader called HijackLoader"
  rule('malware', String.raw`\b${MALWARE_NOUN}\s+${BE}${NAMED}\s+${X}`, {
    id: 'd9',
    strong: true,
    side: 'after',
  }),
  // "new Sponsor malware", "the SprySOCKS backdoor"
  rule('malware', String.raw`${X}${SP}(?:${MALWARE_AFTER}|RAT)\b`, { id: 'd10', side: 'before' }),
  rule('malware', String.raw`\b(\p{Lu}[\p{L}\p{N}]*?\p{Ll}${CLASS_SUFFIX})\b`, {
    id: 'd11',
    strong: true,
  }),
  // "3AM ransomware" without gang words: the strain
  rule(
    'malware',
    String.raw`${X}${SP}${ci('ransomware')}\b(?!\s+${alt('gang group crew operators operation actors? affiliates?')}\b)`,
    { id: 'd12', side: 'before' },
  ),
  // Antivirus detection names: "Trojan.Ismdoor", "Backdoor.Generckd.4818242", "OSX/Dok"
  rule('malware', String.raw`\b(${DETECTION})`, { id: 'd15', strong: true }),
  // 'Dubbed "X," the backdoor ...'
  rule('malware', String.raw`\b[Dd]ubbed\s+${X}${COMMA}\s+the\s+(?:new\s+)?${MALWARE_NOUN}\b`, {
    id: 'd17',
    strong: true,
    side: 'after',
  }),
]

const VULNERABILITY_RULES = [
  // "a vulnerability dubbed BLASTPASS"; 'Dubbed "DeleFriend," the flaw ...'
  rule('vulnerability', String.raw`\b${FLAW_NOUN}\s+${BE}${NAMED}\s+${X}`, {
    id: 'd13',
    strong: true,
    side: 'after',
  }),
  rule('vulnerability', String.raw`\b[Dd]ubbed\s+${X}${COMMA}\s+the\s+${WORDS(4)}${FLAW_HEAD}\b`, {
    id: 'd16',
    strong: true,
    side: 'after',
  }),
  // "a weakness that they found and dubbed StringBleed"
  rule(
    'vulnerability',
    String.raw`\b${FLAW_NOUN},?\s+${WORDS(5)}${alt('dubbed nicknamed codenamed')}\s+${X}`,
    { id: 'd19', strong: true, side: 'after' },
  ),
  // 'CVE-2023-38146, aka "ThemeBleed,"'
  rule(
    'vulnerability',
    String.raw`\bCVE-\d{4}-\d{4,7}\)?,?\s+\(?${alt('aka a\\.k\\.a\\. also_known_as dubbed nicknamed')}\s+${X}`,
    { id: 'd20', strong: true, side: 'after' },
  ),
  // "‘ThemeBleed’ RCE bug", "'Peekaboo' zero-day vulnerability"
  rule(
    'vulnerability',
    String.raw`${QUOTED}[ \t]+${WORDS(3)}${alt('vulnerabilit(?:y|ies) flaws? bugs? weakness(?:es)?')}\b`,
    { id: 'd21' },
  ),
  // "new WiKI-Eve attack": only coined names, "new Repojacking attack" is a technique
  rule(
    'vulnerability',
    String.raw`\b[Nn]ew\s+${X}\s+${alt('attack vulnerability flaw exploit side-channel')}\b`,
    { id: 'd14', side: 'before', keep: shaped },
  ),
]

const RULES = [...ACTOR_RULES, ...MALWARE_RULES, ...VULNERABILITY_RULES]

export function discoverNames(input: string | Doc): Candidate[] {
  return applyRules(input, RULES)
}
