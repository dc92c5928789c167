// The run-time estimate shown before an MNIST run, against the timings `npm run bench` measured on
// the 2-core development machine (best of 5 or 3, listed in the README): within a quarter of each.
import { describe, expect, it } from 'vitest'
import { estimateNumericalSeconds } from '../../src/engine/mnist'
import { mnistQuickStart, notebook } from '../../src/shared/kinds'

/** The estimate's share for `iterations` training iterations alone (one evaluation is always made). */
function training(config: typeof mnistQuickStart, iterations: number): number {
  const noEvaluations = { ...config, evalEvery: 0 }
  return estimateNumericalSeconds({ ...noEvaluations, iterations }) - estimateNumericalSeconds({ ...noEvaluations, iterations: 0 })
}

const within = (estimate: number, measured: number): void => {
  expect(estimate).toBeGreaterThan(measured * 0.75)
  expect(estimate).toBeLessThan(measured * 1.25)
}

describe('estimateNumericalSeconds', () => {
  it('puts a standard backprop epoch (784-64-10, batch 100, 600 iterations) near the measured 460 ms', () => {
    within(training(mnistQuickStart, 600), 0.46)
  })

  it('puts a full evaluation pass (70,000 images, 64 hidden units) near the measured 283 ms', () => {
    within(estimateNumericalSeconds({ ...mnistQuickStart, iterations: 0, evalEvery: 0 }), 0.283)
  })

  it('puts a textbook numerical-gradient iteration (784-64-10, batch 100) near the measured 94 ms', () => {
    within(training(notebook.mnist, 1), 0.094)
  })

  it('puts the notebook run (100 numerical iterations, evaluated each) at half a minute to two minutes', () => {
    // the test of the whole run prints its time: about a minute here
    const s = estimateNumericalSeconds({ ...notebook.mnist })
    expect(s).toBeGreaterThan(30)
    expect(s).toBeLessThan(120)
  })

  it('grows with iterations, hidden units, batch size and evaluations', () => {
    const base = { ...notebook.mnist, evalEvery: 10 }
    const s = estimateNumericalSeconds(base)
    expect(estimateNumericalSeconds({ ...base, iterations: 200 })).toBeGreaterThan(s)
    expect(estimateNumericalSeconds({ ...base, hidden: 128 })).toBeGreaterThan(s)
    expect(estimateNumericalSeconds({ ...base, batch: 200 })).toBeGreaterThan(s)
    expect(estimateNumericalSeconds({ ...base, evalEvery: 1 })).toBeGreaterThan(s)
  })
})
