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
  const g = zerosLike(p)
  const loss = numericalGradientPart(p, x, labels, formulation, h, 0, parameterCount(p.b1.cols), g)
  return { grads: g, loss }
}

/** How many parameters a 784-H-10 net has: W1, b1, W2, b2 in that order (the flat index of the parts). */
export const parameterCount = (H: number): number => PIXELS * H + H + H * CLASSES + CLASSES

/**
 * The entries from..to-1 (flat index over W1, b1, W2, b2 in that order) of the numerical
 * gradient, written into g (the other entries are left as they are); returns the batch loss at p.
 * Each entry is computed by the same operations whatever the range, so parts computed apart (on
 * several threads) give the whole gradient bit for bit.
 */
export function numericalGradientPart(
  p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: Formulation, h: number,
  from: number, to: number, g: MnistParams
): number {
  const H = p.b1.cols
  const B = x.rows
  const W2 = p.W2.data
  const { Z1, A1, A2 } = forward(p, x, timesW)
  const E = A1.map((a) => Math.exp(-a))
  const loss: LossChange = formulation === 'textbook' ? textbookChange(A2, labels, W2, H) : standardChange(A2, labels, W2, H)
  const sig = new Float64Array(B * H * 4)
  for (let q = 0; q < B * H; q++) sigmoidSeries(Z1[q], E[q], sig, 4 * q)

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
  const b1At = PIXELS * H, W2At = b1At + H, b2At = W2At + H * CLASSES
  for (let q = Math.max(from, 0); q < Math.min(to, b1At); ) {
    const i = (q / H) | 0
    const end = Math.min(to, (i + 1) * H)
    const first = col.ptr[i]
    const count = col.ptr[i + 1] - first
    // a pixel that is zero in the whole batch leaves the loss untouched: gradient exactly 0
    for (; q < end; q++) {
      const j = q - i * H
      g.W1.data[q] = count === 0 ? 0 : central(W1[q], (step) => hiddenChange(j, count, col.row, col.val, first, step))
    }
  }
  for (let j = Math.max(from - b1At, 0); j < Math.min(to - b1At, H); j++) {
    g.b1.data[j] = central(p.b1.data[j], (step) => hiddenChange(j, B, allRows, ones, 0, step))
  }
  for (let q = Math.max(from - W2At, 0); q < Math.min(to - W2At, H * CLASSES); q++) {
    const j = (q / CLASSES) | 0
    g.W2.data[q] = central(W2[q], (step) => outputChange(q - j * CLASSES, step, (n) => Z1[n * H + j]))
  }
  for (let k = Math.max(from - b2At, 0); k < Math.min(to - b2At, CLASSES); k++) {
    g.b2.data[k] = central(p.b2.data[k], (step) => outputChange(k, step, () => 1))
  }
  return lossFromA2(A2, labels, formulation)
}

/**
 * Cuts the flat parameter index into `parts` ranges of about equal work for the batch x: a
 * W1 entry of pixel i nudges the rows where pixel i is non-zero, every other entry all B rows.
 * Returns parts+1 boundaries, from 0 to parameterCount(H).
 */
export function parameterRanges(x: Csr, H: number, parts: number): number[] {
  const pixelRows = new Int32Array(PIXELS)
  for (let q = 0; q < x.ptr[x.rows]; q++) pixelRows[x.col[q]]++
  const cost = (q: number): number => (q < PIXELS * H ? pixelRows[(q / H) | 0] : x.rows)
  const total = parameterCount(H)
  let work = 0
  for (let i = 0; i < PIXELS; i++) work += pixelRows[i] * H
  work += (total - PIXELS * H) * x.rows
  const bounds = [0]
  let q = 0, acc = 0
  for (let part = 1; part < parts; part++) {
    const target = (work * part) / parts
    while (q < total && acc + cost(q) <= target) acc += cost(q++)
    bounds.push(q)
  }
  bounds.push(total)
  return bounds
}
