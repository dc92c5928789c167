// What lessons 4.2, 4.3 and 4.4 share as kinds: each run is one instant computation stored whole
// (step 0 its only record), and a typed function is a row of its own.
import { str } from '../schema'

/** The facts of a kind computed in one go with a single record. */
export const oneRecord = {
  run: 'computed',
  firstStep: 0,
  stepNoun: 'epoch',
  precision: 8,
  confusion: false,
  history: true,
  dataset: null,
  livePoints: null,
  totalSteps: () => 0,
  counts: () => ({ metrics: 1, paramSnapshots: 1, evalSnapshots: 0 }),
  applies: () => true,
  budgetKnobs: [],
  // what is stored are inputs and results, not trained parameters: no gradients, no predictions
  grads: false,
  predictions: 0
} as const

/** A one-record kind's facts from its field rows, their parser and the notebook's config (its defaults too). */
export const computedOnce = <R, P, C>(fields: R, parse: P, notebook: C) => ({ fields, parse, notebook, defaults: notebook, ...oneRecord })

/** f: function_1 / function_2 or an expression (checked by src/engine/expr where it is computed). */
export const functionRow = (arity: 1 | 2) =>
  ({
    key: 'f',
    parse: str({ min: 1, max: 200 }),
    text: 'word',
    meta: 'EXPR',
    help: arity === 1 ? 'function_1 or an expression in x' : 'function_2 or an expression in x0, x1',
    label: arity === 1 ? { en: 'Function f(x)', ko: '함수 f(x)' } : { en: 'Function f(x0, x1)', ko: '함수 f(x0, x1)' }
  }) as const
