import { readFile } from 'node:fs/promises'
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { markFeedsChosen } from '../../jobs/seed.js'
import { parseOpml } from '../../pipeline/parse/opml.js'
import { canonicalizeUrl } from '../../pipeline/parse/url.js'

export async function feedsAdd(deps: Deps, url: string, name: string | null): Promise<number> {
  const canonical = canonicalizeUrl(url)
  if (!canonical) throw new AppError('bad_request', `not an http(s) URL: ${url}`)
  await markFeedsChosen(deps)
  const added = await deps.repo.addFeeds([{ url: canonical, name }], deps.now().toISOString())
  console.log(added ? `added feed ${canonical}` : `feed already present: ${canonical}`)
  return 0
}

export async function feedsImport(deps: Deps, file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('bad_request', `cannot read ${file}`)
  })
  const outlines = parseOpml(text)
  await markFeedsChosen(deps)
  const added = await deps.repo.addFeeds(outlines, deps.now().toISOString())
  console.log(
    `imported ${added} new feed${added === 1 ? '' : 's'} from ${file} (${outlines.length - added} already present)`,
  )
  return 0
}

export async function feedsList(deps: Deps): Promise<number> {
  const feeds = await deps.repo.listFeeds()
  if (feeds.length === 0) {
    console.log('no feeds yet: add one with `sitrep feeds add <url>`')
    return 0
  }
  const dayAgo = deps.now().getTime() - 86_400_000
  const rows = feeds.map((f) => {
    const stale = f.errorCount > 0 && (!f.lastSuccessAt || Date.parse(f.lastSuccessAt) < dayAgo)
    return [
      f.status + (stale ? ' (failing >1 day)' : ''),
      String(f.errorCount),
      f.lastSuccessAt?.slice(0, 16).replace('T', ' ') ?? 'never',
      f.name ?? '',
      f.url,
      f.lastError ? `last error: ${f.lastError}` : '',
    ]
  })
  const header = ['STATUS', 'ERRORS', 'LAST SUCCESS', 'NAME', 'URL', '']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  for (const r of [header, ...rows]) {
    console.log(
      r
        .map((c, i) => (i < 4 ? c.padEnd(widths[i] ?? 0) : c))
        .join('  ')
        .trimEnd(),
    )
  }
  return 0
}
