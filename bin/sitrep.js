#!/usr/bin/env node
// In a development checkout (tsx installed, sources present) the TypeScript sources run directly,
// so the CLI can never be a stale build; a production install (`npm ci --omit=dev` after
// `npm run build`) runs the compiled output.
import { existsSync } from 'node:fs'

const source = new URL('../src/entry/cli.ts', import.meta.url)
const built = new URL('../dist/src/entry/cli.js', import.meta.url)

async function loadTsx() {
  try {
    return await import('tsx/esm/api')
  } catch {
    return null
  }
}

const tsx = existsSync(source) ? await loadTsx() : null
if (tsx) {
  // tsx reads tsconfig.json from the working directory unless told which one to use.
  tsx.register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname })
  await import(source.href)
} else if (existsSync(built)) {
  await import(built.href)
} else {
  console.error('error: sitrep is not built: run `npm run build` (or install dev dependencies)')
  process.exit(1)
}
