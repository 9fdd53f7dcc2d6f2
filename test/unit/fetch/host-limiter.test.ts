// The limiter under a fake clock: sleeps resolve only when the test advances time, so delays are
// checked exactly and the suite runs in milliseconds.
import { describe, expect, it } from 'vitest'
import {
  MAX_HOST_DELAY_MS,
  createHostLimiter,
  type HostLimiterOptions,
} from '../../../src/pipeline/fetch/host-limiter.js'

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

function fakeClock() {
  let t = 0
  const timers: Array<{ at: number; wake: () => void }> = []
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: t + ms, wake })),
    /** Moves time forward, waking sleepers in order and letting each react before the next. */
    async advance(ms: number) {
      const target = t + ms
      await settle()
      for (;;) {
        timers.sort((a, b) => a.at - b.at)
        const next = timers[0]
        if (!next || next.at > target) break
        timers.shift()
        t = next.at
        next.wake()
        await settle()
      }
      t = target
      await settle()
    },
  }
}

function deferred() {
  let resolve!: () => void
  let reject!: (err: Error) => void
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

function setup(opts: Partial<HostLimiterOptions> = {}) {
  const clock = fakeClock()
  const limiter = createHostLimiter({ maxPerHost: 1, minDelayMs: 0, ...clock, ...opts })
  const starts: Array<{ host: string; id: number; at: number }> = []
  /** Queues a request that records its start and then waits for `done` (instant by default). */
  const request = (host: string, id: number, done: Promise<void> = Promise.resolve()) =>
    limiter.run(host, async () => {
      starts.push({ host, id, at: clock.now() })
      await done
      return id
    })
  return { clock, limiter, starts, request }
}

describe('createHostLimiter', () => {
  it('spaces the starts of requests to one host by the minimum delay', async () => {
    const { clock, starts, request } = setup({ maxPerHost: 4, minDelayMs: 100 })
    const all = Promise.all([1, 2, 3].map((id) => request('a.example', id)))
    await clock.advance(1000)
    expect(await all).toEqual([1, 2, 3])
    expect(starts.map((s) => s.at)).toEqual([0, 100, 200])
  })

  it('measures the delay between starts, not from the end of the previous request', async () => {
    const { clock, starts, request } = setup({ maxPerHost: 2, minDelayMs: 100 })
    const slow = deferred()
    void request('a.example', 1, slow.promise)
    void request('a.example', 2)
    await clock.advance(150)
    expect(starts.map((s) => s.at)).toEqual([0, 100])
    slow.resolve()
  })

  it('never has more than maxPerHost requests in flight to one host', async () => {
    const { clock, starts, request } = setup({ maxPerHost: 2 })
    const gates = [1, 2, 3, 4, 5].map(() => deferred())
    const all = Promise.all(gates.map((g, i) => request('a.example', i + 1, g.promise)))
    await clock.advance(0)
    expect(starts.map((s) => s.id)).toEqual([1, 2])
    gates[1]?.resolve()
    await clock.advance(0)
    expect(starts.map((s) => s.id)).toEqual([1, 2, 3])
    for (const g of gates) g.resolve()
    await clock.advance(0)
    expect(await all).toEqual([1, 2, 3, 4, 5])
  })

  it('lets different hosts run in parallel', async () => {
    const { clock, starts, request } = setup({ maxPerHost: 1, minDelayMs: 1000 })
    const gate = deferred()
    void request('a.example', 1, gate.promise)
    void request('b.example', 2)
    void request('a.example', 3)
    void request('c.example', 4)
    await clock.advance(0)
    // a.example's second request waits for its slot; b and c start right away.
    expect(starts).toEqual([
      { host: 'a.example', id: 1, at: 0 },
      { host: 'b.example', id: 2, at: 0 },
      { host: 'c.example', id: 4, at: 0 },
    ])
    gate.resolve()
    await clock.advance(1000)
    expect(starts.at(-1)).toEqual({ host: 'a.example', id: 3, at: 1000 })
  })

  it('serves each host first come, first served', async () => {
    const { clock, starts, request } = setup({ maxPerHost: 2, minDelayMs: 10 })
    const ids = Array.from({ length: 8 }, (_, i) => i + 1)
    const all = Promise.all(ids.map((id) => request('A.Example', id)))
    await clock.advance(500)
    await all
    expect(starts.map((s) => s.id)).toEqual(ids)
    expect(starts.map((s) => s.at)).toEqual([0, 10, 20, 30, 40, 50, 60, 70])
  })

  it('treats host names case-insensitively', async () => {
    const { clock, starts, request } = setup({ minDelayMs: 50 })
    void request('News.Example', 1)
    void request('news.example', 2)
    await clock.advance(100)
    expect(starts.map((s) => s.at)).toEqual([0, 50])
  })

  it('frees the slot when a request fails', async () => {
    const { clock, limiter, request } = setup()
    const failed = limiter.run('a.example', async () => {
      throw new Error('boom')
    })
    const next = request('a.example', 2)
    await expect(failed).rejects.toThrow('boom')
    await clock.advance(0)
    expect(await next).toBe(2)
  })

  it('raises one host delay with setDelay, within the minimum and the 60 s cap', async () => {
    const { clock, limiter, starts, request } = setup({ minDelayMs: 100 })
    limiter.setDelay('slow.example', 2500)
    limiter.setDelay('fast.example', 10)
    limiter.setDelay('huge.example', 3_600_000)
    limiter.setDelay('nan.example', Number.NaN)
    expect(limiter.delayFor('SLOW.example')).toBe(2500)
    expect(limiter.delayFor('fast.example')).toBe(100)
    expect(limiter.delayFor('huge.example')).toBe(MAX_HOST_DELAY_MS)
    expect(limiter.delayFor('nan.example')).toBe(100)
    expect(limiter.delayFor('other.example')).toBe(100)
    void request('slow.example', 1)
    void request('slow.example', 2)
    void request('fast.example', 3)
    void request('fast.example', 4)
    await clock.advance(3000)
    const at = (id: number) => starts.find((s) => s.id === id)?.at
    expect([at(1), at(2), at(3), at(4)]).toEqual([0, 2500, 0, 100])
  })

  it('applies a delay raised while a request is already waiting', async () => {
    const { clock, limiter, starts, request } = setup({ minDelayMs: 100 })
    void request('a.example', 1)
    void request('a.example', 2)
    await clock.advance(50)
    limiter.setDelay('a.example', 400)
    await clock.advance(1000)
    expect(starts.map((s) => s.at)).toEqual([0, 400])
  })

  it('rejects a nonsensical concurrency', () => {
    expect(() => createHostLimiter({ maxPerHost: 0, minDelayMs: 0 })).toThrow(RangeError)
  })
})
