// The sliced runner with the real gate trainer, driven by a hand-cranked event loop so that
// pause/stop land exactly between slices.
import { describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import type { StepRecord, Trainer } from '../../src/engine/types'
import type { GateConfig } from '../../src/shared/config'
import { SlicedRunner } from '../../src/services/engine-process/runner'
import { notebook } from '../../src/shared/kinds'

/** The gate trainer, as a branch that holds at step `holdAt` when started paused. */
function holding(trainer: Trainer, holdAt: number): Trainer {
  return { total: trainer.total, holdAt, get done() { return trainer.done }, step: (r) => trainer.step(r), params: () => trainer.params(), result: () => trainer.result() }
}

function cranked(config: GateConfig = notebook.gate, sliceMs = 0, opts: { ack?: boolean; holdAt?: number } = {}) {
  const queue: (() => void)[] = []
  const batches: StepRecord[][] = []
  const sentDone: number[] = []
  const paused: number[] = []
  const finished: { status: string; reason?: string; predictions?: number[] }[] = []
  const trainer = opts.holdAt === undefined ? createTrainer({ ...config }) : holding(createTrainer({ ...config }), opts.holdAt)
  const runner: SlicedRunner = new SlicedRunner(
    trainer,
    {
      records: (r, done) => {
        batches.push(r)
        sentDone.push(done)
        // a host that keeps each batch at once, as the CLI does; ack: false never acknowledges
        if (opts.ack !== false) runner.acknowledge(done)
      },
      paused: (done) => paused.push(done),
      finished: (status, reason, predictions) => finished.push({ status, reason, predictions })
    },
    // sliceMs 0: one step per slice; flushMs 0: a batch after every step
    { sliceMs, flushMs: 0, defer: (f) => queue.push(f) }
  )
  const turn = (n = 1) => {
    for (let i = 0; i < n && queue.length; i++) queue.shift()!()
  }
  return { runner, trainer, batches, sentDone, paused, finished, queue, turn }
}

describe('SlicedRunner', () => {
  it('started paused, a branch takes the steps up to where it holds at full speed, then holds there', () => {
    const r = cranked({ ...notebook.gate, epochs: 20, logEvery: 1 }, 0, { holdAt: 5 })
    r.runner.setPace(1)
    r.runner.start(true)
    r.turn(20)
    // not one step a second: all five at once, each logged, then held
    expect(r.batches.flat().map((x) => x.step)).toEqual([1, 2, 3, 4, 5])
    expect(r.paused).toEqual([5])
    expect(r.queue).toHaveLength(0)
    r.runner.step()
    expect(r.paused).toEqual([5, 6])
  })

  it('a branch resumed while it retrains trains on instead of holding', () => {
    const r = cranked({ ...notebook.gate, epochs: 20, logEvery: 1 }, 0, { holdAt: 15 })
    r.runner.start(true)
    r.turn(3)
    r.runner.resume()
    r.turn(40)
    expect(r.paused).toEqual([])
    expect(r.finished.map((f) => f.status)).toEqual(['done'])
    expect(r.batches.flat()).toHaveLength(20)
  })

  it('takes no step while paused, and stops between steps with what it has', () => {
    const r = cranked()
    r.runner.start()
    r.turn(3)
    expect(r.batches.flat().map((x) => x.step)).toEqual([1, 2, 3])
    r.runner.pause()
    r.turn(5)
    expect(r.queue).toHaveLength(0)
    r.runner.resume()
    r.turn(2)
    r.runner.stop()
    expect(r.batches.flat().map((x) => x.step)).toEqual([1, 2, 3, 4, 5])
    expect(r.finished).toEqual([{ status: 'stopped', reason: undefined, predictions: expect.any(Array) }])
    r.turn(10)
    expect(r.batches.flat()).toHaveLength(5)
  })

  it('runs to the end and reports done with the predictions', () => {
    const r = cranked({ ...notebook.gate, epochs: 20 }, 1000)
    r.runner.start()
    r.turn(1)
    expect(r.batches.flat().map((x) => x.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(r.finished[0].status).toBe('done')
    expect(r.finished[0].predictions).toHaveLength(4)
  })

  it('fails a run whose loss is no longer finite, naming the step, keeping the records', () => {
    const r = cranked({ ...notebook.gate, lr: 100 }, 1000)
    r.runner.start()
    r.turn(1)
    expect(r.finished[0]).toMatchObject({ status: 'failed', reason: 'loss became NaN at step 2' })
    expect(r.batches.flat().map((x) => x.step)).toEqual([1, 2])
  })

  it('with logEvery > 1, fails at the step the loss diverged, not at the next logged one', () => {
    // lr 100 diverges at epoch 2 (see above); logging every 10 must not hide it until epoch 10
    const r = cranked({ ...notebook.gate, lr: 100, logEvery: 10 }, 1000)
    r.runner.start()
    r.turn(1)
    expect(r.finished[0]).toMatchObject({ status: 'failed', reason: 'loss became NaN at step 2' })
    expect(r.batches.flat().map((x) => x.step)).toEqual([2])
  })

  it('with logEvery > 1 and a calm run, hands over only the logged epochs and the last', () => {
    const r = cranked({ ...notebook.gate, epochs: 25, logEvery: 10 }, 1000)
    r.runner.start()
    r.turn(1)
    expect(r.batches.flat().map((x) => x.step)).toEqual([10, 20, 25])
    expect(r.finished[0].status).toBe('done')
  })

  it('pauses at the step it has handed over, and says so with that step', () => {
    const r = cranked()
    r.runner.start()
    r.turn(4)
    r.runner.pause()
    expect(r.paused).toEqual([4])
    expect(r.trainer.done).toBe(4)
    expect(r.batches.flat().map((x) => x.step)).toEqual([1, 2, 3, 4])
    r.turn(10)
    expect(r.trainer.done).toBe(4)
  })

  it('steps a paused run by exactly one epoch, recorded with its parameters although off the log interval', () => {
    const r = cranked({ ...notebook.gate, logEvery: 10 })
    r.runner.start(true)
    expect(r.paused).toEqual([0])
    r.turn(10)
    expect(r.trainer.done).toBe(0)
    r.runner.step()
    r.runner.step()
    expect(r.trainer.done).toBe(2)
    expect(r.paused).toEqual([0, 1, 2])
    const stepped = r.batches.flat()
    expect(stepped.map((x) => x.step)).toEqual([1, 2])
    expect(stepped[1].params!.w.data).toHaveLength(2)
    // stepping matches training: the same epoch from an unpaused run of the same config
    const plain = createTrainer({ ...notebook.gate })
    plain.step()
    expect(stepped[1].loss).toBe(plain.step()!.loss)
    r.runner.resume()
    r.turn(20)
    expect(r.batches.flat().map((x) => x.step)).toEqual([1, 2, 10, 20])
  })

  it('backpressure: with no acknowledgement it holds one batch in flight and one pending, then goes on when acknowledged', () => {
    const r = cranked(notebook.gate, 0, { ack: false })
    r.runner.start()
    r.turn(50)
    // step 1 sent, step 2 taken and due, and then nothing until the host answers
    expect(r.sentDone).toEqual([1])
    expect(r.trainer.done).toBe(2)
    expect(r.queue).toHaveLength(0)
    r.runner.acknowledge(1)
    r.turn(50)
    // released: step 3 taken, steps 2 and 3 sent together, step 4 taken and held back again
    expect(r.sentDone).toEqual([1, 3])
    expect(r.batches.flat().map((x) => x.step)).toEqual([1, 2, 3])
    expect(r.trainer.done).toBe(4)
  })
})

/** The runner on a hand-driven clock: `advance(ms)` fires the waits that fall due, in order. */
function paced(config: GateConfig, pace: number | null) {
  let clock = 0
  const timers: { at: number; f: () => void; live: boolean }[] = []
  const queue: (() => void)[] = []
  const kept: number[] = []
  const shown: number[] = []
  const sentAt: { done: number; t: number }[] = []
  const trainer = createTrainer({ ...config })
  const runner: SlicedRunner = new SlicedRunner(
    trainer,
    {
      records: (r, done, s = []) => {
        kept.push(...r.map((x) => x.step))
        shown.push(...s.map((x) => x.step))
        sentAt.push({ done, t: clock })
        runner.acknowledge(done)
      },
      paused: () => undefined,
      finished: () => undefined
    },
    {
      sliceMs: 1000,
      flushMs: 50,
      defer: (f) => queue.push(f),
      now: () => clock,
      wait: (f, ms) => {
        const timer = { at: clock + ms, f, live: true }
        timers.push(timer)
        return () => (timer.live = false)
      }
    }
  )
  runner.setPace(pace)
  const drain = () => {
    while (queue.length) queue.shift()!()
  }
  const advance = (ms: number) => {
    const end = clock + ms
    drain()
    for (;;) {
      const next = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      next.live = false
      clock = next.at
      next.f()
      drain()
    }
    clock = end
  }
  return { runner, trainer, kept, shown, sentAt, advance }
}

describe('SlicedRunner at a pace', () => {
  it('takes 10 steps a second at pace 10, each sent as it is taken', () => {
    const r = paced(notebook.gate, 10)
    r.runner.start()
    r.advance(1000)
    // step 1 is due 100 ms after the start, step 10 at 1000 ms
    expect(r.trainer.done).toBe(10)
    expect(r.kept).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(r.sentAt.map((s) => s.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('keeps the same rows as at full speed, and shows the steps off the log interval without keeping them', () => {
    const config = { ...notebook.gate, epochs: 30, logEvery: 7 }
    const slow = paced(config, 30)
    slow.runner.start()
    slow.advance(2000)
    const fast = paced(config, null)
    fast.runner.start()
    fast.advance(0)
    expect(fast.kept).toEqual([7, 14, 21, 28, 30])
    expect(slow.kept).toEqual(fast.kept)
    expect(slow.shown).toEqual(Array.from({ length: 30 }, (_, i) => i + 1).filter((n) => n % 7 !== 0 && n !== 30))
  })

  it('changes speed at once, mid-run, from the step it is at', () => {
    const r = paced(notebook.gate, 1)
    r.runner.start()
    r.advance(3000)
    expect(r.trainer.done).toBe(3)
    // the wait for step 4 at 1/s (1 s more) is dropped: at 10/s step 4 comes 100 ms from now
    r.runner.setPace(10)
    r.advance(100)
    expect(r.trainer.done).toBe(4)
    r.advance(900)
    expect(r.trainer.done).toBe(13)
    r.runner.setPace(null)
    r.advance(0)
    expect(r.trainer.done).toBe(1000)
  })

  it('holds at the step it has sent when paused between two paced steps, and waits a full interval after resuming', () => {
    const r = paced(notebook.gate, 5)
    r.runner.start()
    r.advance(1100)
    expect(r.trainer.done).toBe(5)
    r.runner.pause()
    r.advance(5000)
    expect(r.trainer.done).toBe(5)
    expect(r.sentAt.at(-1)!.done).toBe(5)
    r.runner.resume()
    r.advance(150)
    expect(r.trainer.done).toBe(5)
    r.advance(50)
    expect(r.trainer.done).toBe(6)
  })
})
