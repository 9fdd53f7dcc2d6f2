// `npm start` is `sitrep serve`: the server must come up on a fresh database with no other step
// and serve the health endpoint and the web pages.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDbUrl } from '../helpers/temp-db.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('sitrep serve', () => {
  const db = tempDbUrl()
  let child: ChildProcess | null = null
  afterAll(() => {
    child?.kill('SIGTERM')
    db.cleanup()
  })

  it('serves /api/v1/health and the home page on a fresh database', async () => {
    child = spawn(
      process.execPath,
      ['bin/sitrep.js', 'serve', '--port', '0', '--no-crawl-on-start'],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: db.url, SITREP_LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const port = await new Promise<number>((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000)
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString()
        const m = /serving on http:\/\/localhost:(\d+)\//.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(Number(m[1]))
        }
      })
      child!.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
    })
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    const home = await fetch(`http://127.0.0.1:${port}/`)
    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toMatch(/text\/html/)
    expect(await home.text()).toContain('Latest incidents')
    // The default feeds were seeded on this first start.
    const feeds = (await (await fetch(`http://127.0.0.1:${port}/api/v1/feeds`)).json()) as {
      data: unknown[]
    }
    expect(feeds.data.length).toBeGreaterThanOrEqual(25)
  })
})
