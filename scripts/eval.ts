// `npm run eval`: replays a gold window through the real pipeline in publication order, the way a
// user would (items ingested as JSON Lines, results read back through API v1), and prints
// clustering and entity quality. Figures on dev sets are tuning figures, not held-out results.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { bcubed, pairwise } from './lib/bcubed.js'
import { matchGoldIncidents, scoreIncidents } from './lib/incident-eval.js'
import { scoreLinks } from './lib/links-eval.js'
import { goldAvailable, loadGold, SHARED } from './lib/gold.js'
import { replay } from './lib/replay.js'
import { printEntityReport } from './lib/entity-report.js'

const args = new Set(process.argv.slice(2))
const withKb = args.has('--kb')
const fmt = (x: number) => x.toFixed(3)

async function main() {
  if (!existsSync(SHARED)) {
    console.log(`skipping eval: ${SHARED} is absent (the shared data folder beside the repo)`)
    return
  }
  const kbFiles = withKb
    ? [
        join(SHARED, 'data/stix/misp-galaxy/clusters/threat-actor.json'),
        join(SHARED, 'data/stix/misp-galaxy/clusters/ransomware.json'),
        join(SHARED, 'data/stix/mitre-attack/enterprise-groups-software.json'),
      ]
    : []
  for (const window of ['dev-2023-09', 'casie-dev']) {
    if (!goldAvailable(window)) {
      console.log(`skipping ${window}: no gold labels found`)
      continue
    }
    const gold = loadGold(window)
    const started = performance.now()
    const result = await replay(gold.articles, kbFiles)
    const secs = (performance.now() - started) / 1000
    console.log(
      `\n== ${window}${withKb ? ' (with KB import)' : ''}: ${gold.articles.length} articles, ${secs.toFixed(1)} s (${(gold.articles.length / secs).toFixed(0)} articles/s)`,
    )
    if (window !== 'casie-dev') {
      const goldMap = new Map(gold.articles.map((a) => [a.id, a.incident]))
      const b = bcubed(goldMap, result.incidentOf)
      const p = pairwise(goldMap, result.incidentOf)
      console.log(`incidents  B-cubed   P ${fmt(b.precision)}  R ${fmt(b.recall)}  F1 ${fmt(b.f1)}`)
      console.log(`incidents  pairwise  P ${fmt(p.precision)}  R ${fmt(p.recall)}  F1 ${fmt(p.f1)}`)
      const scores = scoreIncidents(
        gold.incidents,
        matchGoldIncidents(gold.articles, result.incidentOf),
        result.incidents,
      )
      const share = (x: { found: number; total: number }) =>
        `${fmt(x.total ? x.found / x.total : 0)} (${x.found}/${x.total})`
      console.log(
        `timeline   gold dates in the matched incident's timeline: ${share(scores.timelineDates)}`,
      )
      const l = scoreLinks(gold.incidents, goldMap, result.links)
      console.log(
        `links      P ${fmt(l.precision)}  R ${fmt(l.recall)}  (tp ${l.tp}, fp ${l.fp}, fn ${l.fn}; any relation: P ${fmt(l.untyped.precision)} R ${fmt(l.untyped.recall)})`,
      )
      console.log(
        `key entities in the incident's summary or entities: ${share(scores.keyEntities)}`,
      )
      console.log(
        `predicted incidents: ${new Set(result.incidentOf.values()).size}; gold incidents: ${new Set(gold.articles.map((a) => a.incident).filter(Boolean)).size} (+${gold.articles.filter((a) => !a.incident).length} no-event items)`,
      )
    }
    printEntityReport(gold.articles, result.entitiesOf)
  }
}

await main()
