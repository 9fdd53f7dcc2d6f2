// Everything a stage, job or route needs, built once in an entry file and passed down.
// There is no module-level db, config or client anywhere in src/.
import type { Config } from './config.js'
import type { Logger } from './log.js'
import type { HttpClient } from '../pipeline/fetch/types.js'
import type { Mailer } from '../pipeline/notify/email-types.js'
import type { Repository } from '../storage/repository.js'

export interface Deps {
  config: Config
  repo: Repository
  http: HttpClient
  log: Logger
  now: () => Date
  /**
   * Goes up whenever this process writes to the database (see storage/write-tracking.ts);
   * absent where writes are not tracked, which turns the response cache off.
   */
  dataGeneration?: () => number
  /**
   * SMTP transport for e-mail digests (Node with `SITREP_SMTP_URL` only). Absent on Workers:
   * e-mail subscriptions are then refused with a clear message (issue 7).
   */
  mailer?: Mailer
}
