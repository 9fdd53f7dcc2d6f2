// What every lockfile parser returns: the packages a project depends on, with the version the
// file pins (null when it only states a range, as requirements.txt may).
import type { LockfileFormat } from '../../../db/schema/vocab.js'

/** The purl type (`npm`, `pypi`, `maven`, `golang`, `cargo`, ...); `generic` when unknown. */
export type Ecosystem = 'npm' | 'pypi' | (string & {})

export interface WatchPackage {
  ecosystem: Ecosystem
  /** npm: as published (`@scope/name`); pypi: PEP 503 normalized (`LiteLLM` -> `litellm`). */
  name: string
  version: string | null
  /** The requirement as written when no exact version is pinned (`>=1.0,<2`), for display. */
  spec?: string
}

export interface ParsedLockfile {
  format: LockfileFormat
  packages: WatchPackage[]
  /** Lines or entries skipped, and why (never fatal). */
  warnings: string[]
}

export type { LockfileFormat }
