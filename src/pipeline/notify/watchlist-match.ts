// Which packages of a watchlist an incident is about, and whether the pinned versions are the
// affected ones. The rule (also in the README, "Dependency watchlist"):
//
// A package matches an incident when its articles mention it as a package:
//   1. a software entity of the incident whose name or an alias equals the package name
//      (PEP 503 folding: case, and `-` `_` `.` alike), when the name also stands in an article
//      title, or within three tokens of a package word (package, library, module, dependency,
//      SDK, release, version, maintainers) or a registry of its ecosystem (PyPI/pip, npm/yarn/
//      pnpm, ...), or with versions next to it, or the incident has no text; or
//   2. the package name in the text with evidence that depends on how much it looks like a word
//      (see watchlist/mentions.ts): versions right after it ("litellm 1.82.7", "debug@4.3.4")
//      or an install command always count; a name of letters only (express, requests) also
//      needs a package noun right after it ("the requests library") or "npm package express";
//      any other name (event-stream, @scope/x, LiteLLM) a package word or registry within three
//      tokens. Function words (which, once) need versions or an install command; registry and
//      tool names (npm, pip) versions. "requests" or "express" as ordinary words never match.
// Affected versions are read next to each mention (see watchlist/affected.ts): `affected` when
// the pinned version is named or lies in a named range, `not_affected` when versions are named
// and it is not among them, `unknown` when none are named or the file pins no exact version.
import { decideAffected, specLabels } from '../watchlist/affected.js'
import { findEvidence, type Evidence } from '../watchlist/mentions.js'
import { pep503 } from '../watchlist/names.js'

export interface WatchlistIncident {
  entities: { name: string; type: string; aliases?: string[] }[]
}

export interface WatchlistArticle {
  title: string
  text: string
}

export interface WatchlistPackage {
  ecosystem: string
  name: string
  version: string | null
}

export interface WatchlistMatch {
  ecosystem: string
  name: string
  version: string | null
  affected: 'affected' | 'not_affected' | 'unknown'
  affected_versions: string[]
}

/** Names articles use for registries and package tools, not for a compromised package. */
const REGISTRY_NAMES = new Set(['npm', 'pip', 'pypi', 'yarn', 'pnpm', 'node', 'python', 'github'])

/** PEP 503 folding for any name, spaces included ("Event Stream" ~ "event-stream"). */
const fold = (name: string) => pep503(name.trim().replace(/\s+/g, '-'))

/** The incident's software names (and aliases) by folded form. */
function softwareNames(incident: WatchlistIncident): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const e of incident.entities) {
    if (e.type !== 'software') continue
    const names = [e.name, ...(e.aliases ?? [])]
    for (const n of names) out.set(fold(n), [...(out.get(fold(n)) ?? []), ...names])
  }
  return out
}

/** Folded word tokens of every title and text: a cheap test before reading sentences. */
function tokenSet(articles: WatchlistArticle[]): Set<string> {
  const out = new Set<string>()
  for (const a of articles) {
    for (const raw of `${a.title}\n${a.text}`.split(/[^A-Za-z0-9@/._-]+/)) {
      const t = raw.replace(/^[._/-]+|[._/-]+$/g, '')
      if (t) out.add(fold(t))
      // "litellm@1.82.7", "@scope/name@1.0.0": the name before the version
      const at = t.lastIndexOf('@')
      if (at > 0) out.add(fold(t.slice(0, at)))
    }
  }
  return out
}

function evidenceFor(
  pkg: WatchlistPackage,
  entityNames: string[] | undefined,
  articles: WatchlistArticle[],
): Evidence | null {
  const registry = REGISTRY_NAMES.has(fold(pkg.name))
  const names = [pkg.name, ...(registry ? [] : (entityNames ?? []))]
  const found = findEvidence(articles, names, pkg.ecosystem, registry)
  if (found.context) return found
  // The incident's entities already say this name is software: looser evidence will do.
  const byEntity = !registry && entityNames !== undefined
  const seen = found.loose || found.inTitle || articles.length === 0
  return byEntity && seen ? found : null
}

/**
 * The watchlist packages this incident names, each with the verdict for its pinned version.
 * Packages the incident does not name are left out.
 */
export function watchlistMatches(
  incident: WatchlistIncident,
  articles: WatchlistArticle[],
  packages: WatchlistPackage[],
): WatchlistMatch[] {
  const entities = softwareNames(incident)
  const tokens = tokenSet(articles)
  const cache = new Map<string, Evidence | null>()
  const out: WatchlistMatch[] = []
  for (const pkg of packages) {
    const key = `${pkg.ecosystem}:${fold(pkg.name)}`
    if (!cache.has(key)) {
      const entityNames = entities.get(fold(pkg.name))
      const named = entityNames !== undefined || tokens.has(fold(pkg.name))
      cache.set(key, named ? evidenceFor(pkg, entityNames, articles) : null)
    }
    const evidence = cache.get(key)
    if (!evidence) continue
    out.push({
      ecosystem: pkg.ecosystem,
      name: pkg.name,
      version: pkg.version,
      affected: decideAffected(pkg.version, evidence.spec),
      affected_versions: specLabels(evidence.spec),
    })
  }
  return out
}
