// `sitrep keys create|list|revoke` through the real CLI: the key is printed once and works against
// the API; the database holds only its hash; errors are one line with exit code 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireScope } from '../../src/http/auth/middleware.js'
import { openSqlite } from '../../src/storage/sqlite-node.js'
import { runCli } from '../helpers/cli.js'
import { openApp } from '../helpers/app.js'
import { tempDbUrl } from '../helpers/temp-db.js'

let db: ReturnType<typeof tempDbUrl>
let env: Record<string, string>
beforeAll(() => {
  db = tempDbUrl()
  env = { DATABASE_URL: db.url, SITREP_SEED_FEEDS: '0' }
})
afterAll(() => db.cleanup())

const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('error:'))

describe('sitrep keys', () => {
  let key = ''

  it('create prints the key once, with a warning, and stores only its hash', async () => {
    const r = await runCli(['keys', 'create', '--name', 'ci-bot', '--scope', 'write'], env)
    expect(r.code).toBe(0)
    key = r.stdout.trim()
    expect(key).toMatch(/^sitrep_[A-Za-z0-9_-]{43}$/)
    expect(r.stderr).toMatch(/will not be shown again/)
    const app = await openApp(db.url)
    const handle = await openSqlite(db.url)
    try {
      const rows = (await handle.client.execute('select * from api_keys')).rows
      expect(rows).toMatchObject([
        { name: 'ci-bot', prefix: key.slice(0, 12), scopes: '["write"]' },
      ])
      expect(JSON.stringify(rows)).not.toContain(key.slice(12))
      // The printed key is the one that works.
      app.app.post('/api/v1/_probe', requireScope('write'), (c) => c.text('ok'))
      const probe = (k: string) =>
        app.app.request('/api/v1/_probe', {
          method: 'POST',
          headers: { Authorization: `Bearer ${k}` },
        })
      expect((await probe(key)).status).toBe(200)
      expect((await probe(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).status).toBe(401)
    } finally {
      handle.close()
      app.close()
    }
  })

  it('refuses a duplicate name and a bad scope with one error line', async () => {
    const dup = await runCli(['keys', 'create', '--name', 'ci-bot'], env)
    expect(dup.code).toBe(1)
    expect(errorLines(dup.stderr)).toEqual(['error: an API key named "ci-bot" already exists'])
    expect(dup.stdout).toBe('')
    const bad = await runCli(['keys', 'create', '--name', 'x', '--scope', 'root'], env)
    expect(bad.code).toBe(1)
    expect(errorLines(bad.stderr)).toEqual([
      'error: unknown scope "root": use read, write or admin',
    ])
    expect(bad.stderr).not.toMatch(/\n\s+at /)
  })

  it('list shows name, prefix, scopes, dates; never the key', async () => {
    const r = await runCli(['keys', 'list'], env)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/NAME\s+PREFIX\s+SCOPES\s+CREATED\s+LAST USED\s+REVOKED/)
    expect(r.stdout).toContain('ci-bot')
    expect(r.stdout).toContain(key.slice(0, 12))
    expect(r.stdout).not.toContain(key)
  })

  it('revoke disables the key; revoking again is an error', async () => {
    const r = await runCli(['keys', 'revoke', 'ci-bot'], env)
    expect(r.code).toBe(0)
    const list = await runCli(['keys', 'list'], env)
    expect(list.stdout).toMatch(/ci-bot.*\d{4}-\d\d-\d\d \d\d:\d\d\s*$/m)
    const again = await runCli(['keys', 'revoke', 'ci-bot'], env)
    expect(again.code).toBe(1)
    expect(errorLines(again.stderr)).toEqual(['error: no active API key named "ci-bot"'])
  })
})
