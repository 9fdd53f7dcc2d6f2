// Structured logs with a fixed key vocabulary (feed_id, url, article_id, incident_id), so that
// log lines can be filtered the same way whichever stage wrote them.
export type LogFields = Record<string, unknown>
export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof LEVELS)[number]

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => console.error(l),
): Logger {
  const min = LEVELS.indexOf(level)
  const at =
    (lvl: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (LEVELS.indexOf(lvl) < min) return
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }))
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
