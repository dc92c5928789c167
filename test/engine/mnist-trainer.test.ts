// The trainer against the notebook's printout and against numpy's standard backprop run.
import { describe, expect, it } from 'vitest'
import type { StepRecord } from '../../src/engine/types'
import type { MnistConfig } from '../../src/shared/config'
import { createMnistTrainer } from '../../src/engine/mnist'
import { notebook } from '../../src/shared/kinds'
import { loadMnist } from '../../src/services/mnist'
import printed from '../fixtures/notebook-mnist.json'
import ref from '../fixtures/mnist-data.json'

function run(config: MnistConfig): StepRecord[] {
  const trainer = createMnistTrainer(config, loadMnist())
  const records: StepRecord[] = []
  for (let r = trainer.step(); r; r = trainer.step()) records.push(r)
  expect(trainer.done).toBe(config.iterations)
  return records
}

describe('textbook model, numerical gradient (notebook 4.5.3)', () => {
  const records = run({ ...notebook.mnist, iterations: 10, snapshotEvery: 4 })

  it.each(printed.rows.filter((r) => r.iteration <= 10))('iteration $iteration: Cost to 1e-10, accuracies exactly', (row) => {
    const r = records[row.iteration - 1]
    expect(r.step).toBe(row.iteration)
    expect(Math.abs(r.loss - row.cost)).toBeLessThanOrEqual(1e-10 * row.cost)
    expect(r.trainAcc).toBe(row.trainAcc)
    expect(r.testAcc).toBe(row.testAcc)
  })

  it('reports a test confusion matrix on every evaluation and snapshots every 4th and the last iteration', () => {
    for (const r of records) {
      expect(r.confusion).toHaveLength(100)
      expect(r.confusion!.reduce((a, b) => a + b, 0)).toBe(10000)
      expect(r.lr).toBe(0.1)
    }
    expect(records.filter((r) => r.params).map((r) => r.step)).toEqual([4, 8, 10])
    expect(records[9].params!.W1.data.length).toBe(784 * 64)
  })
})

describe('standard model, backprop', () => {
  const base: MnistConfig = { ...notebook.mnist, gradient: 'backprop', formulation: 'standard', evalEvery: 600, snapshotEvery: 0, iterations: 3000 }
  const records = run(base)
  const evaluated = records.filter((r) => r.testAcc !== undefined)

  it('after one epoch is where numpy lands (0.806)', () => {
    expect(evaluated[0].step).toBe(600)
    expect(Math.abs(evaluated[0].testAcc! - ref.standardBackpropOneEpochTestAcc)).toBeLessThanOrEqual(0.005)
  })

  it('reaches at least 0.90 test accuracy after 5 epochs', () => {
    expect(evaluated.map((r) => r.step)).toEqual([600, 1200, 1800, 2400, 3000])
    expect(evaluated[4].testAcc!).toBeGreaterThanOrEqual(0.9)
  })

  it('evaluates the last iteration even with evalEvery 0', () => {
    const short = run({ ...base, iterations: 3, evalEvery: 0 })
    expect(short.map((r) => r.testAcc !== undefined)).toEqual([false, false, true])
    expect(short[2].params).toBeDefined()
  })
})
