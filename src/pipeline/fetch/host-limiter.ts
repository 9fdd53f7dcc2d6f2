// Per-host politeness for one crawl run: at most `maxPerHost` requests in flight to a host and at
// least a delay between the *starts* of two requests to it, granted in arrival order. Hosts never
// wait for each other. Time comes only from the injected clock, so tests can run it instantly.

/** The longest per-host delay honoured: a hostile or mistaken Crawl-delay must not stall a run. */
export const MAX_HOST_DELAY_MS = 60_000

export interface Clock {
  /** Milliseconds on any monotonic-enough scale. */
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

export interface HostLimiterOptions extends Partial<Clock> {
  maxPerHost: number
  minDelayMs: number
}

export interface HostLimiter {
  /** Runs `fn` once `host` has a free slot and its delay since the last start has passed. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>
  /** Raises one host's delay (e.g. robots.txt Crawl-delay); never below minDelayMs, at most 60 s. */
  setDelay(host: string, ms: number): void
  /** The delay currently enforced between request starts to `host`. */
  delayFor(host: string): number
}

interface HostState {
  active: number
  lastStart: number
  waiting: Array<() => void>
  /** True while a pump loop owns this host, so only one loop hands out its slots. */
  pumping: boolean
}

export function createHostLimiter(opts: HostLimiterOptions): HostLimiter {
  if (!Number.isInteger(opts.maxPerHost) || opts.maxPerHost < 1) {
    throw new RangeError(`maxPerHost must be a positive integer, got ${opts.maxPerHost}`)
  }
  const now = opts.now ?? systemClock.now
  const sleep = opts.sleep ?? systemClock.sleep
  const minDelayMs = Math.max(0, opts.minDelayMs)
  const hosts = new Map<string, HostState>()
  const delays = new Map<string, number>()

  const delayFor = (host: string) => delays.get(key(host)) ?? minDelayMs

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host)
    if (!state) {
      state = { active: 0, lastStart: -Infinity, waiting: [], pumping: false }
      hosts.set(host, state)
    }
    return state
  }

  /** Hands out free slots in FIFO order, sleeping through the host's delay before each start. */
  const pump = async (host: string, state: HostState): Promise<void> => {
    if (state.pumping) return
    state.pumping = true
    try {
      while (state.waiting.length > 0 && state.active < opts.maxPerHost) {
        const wait = state.lastStart + delayFor(host) - now()
        if (wait > 0) {
          // Re-check afterwards: the delay may have been raised while we slept.
          await sleep(wait)
          continue
        }
        state.active++
        state.lastStart = now()
        state.waiting.shift()?.()
      }
    } finally {
      state.pumping = false
    }
  }

  return {
    async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
      const k = key(host)
      const state = stateOf(k)
      const turn = new Promise<void>((resolve) => state.waiting.push(resolve))
      void pump(k, state)
      await turn
      try {
        return await fn()
      } finally {
        state.active--
        void pump(k, state)
      }
    },
    setDelay(host, ms) {
      const capped = Math.max(minDelayMs, Math.min(ms, MAX_HOST_DELAY_MS))
      delays.set(key(host), Number.isFinite(capped) ? capped : minDelayMs)
    },
    delayFor,
  }
}

/** Host names are case-insensitive; "Example.COM" and "example.com" are one server. */
function key(host: string): string {
  return host.toLowerCase()
}
