// The change of the standard loss -sum_n log(y[n,t_n] + 1e-7)/B (y: row-wise softmax) when a
// few rows of A2 change: each changed row n moves y_t by y_t*expm1(da_t - log1p(dS_n/S_n)),
// with dS_n/S_n = sum_k y_k*expm1(da_k).
import { CLASSES as importedClasses } from './data'
import { DELTA as importedDelta } from './loss'
import * as series from './series'
import type { LossChange } from './numerical-loss'

// Local copies: imported bindings compile to getters under tsx and vitest, too slow in hot loops.
const CLASSES = importedClasses
const DELTA = importedDelta
const expm1s = series.expm1s
const log1ps = series.log1ps

/** Per (row n, hidden unit j): sum_k y_k w_k^m/m! for m = 1..4, and the largest u for the series. */
const COEFS = 5

export function standardChange(A2: Float64Array, labels: ArrayLike<number>, W2: Float64Array, H: number): LossChange {
  const B = labels.length
  const y = new Float64Array(A2.length)
  const yt = new Float64Array(B)
  for (let n = 0; n < B; n++) {
    const o = n * CLASSES
    let max = -Infinity
    for (let k = 0; k < CLASSES; k++) if (A2[o + k] > max) max = A2[o + k]
    let s = 0
    for (let k = 0; k < CLASSES; k++) s += y[o + k] = Math.exp(A2[o + k] - max)
    for (let k = 0; k < CLASSES; k++) y[o + k] /= s
    yt[n] = y[o + labels[n]]
  }

  const rowTerm = (n: number, daT: number, ratio: number): number =>
    log1ps((yt[n] * expm1s(daT - log1ps(ratio))) / (yt[n] + DELTA))

  const exact = (count: number, at: Int32Array, dA: Float64Array): number => {
    let sum = 0
    // entries of one row are consecutive: each row's term once its ratio dS_n/S_n is complete
    for (let c = 0; c < count; ) {
      const n = (at[c] / CLASSES) | 0
      let ratio = 0
      let daT = 0
      for (; c < count && ((at[c] / CLASSES) | 0) === n; c++) {
        const q = at[c]
        ratio += y[q] * expm1s(dA[c])
        if (q === n * CLASSES + labels[n]) daT = dA[c]
      }
      sum += rowTerm(n, daT, ratio)
    }
    return -sum / B
  }

  const coef = new Float64Array(B * H * COEFS)
  for (let n = 0; n < B; n++) {
    for (let j = 0; j < H; j++) {
      const at = (n * H + j) * COEFS
      let Y1 = 0, Y2 = 0, Y3 = 0, Y4 = 0, wmax = 0
      for (let k = 0; k < CLASSES; k++) {
        const w = W2[j * CLASSES + k]
        const yk = y[n * CLASSES + k]
        Y1 += yk * w
        Y2 += yk * w * w
        Y3 += yk * w * w * w
        Y4 += yk * w * w * w * w
        if (Math.abs(w) > wmax) wmax = Math.abs(w)
      }
      coef[at] = Y1
      coef[at + 1] = Y2 / 2
      coef[at + 2] = Y3 / 6
      coef[at + 3] = Y4 / 24
      // |u*w| below 1e-4: expm1(u*w) from four terms is exact
      coef[at + 4] = 1e-4 / wmax
    }
  }

  const hidden = (j: number, count: number, rows: Int32Array, from: number, u: Float64Array): number => {
    let sum = 0
    for (let c = 0; c < count; c++) {
      const n = rows[from + c]
      const at = (n * H + j) * COEFS
      const x = u[c]
      if (!(Math.abs(x) < coef[at + 4])) return NaN
      const ratio = x * (coef[at] + x * (coef[at + 1] + x * (coef[at + 2] + x * coef[at + 3])))
      sum += rowTerm(n, x * W2[j * CLASSES + labels[n]], ratio)
    }
    return -sum / B
  }

  return { exact, hidden }
}
