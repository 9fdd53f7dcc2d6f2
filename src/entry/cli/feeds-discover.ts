// `feeds add` resolves what the user gave into a feed URL: a feed is added as is; an HTML page
// is searched for its advertised feeds. Addresses the SSRF guard refuses are never added.
import type { Deps } from '../../core/deps.js'
import { AppError, describeError } from '../../core/errors.js'
import { decodeBody } from '../../pipeline/fetch/decode.js'
import { fetchResource } from '../../pipeline/fetch/http.js'
import { assertUrlAllowed } from '../../pipeline/fetch/ssrf.js'
import { detectInputKind } from '../../pipeline/parse/detect.js'
import { discoverFeedLinks } from '../../pipeline/parse/feed-links.js'

export interface Resolved {
  url: string
  note: string | null
}

export async function resolveFeedUrl(deps: Deps, url: string): Promise<Resolved> {
  await assertUrlAllowed(url, {
    allowPrivateNetworks: deps.config.allowPrivateNetworks,
    resolve: deps.http.resolve?.bind(deps.http),
  })
  let res
  try {
    res = await fetchResource(deps.http, url, {
      timeoutMs: deps.config.fetchTimeoutMs,
      maxBytes: deps.config.maxBytes,
      allowPrivateNetworks: deps.config.allowPrivateNetworks,
      userAgent: deps.config.userAgent,
    })
  } catch (err) {
    if (err instanceof AppError && (err.code === 'blocked_address' || err.code === 'bad_request'))
      throw err
    // A feed that is down right now is still worth adding; the crawler records its health.
    return { url, note: `could not check it now (${describeError(err)}); added anyway` }
  }
  const text = decodeBody(res.body, res.contentType)
  const kind = detectInputKind(text)
  if (kind === 'xml-feed' || kind === 'json-feed')
    return { url: res.permanentUrl ?? url, note: null }
  if (kind === 'html') {
    const links = discoverFeedLinks(text, res.url)
    if (links.length === 0)
      throw new AppError('unsupported_input', `no feed found on the page ${url}`)
    const first = links[0]!
    await assertUrlAllowed(first.url, {
      allowPrivateNetworks: deps.config.allowPrivateNetworks,
      resolve: deps.http.resolve?.bind(deps.http),
    })
    const others = links.length > 1 ? ` (${links.length - 1} other feed(s) on the page)` : ''
    return { url: first.url, note: `discovered ${first.url} on ${url}${others}` }
  }
  throw new AppError(
    'unsupported_input',
    `${url} is neither a feed nor an HTML page with feed links`,
  )
}
