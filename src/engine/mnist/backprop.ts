// Backpropagation through the two-layer net, for both formulations' losses.
import type { Formulation } from '../types'
import { CLASSES as importedClasses, PIXELS as importedPixels, type Csr } from './data'
import { transposeTimes } from './kernels'
import { DELTA as importedDelta, lossFromA2 } from './loss'
import { forward, zerosLike, type Gradient, type MnistParams } from './model'

// Local copies: imported bindings compile to getters under tsx and vitest, too slow in hot loops.
const CLASSES = importedClasses
const PIXELS = importedPixels
const DELTA = importedDelta

/**
 * dL/dA2. Textbook: with e = exp(A2), S = sum(e), the loss is
 * L = 0.5*[10B*log S - sum_n A2[n,t_n] - sum_{t=0} log(S - e)], so
 * dL/dA2 = 0.5*[10B*e/S - t - e*R1 + (1-t)*e/(S-e)], R1 = sum_{t=0} 1/(S-e).
 * Standard: (y - t)*y_t/(y_t + 1e-7)/B, the exact derivative including the log guard.
 */
function outputGradient(A2: Float64Array, labels: ArrayLike<number>, formulation: Formulation): Float64Array {
  const B = labels.length
  const dA2 = new Float64Array(A2.length)
  if (formulation === 'textbook') {
    let S = 0
    for (let q = 0; q < A2.length; q++) S += dA2[q] = Math.exp(A2[q])
    let R1 = 0
    for (let n = 0; n < B; n++) {
      for (let k = 0; k < CLASSES; k++) if (labels[n] !== k) R1 += 1 / (S - dA2[n * CLASSES + k])
    }
    for (let n = 0; n < B; n++) {
      for (let k = 0; k < CLASSES; k++) {
        const q = n * CLASSES + k
        const e = dA2[q]
        dA2[q] = labels[n] === k
          ? 0.5 * (CLASSES * B * e / S - 1 - e * R1)
          : 0.5 * (CLASSES * B * e / S - e * R1 + e / (S - e))
      }
    }
    return dA2
  }
  for (let n = 0; n < B; n++) {
    const off = n * CLASSES
    let max = -Infinity
    for (let k = 0; k < CLASSES; k++) if (A2[off + k] > max) max = A2[off + k]
    let S = 0
    for (let k = 0; k < CLASSES; k++) S += dA2[off + k] = Math.exp(A2[off + k] - max)
    const yt = dA2[off + labels[n]] / S
    const scale = yt / (yt + DELTA) / B
    for (let k = 0; k < CLASSES; k++) dA2[off + k] = (dA2[off + k] / S - (labels[n] === k ? 1 : 0)) * scale
  }
  return dA2
}

export function backpropGradient(p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: Formulation): Gradient {
  const H = p.b1.cols
  const B = x.rows
  const { Z1, A2 } = forward(p, x)
  const dA2 = outputGradient(A2, labels, formulation)
  const g = zerosLike(p)
  const W2 = p.W2.data, dW2 = g.W2.data, db2 = g.b2.data, db1 = g.b1.data
  const dA1 = new Float64Array(B * H)
  for (let n = 0; n < B; n++) {
    const o = n * CLASSES
    // the row's ten output gradients in registers (MNIST has ten classes)
    const d0 = dA2[o], d1 = dA2[o + 1], d2 = dA2[o + 2], d3 = dA2[o + 3], d4 = dA2[o + 4]
    const d5 = dA2[o + 5], d6 = dA2[o + 6], d7 = dA2[o + 7], d8 = dA2[o + 8], d9 = dA2[o + 9]
    for (let k = 0; k < CLASSES; k++) db2[k] += dA2[o + k]
    for (let j = 0; j < H; j++) {
      const z = Z1[n * H + j]
      const w = j * CLASSES
      dW2[w] += z * d0
      dW2[w + 1] += z * d1
      dW2[w + 2] += z * d2
      dW2[w + 3] += z * d3
      dW2[w + 4] += z * d4
      dW2[w + 5] += z * d5
      dW2[w + 6] += z * d6
      dW2[w + 7] += z * d7
      dW2[w + 8] += z * d8
      dW2[w + 9] += z * d9
      const dz = d0 * W2[w] + d1 * W2[w + 1] + d2 * W2[w + 2] + d3 * W2[w + 3] + d4 * W2[w + 4] +
        d5 * W2[w + 5] + d6 * W2[w + 6] + d7 * W2[w + 7] + d8 * W2[w + 8] + d9 * W2[w + 9]
      const da = dz * z * (1 - z)
      dA1[n * H + j] = da
      db1[j] += da
    }
  }
  // pixels zero in the whole batch get dW1 = 0, as every sum over the batch is empty
  transposeTimes(x, PIXELS, dA1, H, g.W1.data)
  return { grads: g, loss: lossFromA2(A2, labels, formulation) }
}
