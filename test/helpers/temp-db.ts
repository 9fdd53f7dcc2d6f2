import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A throwaway database file URL; `cleanup` removes its folder. */
export function tempDbUrl(): { url: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-test-'))
  return {
    url: `file:${join(dir, 'sitrep.db')}`,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
