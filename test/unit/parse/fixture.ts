import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url))

/** A hand-written fixture from test/fixtures/parse. */
export function fixture(name: string): string {
  return readFileSync(`${dir}${name}`, 'utf8')
}
