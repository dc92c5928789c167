// The run-time estimate shown before an MNIST run: of the right size, and growing with the work.
import { describe, expect, it } from 'vitest'
import { estimateNumericalSeconds } from '../../src/engine/mnist'
import { mnistQuickStart, notebook } from '../../src/shared/config'

describe('estimateNumericalSeconds', () => {
  // measured here: 54 s (test/engine/mnist-notebook-run.test.ts prints it)
  it('puts the notebook run (100 numerical iterations, evaluated each) at half a minute to two minutes', () => {
    const s = estimateNumericalSeconds({ ...notebook.mnist })
    expect(s).toBeGreaterThan(30)
    expect(s).toBeLessThan(120)
  })

  it('puts a standard backprop epoch at seconds, far below a numerical run', () => {
    const s = estimateNumericalSeconds(mnistQuickStart)
    expect(s).toBeGreaterThan(0.5)
    expect(s).toBeLessThan(10)
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
