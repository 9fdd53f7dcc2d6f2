import type { Deps } from '../../core/deps.js'
import { describeError } from '../../core/errors.js'
import { createPipelineContext } from '../../pipeline/context.js'
import { replayCurations } from '../../pipeline/curate/replay.js'
import { processArticle } from '../../pipeline/process-article.js'
import { progressLine } from './progress.js'

/** Rebuilds every incident from the stored articles, in publication order. */
export async function recluster(deps: Deps): Promise<number> {
  const total = (await deps.repo.counts()).articles
  await deps.repo.resetIncidents()
  const ctx = await createPipelineContext(deps)
  const progress = progressLine()
  let after: string | null = null
  let done = 0
  let failed = 0
  for (;;) {
    const batch = await deps.repo.articlesInOrder(after, 200)
    if (batch.length === 0) break
    for (const a of batch) {
      try {
        // Replayed old news: nothing a subscriber should hear about again (issue 7).
        await processArticle(deps, ctx, a, { recordChanges: false })
      } catch (err) {
        failed++
        console.error(`error: ${a.url}: ${describeError(err)}`)
      }
      progress.update(`reclustered ${++done}/${total} articles`)
    }
    const last = batch[batch.length - 1]!
    after = `${last.publishedAt}\u0000${last.id}`
  }
  progress.done()
  // Editor decisions name articles, not incident ids: re-applied to the rebuilt incidents.
  const replay = await replayCurations(deps)
  for (const p of replay.problems) console.error(`warning: editor decision not replayed: ${p}`)
  const counts = await deps.repo.counts()
  console.log(`reclustered ${done} articles into ${counts.incidents} incidents (${failed} failed)`)
  if (replay.decisions > 0) {
    console.log(
      `replayed ${replay.applied} curation action(s) from ${replay.decisions} editor decision(s), ` +
        `${replay.problems.length} not replayed`,
    )
  }
  return failed > 0 ? 1 : 0
}
