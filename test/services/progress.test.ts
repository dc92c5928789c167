import { describe, expect, it, vi } from 'vitest'
import type { StepRecord } from '../../src/engine/types'
import { ProgressTracker } from '../../src/services/progress'
import type { ProgressEvent } from '../../src/shared/api'

const W1 = { rows: 784, cols: 2, data: new Float64Array(1568) }

describe('progress events', () => {
  it('keep every gate record, in order, in few events', () => {
    vi.useFakeTimers()
    const events: ProgressEvent[] = []
    const p = new ProgressTracker(1, 'gate', 1000, (e) => events.push(e))
    for (let s = 1; s <= 1000; s += 10) p.add(Array.from({ length: 10 }, (_, i): StepRecord => ({ step: s + i, loss: 1 })))
    p.finish('done', null, [1, 2, 3, 4])
    vi.useRealTimers()
    expect(events.flatMap((e) => e.records.map((r) => r.step))).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
    expect(events[events.length - 1]).toMatchObject({ status: 'done', done: 1000, total: 1000, predictions: [1, 2, 3, 4] })
  })

  it('keep about 2,000 MNIST points over 60,000 iterations, every evaluation, the last, and only the newest W1', () => {
    vi.useFakeTimers()
    const events: ProgressEvent[] = []
    const p = new ProgressTracker(7, 'mnist', 60000, (e) => events.push(e))
    for (let s = 1; s <= 60000; s += 100) {
      const batch = Array.from({ length: 100 }, (_, i): StepRecord => {
        const step = s + i
        return { step, loss: 1, ...(step % 1000 === 0 ? { trainAcc: 0.5, testAcc: 0.5 } : {}), ...(step % 1000 === 500 ? { params: { W1 } } : {}) }
      })
      p.add(batch)
      vi.advanceTimersByTime(200)
    }
    p.finish('done')
    vi.useRealTimers()
    const records = events.flatMap((e) => e.records)
    expect(records.length).toBeLessThanOrEqual(2130)
    expect(records.length).toBeGreaterThanOrEqual(1900)
    expect(records.filter((r) => r.trainAcc !== undefined).map((r) => r.step)).toEqual(Array.from({ length: 60 }, (_, i) => (i + 1) * 1000))
    expect(records[records.length - 1].step).toBe(60000)
    expect(records.filter((r) => r.params).map((r) => r.step)).toEqual(Array.from({ length: 60 }, (_, i) => i * 1000 + 500))
  })
})

describe('progress clock', () => {
  it('counts training time only: a pause adds nothing to elapsedMs, lowers no rate and keeps the time left', () => {
    vi.useFakeTimers({ toFake: ['performance', 'setTimeout', 'clearTimeout'] })
    const events: ProgressEvent[] = []
    const p = new ProgressTracker(1, 'gate', 1000, (e) => events.push(e))
    vi.advanceTimersByTime(1000)
    p.add([{ step: 100, loss: 1 }], 100)
    p.paused(100)
    vi.advanceTimersByTime(60_000)
    p.resumed()
    vi.advanceTimersByTime(1000)
    p.add([], 200)
    vi.advanceTimersByTime(200)
    vi.useRealTimers()
    // by hand: 2 s of training, 200 steps -> 100 steps/s, 800 left -> 8 s
    expect(events.find((e) => e.status === 'paused')).toMatchObject({ done: 100, elapsedMs: 1000, rate: 100, etaSeconds: 9 })
    expect(events[events.length - 1]).toMatchObject({ status: 'running', done: 200, elapsedMs: 2000, rate: 100, etaSeconds: 8 })
  })
})

describe('progress events at a watchable pace', () => {
  it('go out as each step comes, the steps shown but not stored merged in step order', () => {
    vi.useFakeTimers()
    const events: ProgressEvent[] = []
    const p = new ProgressTracker(1, 'gate', 30, (e) => events.push(e), { pace: 10 })
    p.add([], 1, [{ step: 1, loss: 3 }])
    p.add([{ step: 3, loss: 1 }], 3, [{ step: 2, loss: 2 }])
    // no timer had to fire: one event per batch, at once
    expect(events.map((e) => e.records.map((r) => r.step))).toEqual([[1], [2, 3]])
    expect(events.map((e) => e.done)).toEqual([1, 3])
    // back to full speed: throttled again (the next event waits for its timer)
    p.setPace(null)
    p.add([{ step: 4, loss: 1 }], 4)
    expect(events).toHaveLength(2)
    vi.advanceTimersByTime(200)
    vi.useRealTimers()
    expect(events.at(-1)!.records.map((r) => r.step)).toEqual([4])
  })

  it('send every MNIST iteration, not a thinned-out curve', () => {
    const events: ProgressEvent[] = []
    const p = new ProgressTracker(7, 'mnist', 60000, (e) => events.push(e), { pace: 30 })
    for (let step = 1; step <= 40; step++) p.add([{ step, loss: 1 }], step)
    expect(events.flatMap((e) => e.records.map((r) => r.step))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
  })
})
