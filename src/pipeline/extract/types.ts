// Shapes shared by the entity extractors. Mentions (the output) live in src/core/types.ts.
import type { EntityType } from '../../core/types.js'

/** One entity the gazetteer knows, with every name it goes by. */
export interface KbEntry {
  /** entityId(type, name): the same (type, name) always yields the same id. */
  id: string
  type: EntityType
  /** Canonical name. */
  name: string
  /** Every surface form, the canonical name included. */
  aliases: string[]
  /** Aliases that are ordinary words ("Play", "Hive"): proper case plus a cue word required. */
  ambiguous?: string[]
  /** Aliases matched only with the exact case written here ("SAP", "NET"), no cue needed. */
  caseSensitive?: string[]
  /** Other types a labeller may give it (a ransomware gang is also its strain). */
  altTypes?: EntityType[]
  /** One or two sentences from the source it was imported from. */
  description?: string
}

export interface GazetteerHit {
  entity: KbEntry
  /** The text as written. */
  surface: string
  /** UTF-16 offset of the surface in the matched text. */
  offset: number
  length: number
}

export interface Gazetteer {
  readonly size: number
  match(text: string): GazetteerHit[]
  /** The entry an alias (any case) names, when it names one unambiguously. */
  lookup(alias: string): KbEntry | undefined
  /**
   * Learns an entity during a run (a name discovered in one article is then known in the next),
   * so one long run matches the same names as the same articles split over several runs.
   */
  add(entry: KbEntry): void
}

/** A name found by a pattern rather than by the KB. */
export interface Candidate {
  type: EntityType
  name: string
  surface: string
  offset: number
  /** Higher wins when candidates overlap; KB hits rank above all pattern finds. */
  rank: number
  /** Which rule found it, for evaluation and debugging. */
  source?: string
}
