// The starter knowledge base: compact rows from data/*.ts turned into KbEntry values.
import type { EntityType } from '../../core/types.js'
import { entityId } from '../../core/ids.js'
import type { KbEntry } from './types.js'
import { STATE_ACTORS } from './kb-data/actors-state.js'
import { CRIME_ACTORS } from './kb-data/actors-crime.js'
import { MALWARE } from './kb-data/malware.js'
import { SECURITY_ORGS } from './kb-data/orgs-security.js'
import { TECH_ORGS } from './kb-data/orgs-tech.js'
import { PUBLIC_ORGS } from './kb-data/orgs-public.js'
import { BRAND_ORGS } from './kb-data/orgs-brands.js'
import { PLATFORM_SOFTWARE } from './kb-data/software-platforms.js'
import { ENTERPRISE_SOFTWARE } from './kb-data/software-enterprise.js'
import { NAMED_VULNERABILITIES } from './kb-data/vulnerabilities.js'

const SOURCES: readonly [EntityType, readonly string[]][] = [
  ['threat_actor', STATE_ACTORS],
  ['threat_actor', CRIME_ACTORS],
  ['malware', MALWARE],
  ['software', PLATFORM_SOFTWARE],
  ['software', ENTERPRISE_SOFTWARE],
  ['organization', SECURITY_ORGS],
  ['organization', TECH_ORGS],
  ['organization', PUBLIC_ORGS],
  ['organization', BRAND_ORGS],
  ['vulnerability', NAMED_VULNERABILITIES],
]

/** 'Canonical|alias|~ordinary-word alias|=exact-case alias' -> KbEntry. */
export async function parseRow(type: EntityType, row: string): Promise<KbEntry> {
  const parts = row.split('|').map((p) => p.trim())
  const names = parts.map((p) => p.replace(/^[~=]/, ''))
  const marked = (m: string) => parts.filter((p) => p.startsWith(m)).map((p) => p.slice(1))
  const name = names[0] ?? ''
  const entry: KbEntry = {
    id: await entityId(type, name),
    type,
    name,
    aliases: [...new Set(names)],
  }
  const ambiguous = marked('~')
  const caseSensitive = marked('=')
  if (ambiguous.length) entry.ambiguous = ambiguous
  if (caseSensitive.length) entry.caseSensitive = caseSensitive
  return entry
}

/** Every built-in entity, in a fixed order (the gazetteer breaks alias ties by it). */
export async function starterKb(): Promise<KbEntry[]> {
  const rows = SOURCES.flatMap(([type, list]) => list.map((row) => ({ type, row })))
  return Promise.all(rows.map(({ type, row }) => parseRow(type, row)))
}
