// The documented verification snippet is the code that runs: the README's block is the same
// text as docs/verify-webhook.mjs, and that file, started as a receiver, accepts a real sitrep
// delivery (204) and refuses a forged one (401).
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { deliverWebhooks } from '../../src/pipeline/notify/webhook-deliver.js'
import { createSubscription } from '../../src/pipeline/notify/webhook-manage.js'
import { webhookWorld, type WebhookWorld } from './webhook-fixture.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const docFile = `${root}docs/verify-webhook.mjs`

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

describe('docs/verify-webhook.mjs', () => {
  let child: ChildProcess | null = null
  let w: WebhookWorld | null = null
  afterAll(async () => {
    child?.kill()
    await w?.close()
    w?.cleanup()
  })

  it('is the snippet the README shows', () => {
    const file = readFileSync(docFile, 'utf8')
    const snippet = /\/\/ --- snippet ---\n([\s\S]*?)\/\/ --- end of snippet ---/.exec(file)![1]!
    const readme = readFileSync(`${root}README.md`, 'utf8')
    const section = readme.slice(readme.indexOf('## Webhooks'))
    const block = /```js\n([\s\S]*?)```/.exec(section)![1]!
    expect(block).toBe(snippet)
    expect(block).toContain('timingSafeEqual')
  })

  it('runs as a receiver that accepts real deliveries and refuses forged ones', async () => {
    w = await webhookWorld({ SITREP_SECRET: 'docs-test-server-secret-01' })
    const port = await freePort()
    const url = `http://127.0.0.1:${port}/`
    const owner = { keyId: 'key_docs', admin: false }
    const input = { topic: 'tag:phishing', channel: 'webhook' as const, target: url }
    const { subscription, secret } = await createSubscription(w.deps, input, owner)

    child = spawn(process.execPath, [docFile, String(port)], {
      env: { ...process.env, SITREP_WEBHOOK_SECRET: secret! },
    })
    let out = ''
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
    await expect.poll(() => out, { timeout: 10_000 }).toContain('listening on')

    const id = 'ntf_docs0000000001'
    await w.deps.repo.insertNotifications([
      {
        id,
        subscriptionId: subscription.id,
        incidentId: 'inc_0000000000000001',
        changeId: 'chg_docs',
        payload: { id, type: 'incident_created', incident: { title: 'Phishing wave' } },
        createdAt: new Date().toISOString(),
      },
    ])
    expect(await deliverWebhooks(w.deps, new Date())).toEqual({ sent: 1, failed: 0 })
    const [attempt] = await w.deps.repo.deliveryAttempts(subscription.id, 1)
    expect(attempt).toMatchObject({ ok: true, statusCode: 204 })
    await expect.poll(() => out).toContain(`${id} incident_created Phishing wave`)

    const forged = await fetch(url, {
      method: 'POST',
      headers: {
        'sitrep-timestamp': String(Math.floor(Date.now() / 1000)),
        'sitrep-signature': `v1=${'0'.repeat(64)}`,
        'sitrep-event-id': 'ntf_forged',
      },
      body: '{"id":"ntf_forged"}',
    })
    expect(forged.status).toBe(401)
    expect(out).not.toContain('ntf_forged')
  })
})
