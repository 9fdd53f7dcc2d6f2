// Topic validation for new subscriptions: core/topics.ts parses and resolves (friendly
// `software:litellm` becomes `entity:<id>`, since fan-out matches stored topics literally).
// An unknown entity is a bad body here (400), not a missing resource (404).
import type { Deps } from '../../core/deps.js'
import { AppError } from '../../core/errors.js'
import { canonicalTopic } from '../../core/topics.js'

export async function checkTopic(deps: Pick<Deps, 'repo'>, topic: string): Promise<string> {
  try {
    return await canonicalTopic(deps.repo, topic)
  } catch (err) {
    if (err instanceof AppError && (err.code === 'not_found' || err.code === 'bad_request')) {
      throw new AppError('bad_request', `topic: ${err.message}`)
    }
    throw err
  }
}
