// An import writes in short transactions: a training run in another process, appending to the
// same database file meanwhile, never waits past the busy timeout and finishes intact.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MnistConfig } from '../../src/shared/config'
import { importRunPath, writeRunFile } from '../../src/services/runfile'
import { RunStore } from '../../src/services/store/run-store'
import { jsonLines, labAsync } from '../cli/lab'
import { tempDir, until } from './tmp'

/** A run whose import writes for a while: 50,000 steps and 11 snapshots of the largest network (25 MB). */
function bigRun(db: string): number {
  const config: MnistConfig = { kind: 'mnist', seed: 1, hidden: 512, batch: 100, iterations: 50_000, lr: 0.1, gradient: 'backprop', formulation: 'standard', h: 1e-4, evalEvery: 0, snapshotEvery: 5_000 }
  const s = new RunStore(db)
  const runId = s.createRun({ config, totalSteps: config.iterations })
  const m = (rows: number, cols: number, step: number) => ({ rows, cols, data: Float64Array.from({ length: rows * cols }, (_, i) => Math.fround(Math.cos(i * step))) })
  for (let from = 1; from <= config.iterations; from += 10_000) {
    s.append(
      runId,
      Array.from({ length: 10_000 }, (_, i) => {
        const step = from + i
        const snap = step % config.snapshotEvery === 0 || step === config.iterations
        return { step, loss: 1 / step, lr: 0.1, ...(snap ? { params: { W1: m(784, 512, step), b1: m(1, 512, step), W2: m(512, 10, step), b2: m(1, 10, step) } } : {}) }
      })
    )
  }
  s.finish(runId, 'done')
  s.close()
  return runId
}

describe('import during training', () => {
  it('a training run in another process keeps writing to the same file while a large run is imported', { timeout: 300_000 }, async () => {
    const dir = tempDir()
    const source = join(dir, 'source.db')
    const file = join(dir, 'big.glrun')
    const s = new RunStore(source)
    await writeRunFile(s, bigRun(source), file)
    s.close()

    const db = join(dir, 'lab.db')
    // numerical-gradient MNIST iterations take tens of milliseconds each, so a million of them
    // outlast the import on any machine; stopped (Ctrl-C) once the import is done
    const training = labAsync(['train', 'mnist', '--gradient', 'numerical', '--hidden', '16', '--iterations', '1000000', '--eval-every', '0', '--snapshot-every', '1000000', '--db', db, '--json'])
    await until(() => training.lines.length > 0, 'the training run to start', 60_000)
    const store = new RunStore(db)
    const before = training.lines.length
    const { runId, duplicate } = await importRunPath(store, file)
    // still training, and it stored steps while the import was writing
    expect(training.child.exitCode).toBe(null)
    const during = training.lines.length - before
    expect(during).toBeGreaterThan(0)
    training.child.kill('SIGINT')
    expect(await training.exited).toBe(130)

    expect(duplicate).toBe(false)
    expect(store.getRun(runId)).toMatchObject({ status: 'done', steps: 50_000 })
    // every step the training run printed is stored, none lost to a busy database
    const printed = jsonLines(training.lines.join('\n')).filter((l) => 'iteration' in l)
    const trained = store.listRuns().find((r) => r.id !== runId)!
    expect(trained).toMatchObject({ status: 'stopped', steps: printed.length })
    expect(store.metrics(trained.id).step).toEqual(printed.map((l) => l.iteration))
    store.close()
  })
})
