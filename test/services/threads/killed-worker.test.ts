// A worker thread that dies ends its run `failed` with the reason, and every step stored before
// stays stored: the run trained in this process, with its records kept in a real SQLite file.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMnistTrainer } from '../../../src/engine/mnist'
import type { MnistConfig } from '../../../src/shared/config'
import { notebook } from '../../../src/shared/kinds'
import { SlicedRunner } from '../../../src/services/engine-process/runner'
import type { FinishStatus } from '../../../src/services/engine-process/messages'
import { OwnedRun } from '../../../src/services/lifecycle/owned-run'
import { loadMnist } from '../../../src/services/mnist'
import { RunStore } from '../../../src/services/store/run-store'
import { ThreadPool } from '../../../src/services/threads'
import { tempDir } from '../tmp'

describe('a killed worker thread', () => {
  it('fails the run with the reason and keeps what was stored', async () => {
    const config: MnistConfig = { ...notebook.mnist, iterations: 50, evalEvery: 0, snapshotEvery: 1000 }
    const data = loadMnist()
    const pool = new ThreadPool(data, config, 2)
    const store = new RunStore(join(tempDir(), 'lab.db'))
    const run = new OwnedRun(store, { config, totalSteps: config.iterations }, (problem) => {
      throw new Error(problem)
    })
    let stored = 0
    let killed = false
    const ended = await new Promise<{ status: FinishStatus; reason?: string }>((resolve) => {
      const runner: SlicedRunner = new SlicedRunner(createMnistTrainer(config, data, pool), {
        records: (records, done) => {
          run.append(records)
          stored += records.length
          if (!killed && stored >= 2) {
            // the worker is killed between two steps, while the run holds: it resumes on a pool with one worker gone
            killed = true
            runner.pause()
            void pool.threadsOf[0].terminate().then(() => runner.resume())
          }
          runner.acknowledge(done)
        },
        paused: () => undefined,
        finished: (status, reason) => resolve({ status, reason })
      })
      runner.start()
    })
    run.finish(ended.status, ended.reason)
    await pool.close()

    expect(ended.status).toBe('failed')
    expect(ended.reason).toBe('training failed: worker thread 2 of 2 stopped with exit code 1')
    const detail = store.getRun(run.id)!
    expect(detail.status).toBe('failed')
    expect(detail.reason).toBe(ended.reason)
    const steps = store.metrics(run.id).step
    expect(steps.length).toBe(stored)
    expect(Array.from(steps)).toEqual(Array.from({ length: stored }, (_, n) => n + 1))
    expect(stored).toBeGreaterThanOrEqual(2)
    expect(stored).toBeLessThan(config.iterations)
    store.close()
  }, 120_000)
})
