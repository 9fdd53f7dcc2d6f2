// Grid search over the few clustering parameters on a dev window. Prints every setting so that a
// choice can be justified by a plateau, not a single best point (held-out windows will differ).
import { DEFAULT_CLUSTER_PARAMS, type ClusterParams } from '../src/pipeline/cluster/assign.js'
import { bcubed } from './lib/bcubed.js'
import { goldAvailable, loadGold } from './lib/gold.js'
import { replay } from './lib/replay.js'

const window = process.argv[2] ?? 'dev-2023-09'
if (!goldAvailable(window)) {
  console.log(`skipping: no gold window ${window}`)
} else {
  const gold = loadGold(window)
  const goldMap = new Map(gold.articles.map((a) => [a.id, a.incident]))
  for (const terms of [0.5, 0.6, 0.7]) {
    for (const joinThreshold of [0.2, 0.25, 0.3, 0.35]) {
      const params: ClusterParams = {
        ...DEFAULT_CLUSTER_PARAMS,
        terms,
        entities: 1 - terms,
        joinThreshold,
      }
      const r = await replay(gold.articles, [], params)
      const b = bcubed(goldMap, r.incidentOf)
      console.log(
        `terms ${terms} entities ${(1 - terms).toFixed(1)} join ${joinThreshold}: B3 P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(3)}`,
      )
    }
  }
}
