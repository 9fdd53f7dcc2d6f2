// `sitrep keys create|list|revoke`. A key is printed once, at creation; only its SHA-256 hash and
// its first characters are stored, so a lost key is revoked and replaced, never recovered.
import { generateApiKey, hashApiKey, keyPrefix, parseScope } from '../../core/api-keys.js'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'

/** Names show up as "who" in the audit log: short, printable, one line. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u

export async function keysCreate(
  deps: Deps,
  opts: { name: string; scope: string },
): Promise<number> {
  const name = opts.name.trim()
  if (!NAME.test(name)) {
    throw new AppError(
      'bad_request',
      `invalid key name "${opts.name}": use 1 to 64 letters, digits, spaces or . _ @ -`,
    )
  }
  const scope = parseScope(opts.scope)
  if (!scope) {
    throw new AppError('bad_request', `unknown scope "${opts.scope}": use read, write or admin`)
  }
  const key = generateApiKey()
  await deps.repo.createApiKey({
    name,
    keyHash: await hashApiKey(key),
    prefix: keyPrefix(key),
    scopes: [scope],
    createdAt: deps.now().toISOString(),
  })
  // The key alone on stdout, so that `KEY=$(sitrep keys create ...)` works; notes on stderr.
  console.error(`created API key "${name}" with scope ${scope}:`)
  console.log(key)
  console.error('This key will not be shown again: store it now (sitrep keeps only its hash).')
  return 0
}

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '-')

export async function keysList(deps: Deps): Promise<number> {
  const keys = await deps.repo.listApiKeys()
  if (keys.length === 0) {
    console.log('no API keys yet: create one with `sitrep keys create --name NAME`')
    return 0
  }
  const header = ['NAME', 'PREFIX', 'SCOPES', 'CREATED', 'LAST USED', 'REVOKED']
  const rows = keys.map((k) => [
    k.name,
    `${k.prefix}…`,
    k.scopes.join(','),
    when(k.createdAt),
    when(k.lastUsedAt),
    when(k.revokedAt),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  for (const r of [header, ...rows]) {
    console.log(
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
  }
  return 0
}

export async function keysRevoke(deps: Deps, name: string): Promise<number> {
  const revoked = await deps.repo.revokeApiKey(name, deps.now().toISOString())
  if (!revoked) throw new AppError('not_found', `no active API key named "${name}"`)
  console.log(`revoked API key "${name}" (its web sessions are signed out)`)
  return 0
}
