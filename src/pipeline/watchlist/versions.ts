// Version ordering for affected-version checks: PEP 440 (epoch, release, pre, post, dev) with
// semver's `-beta.1` style pre-releases folded in. Enough to decide "is 1.82.7 in [1.82.0,
// 1.82.8]"; local labels (`+cpu`) are ignored, as advisories never name them.

export interface Version {
  epoch: number
  release: number[]
  /** [rank, number, label]: alpha < beta < rc; other labels (semver) rank as alpha. */
  pre: [number, number, string] | null
  post: number | null
  dev: number | null
}

const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d*))?(?:[-_.]?(dev)[-_.]?(\d*))?(?:\+[a-z0-9.]+)?$/i
const SEMVER = /^v?(\d+(?:\.\d+)*)-([0-9a-z-]+)(?:\.(\d+))?(?:\.[0-9a-z-]+)*(?:\+[0-9a-z.-]+)?$/i

const PRE_RANK: Record<string, number> = {
  a: 0,
  alpha: 0,
  b: 1,
  beta: 1,
  c: 2,
  rc: 2,
  pre: 2,
  preview: 2,
}

const num = (s: string | undefined) => (s ? Number(s) : 0)

export function parseVersion(text: string): Version | null {
  const v = text.trim()
  const m = PEP440.exec(v)
  if (m) {
    return {
      epoch: num(m[1]),
      release: m[2]!.split('.').map(Number),
      pre: m[3] ? [PRE_RANK[m[3].toLowerCase()] ?? 0, num(m[4]), ''] : null,
      post: m[5] !== undefined ? num(m[5]) : m[6] ? num(m[7]) : null,
      dev: m[8] ? num(m[9]) : null,
    }
  }
  const s = SEMVER.exec(v)
  if (!s) return null
  const label = s[2]!.toLowerCase()
  const rank = PRE_RANK[label.replace(/\d+$/, '')] ?? 0
  return {
    epoch: 0,
    release: s[1]!.split('.').map(Number),
    pre: [rank, num(s[3]), label],
    post: null,
    dev: null,
  }
}

function compareReleases(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return Math.sign(d)
  }
  return 0
}

/** PEP 440 sort keys: a dev-only release sorts before pre-releases, a final after them. */
function preKey(v: Version): [number, number, string] {
  if (v.pre) return v.pre
  return v.dev !== null && v.post === null ? [-Infinity, 0, ''] : [Infinity, 0, '']
}

function compareParsed(a: Version, b: Version): number {
  if (a.epoch !== b.epoch) return Math.sign(a.epoch - b.epoch)
  const r = compareReleases(a.release, b.release)
  if (r !== 0) return r
  const [pa, pb] = [preKey(a), preKey(b)]
  if (pa[0] !== pb[0]) return pa[0] < pb[0] ? -1 : 1
  if (pa[1] !== pb[1]) return Math.sign(pa[1] - pb[1])
  if (pa[2] !== pb[2]) return pa[2] < pb[2] ? -1 : 1
  const [postA, postB] = [a.post ?? -1, b.post ?? -1]
  if (postA !== postB) return Math.sign(postA - postB)
  return Math.sign((a.dev ?? Infinity) - (b.dev ?? Infinity)) || 0
}

/** -1, 0 or 1; null when either side is not a version (a git sha, `latest`). */
export function compareVersions(a: string, b: string): number | null {
  const [pa, pb] = [parseVersion(a), parseVersion(b)]
  return pa && pb ? compareParsed(pa, pb) : null
}

/** `v1.82.7` -> `1.82.7`: the form shown to users and compared as text as a last resort. */
export const cleanVersion = (v: string) => v.trim().replace(/^v/i, '')
