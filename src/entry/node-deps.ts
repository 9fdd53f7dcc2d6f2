// Builds the Node Deps object: config from process.env, libsql storage, the SSRF-guarded HTTP
// client. The CLI and the server both start here.
import { parseConfig, type Config } from '../core/config.js'
import type { Deps } from '../core/deps.js'
import { createLogger } from '../core/log.js'
import { createNodeHttpClient } from '../platform/node/http-client.js'
import { createMailer } from '../platform/node/mailer.js'
import { openSqlite, watchDataVersion } from '../storage/sqlite-node.js'
import { trackWrites } from '../storage/write-tracking.js'

export interface NodeRuntime {
  deps: Deps
  close(): Promise<void>
}

export async function createNodeRuntime(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Promise<NodeRuntime> {
  const config = { ...parseConfig(env), ...overrides }
  const db = await openSqlite(config.databaseUrl)
  const tracked = trackWrites(db.repo)
  // Only a serving process needs to notice other processes' writes (for its response cache).
  const watcher =
    config.responseCacheMs > 0 && !config.databaseUrl.includes(':memory:')
      ? await watchDataVersion(db.client, 250, tracked.bump)
      : null
  const http = createNodeHttpClient({
    allowPrivateNetworks: config.allowPrivateNetworks,
    connectTimeoutMs: config.connectTimeoutMs,
  })
  const deps: Deps = {
    config,
    repo: tracked.repo,
    http,
    log: createLogger(config.logLevel),
    now: () => new Date(),
    dataGeneration: tracked.generation,
  }
  // E-mail digests (issue 7): only with SMTP settings; without them e-mail subscriptions are
  // refused and waiting digests are reported in the notify run's log.
  const mailer = config.smtpUrl
    ? createMailer({ url: config.smtpUrl, from: config.mailFrom })
    : null
  if (mailer) deps.mailer = mailer
  return {
    deps,
    async close() {
      watcher?.stop()
      mailer?.close?.()
      await http.close?.()
      db.close()
    },
  }
}
