// Knowledge-base import from the two formats threat-intel teams share: MISP galaxy cluster files
// and MITRE ATT&CK STIX (a bundle or a plain array of objects).
import type { EntityType } from '../../core/types.js'
import { AppError } from '../../core/errors.js'
import type { KbEntry } from './types.js'
import { cleanName, isDescription, toKbEntries, type RawEntry } from './kb-aliases.js'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []

/** MISP galaxy `type` -> our type. Ransomware names a gang as much as a strain (GUIDE.md). */
const MISP_TYPES: Record<string, { type: EntityType; altTypes?: EntityType[] }> = {
  'threat-actor': { type: 'threat_actor' },
  ransomware: { type: 'threat_actor', altTypes: ['malware'] },
  malpedia: { type: 'malware' },
  tool: { type: 'malware' },
  rat: { type: 'malware' },
  stealer: { type: 'malware' },
  botnet: { type: 'malware' },
  backdoor: { type: 'malware' },
  android: { type: 'malware' },
  banker: { type: 'malware' },
}

export async function parseKnowledgeFile(json: unknown, fileName: string): Promise<KbEntry[]> {
  if (isObj(json) && Array.isArray(json.values) && typeof json.type === 'string') {
    return toKbEntries(fromMisp(json, fileName))
  }
  const objects = Array.isArray(json) ? json : isObj(json) ? json.objects : undefined
  if (Array.isArray(objects) && objects.every((o) => isObj(o) && typeof o.type === 'string')) {
    return toKbEntries(fromStix(objects as Obj[]))
  }
  throw new AppError(
    'unsupported_input',
    `${fileName}: not a MISP galaxy cluster file ({type, values: [...]}) nor MITRE ATT&CK STIX (a bundle {objects: [...]} or an array of STIX objects)`,
    { context: { fileName } },
  )
}

function fromMisp(file: Obj, fileName: string): RawEntry[] {
  const kind = MISP_TYPES[String(file.type)]
  if (!kind) {
    throw new AppError(
      'unsupported_input',
      `${fileName}: MISP galaxy type "${String(file.type)}" is not one sitrep imports (${Object.keys(MISP_TYPES).join(', ')})`,
    )
  }
  const strip = file.type === 'ransomware'
  return (file.values as unknown[]).filter(isObj).flatMap((v) => {
    const raw = typeof v.value === 'string' ? v.value : ''
    // Scareware that only pretends to encrypt is not a family anyone reports on.
    if (/\bfake\b/iu.test(raw)) return []
    const name = cleanName(raw, strip)
    if (!name) return []
    const meta = isObj(v.meta) ? v.meta : {}
    const synonyms = strings(meta.synonyms)
      .map((a) => cleanName(a, strip))
      .filter((a) => a && !isDescription(a))
    const aliases = [name, ...synonyms, ...(strip ? [`${name} ransomware`] : [])]
    const description = firstSentence(v.description)
    return [
      {
        type: kind.type,
        name,
        aliases,
        ...(kind.altTypes ? { altTypes: kind.altTypes } : {}),
        ...(description ? { description } : {}),
      },
    ]
  })
}

/** Descriptions are stored for display: the first sentence, at most 300 characters. */
function firstSentence(v: unknown): string {
  if (typeof v !== 'string') return ''
  const s = v.trim().split(/(?<=[.!?])\s/u)[0] ?? ''
  return s.length > 300 ? `${s.slice(0, 297)}...` : s
}

/** Built-in utilities and legitimate admin tools are software; offensive tools are malware. */
const LEGIT_TOOL =
  /\b(?:utility|utilities|legitimate|component of the Windows|native Microsoft|free Microsoft|operating system|software suite|command[- ]line|command interpreter|remote assistance)\b/iu

function stixType(o: Obj): EntityType | undefined {
  if (o.type === 'intrusion-set') return 'threat_actor'
  if (o.type === 'malware') return 'malware'
  if (o.type !== 'tool') return undefined
  const about = `${String(o.description_first_sentence ?? '')} ${String(o.description ?? '')}`
  return LEGIT_TOOL.test(about) ? 'software' : 'malware'
}

function fromStix(objects: Obj[]): RawEntry[] {
  return objects.flatMap((o) => {
    const type = stixType(o)
    if (!type || o.revoked === true || o.x_mitre_deprecated === true) return []
    const name = cleanName(typeof o.name === 'string' ? o.name : '')
    if (!name) return []
    const aliases = [name, ...strings(o.aliases), ...strings(o.x_mitre_aliases)]
      .map((a) => cleanName(a))
      .filter(Boolean)
    const description = firstSentence(o.description_first_sentence ?? o.description)
    return [{ type, name, aliases, ...(description ? { description } : {}) }]
  })
}
