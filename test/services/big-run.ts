// A run whose import writes for a while: many steps and a few snapshots of the largest MNIST
// network, stored in a real database and exported to a real run file.
import { join } from 'node:path'
import type { MnistConfig } from '../../src/shared/config'
import { writeRunFile } from '../../src/services/runfile'
import { RunStore } from '../../src/services/store/run-store'

export function storeBigRun(db: string, iterations: number, snapshotEvery: number): number {
  const config: MnistConfig = { kind: 'mnist', seed: 1, hidden: 512, batch: 100, iterations, lr: 0.1, gradient: 'backprop', formulation: 'standard', h: 1e-4, evalEvery: 0, snapshotEvery }
  const s = new RunStore(db)
  const runId = s.createRun({ config, totalSteps: config.iterations })
  const m = (rows: number, cols: number, step: number) => ({ rows, cols, data: Float64Array.from({ length: rows * cols }, (_, i) => Math.fround(Math.cos(i * step))) })
  const chunk = 10_000
  for (let from = 1; from <= config.iterations; from += chunk) {
    s.append(
      runId,
      Array.from({ length: Math.min(chunk, config.iterations - from + 1) }, (_, i) => {
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

/** The run file of such a run, in `dir`; with the number of metric rows and snapshots it holds. */
export async function bigRunFile(dir: string, iterations: number, snapshotEvery: number): Promise<{ file: string; metrics: number; snapshots: number }> {
  const source = join(dir, 'source.db')
  const file = join(dir, 'big.glrun')
  const runId = storeBigRun(source, iterations, snapshotEvery)
  const s = new RunStore(source)
  await writeRunFile(s, runId, file)
  s.close()
  return { file, metrics: iterations, snapshots: Math.floor(iterations / snapshotEvery) + (iterations % snapshotEvery ? 1 : 0) }
}
