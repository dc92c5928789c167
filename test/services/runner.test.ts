// The sliced runner with the real gate trainer, driven by a hand-cranked event loop so that
// pause/stop land exactly between slices.
import { describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import type { StepRecord } from '../../src/engine/types'
import type { GateConfig } from '../../src/shared/config'
import { SlicedRunner } from '../../src/services/engine-process/runner'
import { notebook } from '../../src/shared/kinds'

function cranked(config: GateConfig = notebook.gate, sliceMs = 0, opts: { ack?: boolean } = {}) {
  const queue: (() => void)[] = []
  const batches: StepRecord[][] = []
  const sentDone: number[] = []
  const paused: number[] = []
  const finished: { status: string; reason?: string; predictions?: number[] }[] = []
  const trainer = createTrainer({ ...config })
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
