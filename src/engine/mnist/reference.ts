// The notebook's MNIST numerics written as plainly as numpy reads, for checking the fast paths
// against: the forward pass in plain JavaScript (no WebAssembly), and the numerical gradient
// exactly as the notebook computes it, two full losses per parameter, each nudged in place.
// Slow (two forward passes per parameter): the tests use it on small nets as their oracle.
import type { Formulation } from '../types'
import type { Csr } from './data'
import { scalarTimesW } from './kernels/scalar'
import { lossFromA2 } from './loss'
import { forward, zerosLike, type MnistParams } from './model'

/** The batch loss at `p`, as the notebook's loss(x, t). */
export function referenceLoss(p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: Formulation): number {
  return lossFromA2(forward(p, x, scalarTimesW).A2, labels, formulation)
}

/** The notebook's numerical_gradient: for each parameter, (f(w+h) - f(w-h)) / 2h, in place. */
export function referenceNumericalGradient(
  p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: Formulation, h: number
): MnistParams {
  const f = (): number => referenceLoss(p, x, labels, formulation)
  const grad = zerosLike(p)
  for (const name of ['W1', 'b1', 'W2', 'b2'] as const) {
    const w = p[name].data
    for (let q = 0; q < w.length; q++) {
      const tmp = w[q]
      w[q] = tmp + h
      const fxh1 = f()
      w[q] = tmp - h
      const fxh2 = f()
      grad[name].data[q] = (fxh1 - fxh2) / (2 * h)
      w[q] = tmp
    }
  }
  return grad
}
