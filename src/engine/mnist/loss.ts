// The loss of a batch, written the way the notebook's numpy code evaluates it.
import type { Formulation } from '../types'
import { CLASSES as importedClasses } from './data'
import { softmaxInPlace } from './model'

// Local copies: imported bindings compile to getters under tsx and vitest, too slow in hot loops.
const CLASSES = importedClasses

/** Standard cross-entropy's guard against log(0), as in the notebook's cross_entropy_error_for_batch. */
export const DELTA = 1e-7

/**
 * textbook: 0.5*sum(-t*log(y) - (1-t)*log(1-y)) over the whole matrix (cross_entropy_error_for_bin);
 * standard: -sum(t*log(y + 1e-7)) / B. `A2` is consumed (turned into y).
 */
export function lossFromA2(A2: Float64Array, labels: ArrayLike<number>, formulation: Formulation): number {
  softmaxInPlace(A2, formulation)
  return lossFromY(A2, labels, formulation)
}

/** The same loss from the softmax outputs Y. */
export function lossFromY(Y: Float64Array, labels: ArrayLike<number>, formulation: Formulation): number {
  const B = labels.length
  let sum = 0
  if (formulation === 'textbook') {
    for (let n = 0; n < B; n++) {
      for (let k = 0; k < CLASSES; k++) {
        const t = labels[n] === k ? 1 : 0
        const y = Y[n * CLASSES + k]
        sum += -t * Math.log(y) - (1 - t) * Math.log(1 - y)
      }
    }
    return 0.5 * sum
  }
  for (let n = 0; n < B; n++) sum += Math.log(Y[n * CLASSES + labels[n]] + DELTA)
  return -sum / B
}
