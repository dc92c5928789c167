// The notebook's numerical gradient (central differences, each parameter nudged in place by
// +-h while the others stay put), computed incrementally instead of with two full forward
// passes per parameter. A nudge of W1[i][j] moves hidden unit j only for the batch rows whose
// pixel i is non-zero; a nudge of b1, W2 or b2 moves one hidden unit or one output column.
// The loss change is computed from the moved entries alone, with expm1/log1p-style formulas
// and short series (numerical-textbook.ts, numerical-standard.ts), so its rounding error is far
// below that of subtracting two large losses, as numpy does.
import type { Formulation } from '../types'
import { CLASSES as importedClasses, PIXELS as importedPixels, columns, type Csr } from './data'
import { timesW } from './kernels'
import { lossFromA2 } from './loss'
import { forward, zerosLike, type Gradient, type MnistParams } from './model'
import type { LossChange } from './numerical-loss'
import { standardChange } from './numerical-standard'
import { textbookChange } from './numerical-textbook'
import * as series from './series'

// Local copies: imported bindings compile to getters under tsx and vitest, too slow in hot loops.
const CLASSES = importedClasses
const PIXELS = importedPixels
const expm1s = series.expm1s
const SIGMOID_SERIES_MAX = series.SIGMOID_SERIES_MAX
const sigmoidSeries = series.sigmoidSeries

export function numericalGradient(
  p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: Formulation, h: number
): Gradient {
  const H = p.b1.cols
  const B = x.rows
  const W2 = p.W2.data
  const { Z1, A1, A2 } = forward(p, x, timesW)
  const E = A1.map((a) => Math.exp(-a))
  const loss: LossChange = formulation === 'textbook' ? textbookChange(A2, labels, W2, H) : standardChange(A2, labels, W2, H)
  const sig = new Float64Array(B * H * 4)
  for (let q = 0; q < B * H; q++) sigmoidSeries(Z1[q], E[q], sig, 4 * q)

  const g = zerosLike(p)
  const at = new Int32Array(B * CLASSES)
  const dA = new Float64Array(B * CLASSES)
  const u = new Float64Array(B)
  const allRows = Int32Array.from({ length: B }, (_, n) => n)
  const ones = new Float64Array(B).fill(1)

  /** Exactly: the change of Z1[n][j] when A1[n][j] moves by d. */
  const sigmoidStep = (n: number, j: number, d: number): number => {
    const z = Z1[n * H + j]
    const En = E[n * H + j]
    // sigmoid(a+d) - sigmoid(a) = (1 - sigmoid(a)) * sigmoid(a+d) * (1 - exp(-d)), 1 - sigmoid(a) = E*z;
    // when exp(-a) overflows, sigmoid is 0 on both sides, as numpy computes it
    if (En === Infinity) return 1 / (1 + Math.exp(-A1[n * H + j] - d)) - z
    const em = expm1s(-d)
    return En * z * (1 / (1 + En * (1 + em))) * -em
  }

  /** Loss change when A1[n][j] moves by v[c]*step for the rows n = rowList[from + c]. */
  const hiddenChange = (j: number, count: number, rowList: Int32Array, v: Float64Array, from: number, step: number): number => {
    let series = true
    for (let c = 0; c < count; c++) {
      const n = rowList[from + c]
      const d = v[from + c] * step
      if (d < SIGMOID_SERIES_MAX && d > -SIGMOID_SERIES_MAX) {
        const s = 4 * (n * H + j)
        u[c] = d * (sig[s] + d * (sig[s + 1] + d * (sig[s + 2] + d * sig[s + 3])))
      } else {
        u[c] = sigmoidStep(n, j, d)
        series = false
      }
    }
    if (series) {
      const fast = loss.hidden(j, count, rowList, from, u)
      if (fast === fast) return fast
    }
    for (let c = 0; c < count; c++) {
      const n = rowList[from + c]
      const dz = series ? sigmoidStep(n, j, v[from + c] * step) : u[c]
      for (let k = 0; k < CLASSES; k++) {
        at[c * CLASSES + k] = n * CLASSES + k
        dA[c * CLASSES + k] = dz * W2[j * CLASSES + k]
      }
    }
    return loss.exact(count * CLASSES, at, dA)
  }

  /** Loss change when output column k moves by scale(n)*step in every row. */
  const outputChange = (k: number, step: number, scale: (n: number) => number): number => {
    for (let n = 0; n < B; n++) {
      at[n] = n * CLASSES + k
      dA[n] = scale(n) * step
    }
    return loss.exact(B, at, dA)
  }

  // Central difference with the step numpy actually takes: the stored fl(w +- h) minus w.
  const central = (w: number, change: (step: number) => number): number =>
    (change(w + h - w) - change(w - h - w)) / (2 * h)

  const W1 = p.W1.data
  const col = columns(x)
  for (let i = 0; i < PIXELS; i++) {
    const from = col.ptr[i]
    const count = col.ptr[i + 1] - from
    // a pixel that is zero in the whole batch leaves the loss untouched: gradient exactly 0
    if (count === 0) continue
    for (let j = 0; j < H; j++) {
      g.W1.data[i * H + j] = central(W1[i * H + j], (step) => hiddenChange(j, count, col.row, col.val, from, step))
    }
  }
  for (let j = 0; j < H; j++) {
    g.b1.data[j] = central(p.b1.data[j], (step) => hiddenChange(j, B, allRows, ones, 0, step))
  }
  for (let j = 0; j < H; j++) {
    for (let k = 0; k < CLASSES; k++) {
      g.W2.data[j * CLASSES + k] = central(W2[j * CLASSES + k], (step) => outputChange(k, step, (n) => Z1[n * H + j]))
    }
  }
  for (let k = 0; k < CLASSES; k++) {
    g.b2.data[k] = central(p.b2.data[k], (step) => outputChange(k, step, () => 1))
  }
  return { grads: g, loss: lossFromA2(A2, labels, formulation) }
}
