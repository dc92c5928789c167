// What the two truth-table lessons share (4.5.1 one neuron, 4.5.2 two layers): trained epoch by
// epoch on a gate's four rows, every K-th epoch logged with its parameters and gradients, the
// gradient numerical (step h) or by backprop, the four outputs kept.
import { gradientRow, hRow, logEveryRow } from '../fields'
import type { RunCounts } from './kind'
import { hWhenNumerical, loggedSteps } from './words'

/** The rows after a truth-table kind's own: h, the gradient method, the logging interval. */
export const truthTableRows = [hRow, gradientRow, logEveryRow] as const

/** The descriptor facts both kinds hold alike. */
const truthTable = {
  run: 'step',
  firstStep: 1,
  stepNoun: 'epoch',
  grads: true,
  precision: 8,
  confusion: false,
  predictions: 4,
  history: true,
  dataset: null,
  livePoints: null,
  applies: hWhenNumerical,
  budgetKnobs: ['logEvery']
} as const

/**
 * A truth-table kind's facts from its notebook config (its defaults too) and how many epochs a
 * config trains: those alike, its steps, and what it stores (every K-th epoch, the last one and a
 * diverged one, each with parameters).
 */
export const truthTableKind = <C extends { logEvery: number }>(notebook: C, epochs: (c: C) => number) => ({
  notebook,
  defaults: notebook,
  ...truthTable,
  totalSteps: epochs,
  counts: (c: C): RunCounts => {
    const logged = loggedSteps(epochs(c), c.logEvery)
    return { metrics: logged, paramSnapshots: logged, evalSnapshots: 0 }
  }
})
