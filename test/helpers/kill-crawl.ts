// Runs `sitrep crawl --once` as a child process and SIGKILLs it mid-way, once a given number of
// articles is stored (watched through a separate SQLite connection), like a crash or an OOM kill.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { SqliteHandle } from '../../src/storage/sqlite-node.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

export async function countArticles(db: SqliteHandle): Promise<number> {
  const rs = await db.client.execute('select count(*) as n from articles')
  return Number(rs.rows[0]?.['n'] ?? 0)
}

/** Starts `crawl --once` as a child and SIGKILLs it once `killAt` articles are in the database. */
export async function crawlAndKill(
  env: Record<string, string>,
  db: SqliteHandle,
  killAt: number,
): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/entry/cli.ts', 'crawl', '--once'],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  )
  let done = false
  void exited.then(() => (done = true))
  // Also kill on a failed poll, so no crawl outlives the test.
  const deadline = Date.now() + 150_000
  try {
    while (!done && Date.now() < deadline) {
      if ((await countArticles(db)) >= killAt) break
      await new Promise((r) => setTimeout(r, 10))
    }
  } finally {
    if (!done) child.kill('SIGKILL')
  }
  const how = await exited
  if (how !== 'SIGKILL') throw new Error(`crawl ended (${how}) before it was killed:\n${output}`)
  return how
}
