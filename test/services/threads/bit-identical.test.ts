// Worker threads change how long a run takes, never a number it stores: a textbook numerical
// MNIST run and full evaluations at 1, 2 and 3 threads, every stored number compared with Object.is.
import { afterAll, describe, expect, it } from 'vitest'
import { createMnistTrainer, type MnistData } from '../../../src/engine/mnist'
import type { Params, StepRecord } from '../../../src/engine/types'
import type { MnistConfig } from '../../../src/shared/config'
import { notebook } from '../../../src/shared/kinds'
import { loadMnist } from '../../../src/services/mnist'
import { ThreadPool } from '../../../src/services/threads'

const data: MnistData = loadMnist()
const pools: ThreadPool[] = []
afterAll(() => Promise.all(pools.map((p) => p.close())))

function run(config: MnistConfig, threads: number): StepRecord[] {
  const pool = threads > 1 ? new ThreadPool(data, config, threads) : undefined
  if (pool) pools.push(pool)
  const trainer = createMnistTrainer(config, data, pool)
  const records: StepRecord[] = []
  for (let r = trainer.step(); r; r = trainer.step()) records.push(r)
  return records
}

/** Every number of a record, in a fixed order, as a flat list. */
function numbers(r: StepRecord): number[] {
  const params = (p?: Params): number[] => (p ? Object.keys(p).sort().flatMap((k) => Array.from(p[k].data)) : [])
  return [r.step, r.loss, r.lr ?? NaN, r.trainAcc ?? NaN, r.testAcc ?? NaN, ...(r.confusion ?? []), ...params(r.params)]
}

function expectSame(a: StepRecord[], b: StepRecord[]): void {
  expect(b.length).toBe(a.length)
  for (let s = 0; s < a.length; s++) {
    const x = numbers(a[s]), y = numbers(b[s])
    expect(y.length).toBe(x.length)
    const differing = x.findIndex((v, q) => !Object.is(v, y[q]))
    expect(differing, `step ${s + 1}, number ${differing}`).toBe(-1)
  }
}

describe.each([
  ['textbook numerical, evaluated every iteration', { ...notebook.mnist, iterations: 3, evalEvery: 1, snapshotEvery: 1 }],
  ['standard numerical at batch 7 (ranges cut off the pixel boundaries)', { ...notebook.mnist, formulation: 'standard', batch: 7, hidden: 5, iterations: 3, evalEvery: 2, snapshotEvery: 1 }],
  ['twolayernet backprop (only the evaluation is threaded)', { ...notebook.mnist, gradient: 'backprop', formulation: 'twolayernet', iterations: 20, evalEvery: 10, snapshotEvery: 10 }]
] as const)('%s', (_, config) => {
  const one = run(config as MnistConfig, 1)

  it('stores at least one evaluation and snapshot to compare', () => {
    expect(one.filter((r) => r.confusion).length).toBeGreaterThan(0)
    expect(one.filter((r) => r.params).length).toBeGreaterThan(0)
  })

  it.each([2, 3])('%i threads: every number the same as one thread', (threads) => {
    expectSame(one, run(config as MnistConfig, threads))
  })
})
