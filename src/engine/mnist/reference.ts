// The MNIST numerics written as plainly as numpy reads, for checking the fast paths against:
// the forward pass in plain JavaScript (no WebAssembly), the numerical gradient exactly as the
// notebook computes it (two full losses per parameter, each nudged in place), and backprop as
// the book's TwoLayerNet.gradient writes it, one dense loop per line of numpy. Slow: the tests
// use it on small nets as the oracle of the kernels.
import { numericalGradient } from '../gradient'
import type { Formulation } from '../types'
import { scalarTimesW } from './kernels/scalar'
import { lossFromA2 } from './loss'
import { CLASSES, type Csr } from './data'
import { lossFromY } from './loss'
import { forward, softmaxInPlace, zerosLike, type Gradient, type MnistParams } from './model'

/** The batch loss at `p`, as the notebook's loss(x, t). */
function referenceLoss(p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: Formulation): number {
  return lossFromA2(forward(p, x, scalarTimesW).A2, labels, formulation)
}

/** The notebook's numerical_gradient: for each parameter, (f(w+h) - f(w-h)) / 2h, in place. */
export function referenceNumericalGradient(
  p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: Formulation, h: number
): MnistParams {
  const f = (): number => referenceLoss(p, x, labels, formulation)
  const grad = zerosLike(p)
  for (const name of ['W1', 'b1', 'W2', 'b2'] as const) grad[name].data.set(numericalGradient(f, p[name].data, h))
  return grad
}

/**
 * Backprop of the standard and twolayernet losses (docs/models.md): dy = (y - t)/B, times
 * y_t/(y_t + 1e-7) for standard; W2 = z1ᵀ·dy, b2 = Σ dy, dz1 = dy·W2ᵀ, da1 = dz1·z1(1 - z1),
 * W1 = xᵀ·da1, b1 = Σ da1.
 */
export function referenceBackprop(
  p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: 'standard' | 'twolayernet'
): Gradient {
  const H = p.b1.cols
  const B = x.rows
  const { Z1, A2: y } = forward(p, x, scalarTimesW)
  softmaxInPlace(y, formulation)
  const loss = lossFromY(y, labels, formulation)
  const g = zerosLike(p)
  const dy = new Float64Array(B * CLASSES)
  for (let n = 0; n < B; n++) {
    const yt = y[n * CLASSES + labels[n]]
    const guard = formulation === 'standard' ? yt / (yt + 1e-7) : 1
    for (let k = 0; k < CLASSES; k++) dy[n * CLASSES + k] = ((y[n * CLASSES + k] - (labels[n] === k ? 1 : 0)) / B) * guard
  }
  for (let n = 0; n < B; n++) {
    for (let k = 0; k < CLASSES; k++) {
      g.b2.data[k] += dy[n * CLASSES + k]
      for (let j = 0; j < H; j++) g.W2.data[j * CLASSES + k] += Z1[n * H + j] * dy[n * CLASSES + k]
    }
  }
  const da1 = new Float64Array(B * H)
  for (let n = 0; n < B; n++) {
    for (let j = 0; j < H; j++) {
      let dz = 0
      for (let k = 0; k < CLASSES; k++) dz += dy[n * CLASSES + k] * p.W2.data[j * CLASSES + k]
      const z = Z1[n * H + j]
      da1[n * H + j] = dz * z * (1 - z)
      g.b1.data[j] += da1[n * H + j]
    }
  }
  for (let n = 0; n < B; n++) {
    for (let q = x.ptr[n]; q < x.ptr[n + 1]; q++) {
      for (let j = 0; j < H; j++) g.W1.data[x.col[q] * H + j] += x.val[q] * da1[n * H + j]
    }
  }
  return { grads: g, loss }
}
