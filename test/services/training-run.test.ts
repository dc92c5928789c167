// The one training lifecycle driven in this process (as `lab train` drives it; the hosts drive the
// same class through engine processes, test/services/lifecycle.test.ts): Pause, Step, Resume and
// Stop against a real SQLite file, each stored step checked against a trainer of its own.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import { inProcess } from '../../src/services/lifecycle/in-process'
import { TrainingRun, type RunEnd } from '../../src/services/lifecycle/training-run'
import { RunStore } from '../../src/services/store/run-store'
import type { ProgressEvent } from '../../src/shared/api'
import type { GateConfig } from '../../src/shared/config'
import { notebook } from '../../src/shared/kinds'
import { tempDir, until } from './tmp'

const LONG: GateConfig = { ...notebook.gate, gradient: 'backprop', epochs: 100_000, logEvery: 1 }

const stores: RunStore[] = []
afterEach(() => stores.splice(0).forEach((s) => s.close()))

function started(config: GateConfig) {
  const store = new RunStore(join(tempDir(), 'lab.db'))
  stores.push(store)
  const events: ProgressEvent[] = []
  let end!: (e: RunEnd) => void
  const ended = new Promise<RunEnd>((r) => (end = r))
  const run = new TrainingRun(store, config, inProcess(createTrainer(config)), { progress: (e) => events.push(e), ended: end })
  return { store, run, events, ended, id: run.id! }
}

describe('a training run driven in this process', () => {
  it('holds its pause state once: Step only while paused, a step stored exactly, Stop ends it stopped where it stood', async () => {
    const { store, run, events, ended, id } = started(LONG)
    expect(store.getRun(id)).toMatchObject({ status: 'running', name: 'AND gate, lr 0.1' })
    await until(() => store.getRun(id)!.steps >= 200, 'some epochs')
    expect(run.step()).toBe(false)
    run.pause()
    expect(run.paused).toBe(true)
    const paused = await until(() => events.find((e) => e.status === 'paused'), 'the paused event')
    expect(store.getRun(id)).toMatchObject({ status: 'paused', steps: paused.done })

    // the reference: the same epochs from a trainer of its own
    const reference = createTrainer(LONG)
    for (let k = 0; k < paused.done; k++) reference.step()
    const want = reference.step(true)!
    expect(run.step()).toBe(true)
    await until(() => store.getRun(id)!.steps === paused.done + 1, 'the stepped epoch stored')
    expect(store.metrics(id).loss.at(-1)).toBe(want.loss)
    expect(Array.from(store.snapshot(id, want.step)!.params!.w.data)).toEqual(Array.from(want.params!.w.data))

    run.resume()
    expect(run.paused).toBe(false)
    expect(run.step()).toBe(false)
    await until(() => store.getRun(id)!.steps > paused.done + 200, 'more epochs after resume')
    run.stop()
    const end = await ended
    expect(end).toMatchObject({ status: 'stopped', storageProblem: null })
    const stored = store.getRun(id)!
    expect(stored.status).toBe('stopped')
    expect(stored.steps).toBeLessThan(LONG.epochs)
    expect(events.at(-1)).toMatchObject({ status: 'stopped', done: store.metrics(id).step.at(-1) })
  })

  it('ends done with the predictions of a reference trainer', async () => {
    const config: GateConfig = { ...notebook.gate, epochs: 50, logEvery: 10 }
    const { store, ended, id } = started(config)
    const reference = createTrainer(config)
    while (reference.done < reference.total) reference.step()
    const end = await ended
    expect(end).toMatchObject({ status: 'done', predictions: reference.result().predictions })
    expect(store.getRun(id)).toMatchObject({ status: 'done', steps: 5 })
    expect(store.metrics(id).step).toEqual([10, 20, 30, 40, 50])
  })
})
