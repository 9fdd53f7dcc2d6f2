import { readFile } from 'node:fs/promises'
import type { Deps } from '../../core/deps.js'
import { AppError, describeError } from '../../core/errors.js'
import { assertUrlAllowed } from '../../pipeline/fetch/ssrf.js'
import { markFeedsChosen } from '../../jobs/seed.js'
import { failingForADay } from '../../pipeline/fetch/schedule.js'
import { parseOpml, toOpml } from '../../pipeline/parse/opml.js'
import { canonicalizeUrl } from '../../pipeline/parse/url.js'
import { resolveFeedUrl } from './feeds-discover.js'

export async function feedsAdd(
  deps: Deps,
  url: string,
  opts: { name: string | null; discover: boolean },
): Promise<number> {
  const canonical = canonicalizeUrl(url)
  if (!canonical) throw new AppError('bad_request', `not an http(s) URL: ${url}`)
  // The SSRF guard applies whether or not the URL is fetched now: it will be fetched later.
  await assertUrlAllowed(canonical, guardOptions(deps))
  const resolved = opts.discover
    ? await resolveFeedUrl(deps, canonical)
    : { url: canonical, note: null }
  if (resolved.note) console.log(resolved.note)
  await markFeedsChosen(deps)
  const added = await deps.repo.addFeeds(
    [{ url: resolved.url, name: opts.name }],
    deps.now().toISOString(),
  )
  console.log(added ? `added feed ${resolved.url}` : `feed already present: ${resolved.url}`)
  return 0
}

export async function feedsExport(deps: Deps): Promise<number> {
  const feeds = await deps.repo.listFeeds()
  process.stdout.write(toOpml(feeds, 'sitrep feeds'))
  return 0
}

export async function feedsImport(deps: Deps, file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('bad_request', `cannot read ${file}`)
  })
  const outlines: typeof parsed = []
  const parsed = parseOpml(text)
  let refused = 0
  for (const o of parsed) {
    try {
      // Literal addresses and local names only: resolving hundreds of hosts here would be slow,
      // and every fetch checks the resolved address again anyway.
      await assertUrlAllowed(o.url, { allowPrivateNetworks: deps.config.allowPrivateNetworks })
      outlines.push(o)
    } catch (err) {
      refused++
      console.error(`error: ${o.url}: ${describeError(err)}`)
    }
  }
  await markFeedsChosen(deps)
  const added = await deps.repo.addFeeds(outlines, deps.now().toISOString())
  console.log(
    `imported ${added} new feed${added === 1 ? '' : 's'} from ${file} (${outlines.length - added} already present)`,
  )
  return refused > 0 ? 1 : 0
}

export async function feedsList(deps: Deps): Promise<number> {
  const feeds = await deps.repo.listFeeds()
  if (feeds.length === 0) {
    console.log('no feeds yet: add one with `sitrep feeds add <url>`')
    return 0
  }
  const rows = feeds.map((f) => {
    const stale = failingForADay(f.failingSince, deps.now())
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

function guardOptions(deps: Deps) {
  return {
    allowPrivateNetworks: deps.config.allowPrivateNetworks,
    resolve: deps.http.resolve?.bind(deps.http),
  }
}
