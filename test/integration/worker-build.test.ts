// Smoke test for the Cloudflare Workers target: the worker entry (D1 + Cron Trigger) bundles with
// wrangler, offline. The full Workers deployment is its own issue.
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('worker bundle', () => {
  it('builds with wrangler deploy --dry-run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sitrep-worker-'))
    try {
      const result = await new Promise<{ code: number; output: string }>((resolve) => {
        execFile(
          join(root, 'node_modules/.bin/wrangler'),
          ['deploy', '--dry-run', '--outdir', out],
          {
            cwd: root,
            timeout: 120_000,
            env: {
              ...process.env,
              CI: 'true',
              WRANGLER_SEND_METRICS: 'false',
              XDG_CONFIG_HOME: join(out, 'xdg'),
            },
          },
          (err, stdout, stderr) => resolve({ code: err ? 1 : 0, output: stdout + stderr }),
        )
      })
      expect(result.code, result.output).toBe(0)
      expect(readdirSync(out)).toContain('worker.js')
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 150_000)
})
