import type { Deps } from '../core/deps.js'
import { hashId } from '../core/ids.js'
import type { RunRecord } from '../storage/repository.js'

/** Records a run with its errors, so failures are visible in the API and not only in logs. */
export async function recordRun(
  deps: Deps,
  kind: RunRecord['kind'],
  startedAt: string,
  report: { errors: RunRecord['errors'] },
): Promise<void> {
  const stats: Record<string, number> = {}
  for (const [k, v] of Object.entries(report as Record<string, unknown>))
    if (typeof v === 'number') stats[k] = v
  await deps.repo.recordRun({
    id: await hashId('run', `${kind}|${startedAt}|${Math.random()}`),
    kind,
    startedAt,
    finishedAt: deps.now().toISOString(),
    stats,
    errors: report.errors.slice(0, 500),
  })
}
