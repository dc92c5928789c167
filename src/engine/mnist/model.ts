// The two-layer MNIST net: A1 = x·W1 + b1, Z1 = sigmoid(A1), A2 = Z1·W2 + b2, then either
// the notebook's softmax over the whole batch matrix (textbook) or a row-wise stable softmax (standard).
import type { Formulation, Matrix, Params } from '../types'
import { RandomState } from '../random'
import { CLASSES as importedClasses, PIXELS as importedPixels, type Csr } from './data'

// Local copies: imported bindings compile to getters under tsx and vitest, too slow in hot loops.
const CLASSES = importedClasses
const PIXELS = importedPixels

export interface MnistParams {
  W1: Matrix
  b1: Matrix
  W2: Matrix
  b2: Matrix
  [name: string]: Matrix
}

/** A gradient and the batch loss at the parameters it was taken at. */
export interface Gradient {
  grads: MnistParams
  loss: number
}

function matrix(rows: number, cols: number, data = new Float64Array(rows * cols)): Matrix {
  return { rows, cols, data }
}

/** The notebook's weight_init: W1 = 0.01*randn(784,H), b1 = 0, W2 = 0.01*randn(H,10), b2 = 0. */
export function initParams(rng: RandomState, hidden: number): MnistParams {
  const W1 = rng.randn(PIXELS * hidden).map((g) => 0.01 * g)
  const W2 = rng.randn(hidden * CLASSES).map((g) => 0.01 * g)
  return {
    W1: matrix(PIXELS, hidden, W1),
    b1: matrix(1, hidden),
    W2: matrix(hidden, CLASSES, W2),
    b2: matrix(1, CLASSES)
  }
}

export function zerosLike(p: MnistParams): MnistParams {
  return {
    W1: matrix(p.W1.rows, p.W1.cols),
    b1: matrix(1, p.b1.cols),
    W2: matrix(p.W2.rows, p.W2.cols),
    b2: matrix(1, p.b2.cols)
  }
}

export function cloneParams(p: MnistParams): MnistParams {
  return {
    W1: matrix(p.W1.rows, p.W1.cols, p.W1.data.slice()),
    b1: matrix(1, p.b1.cols, p.b1.data.slice()),
    W2: matrix(p.W2.rows, p.W2.cols, p.W2.data.slice()),
    b2: matrix(1, p.b2.cols, p.b2.data.slice())
  }
}

export const sigmoid = (a: number): number => 1 / (1 + Math.exp(-a))

/**
 * One row through the layers after x·W1: given a1[off..off+H) = x_n·W1, adds b1 there, writes
 * Z1 = sigmoid(A1) into z1[off..] and A2 = Z1·W2 + b2 into a2[off2..off2+10).
 */
export function outputRow(p: MnistParams, a1: Float64Array, z1: Float64Array, off: number, a2: Float64Array, off2: number): void {
  const H = p.b1.cols
  const b1 = p.b1.data, W2 = p.W2.data, b2 = p.b2.data
  // the ten outputs in registers (MNIST has ten classes)
  let o0 = 0, o1 = 0, o2 = 0, o3 = 0, o4 = 0, o5 = 0, o6 = 0, o7 = 0, o8 = 0, o9 = 0
  for (let j = 0; j < H; j++) {
    const a = a1[off + j] + b1[j]
    a1[off + j] = a
    const z = 1 / (1 + Math.exp(-a))
    z1[off + j] = z
    const w = j * CLASSES
    o0 += z * W2[w]
    o1 += z * W2[w + 1]
    o2 += z * W2[w + 2]
    o3 += z * W2[w + 3]
    o4 += z * W2[w + 4]
    o5 += z * W2[w + 5]
    o6 += z * W2[w + 6]
    o7 += z * W2[w + 7]
    o8 += z * W2[w + 8]
    o9 += z * W2[w + 9]
  }
  a2[off2] = o0 + b2[0]
  a2[off2 + 1] = o1 + b2[1]
  a2[off2 + 2] = o2 + b2[2]
  a2[off2 + 3] = o3 + b2[3]
  a2[off2 + 4] = o4 + b2[4]
  a2[off2 + 5] = o5 + b2[5]
  a2[off2 + 6] = o6 + b2[6]
  a2[off2 + 7] = o7 + b2[7]
  a2[off2 + 8] = o8 + b2[8]
  a2[off2 + 9] = o9 + b2[9]
}

export interface Forward {
  A1: Float64Array
  Z1: Float64Array
  A2: Float64Array
}

/**
 * A function computing x·W1 for the rows from..to-1 of x: the WebAssembly kernel (kernels/) or
 * plain JavaScript (kernels/scalar.ts); this file imports neither, so the renderer's predict()
 * does not pull WebAssembly into its bundle.
 */
export type TimesW = (x: Csr, from: number, to: number, W: Float64Array, H: number, out: Float64Array) => void

export function forward(p: MnistParams, x: Csr, product: TimesW): Forward {
  const H = p.b1.cols
  const A1 = new Float64Array(x.rows * H)
  const Z1 = new Float64Array(x.rows * H)
  const A2 = new Float64Array(x.rows * CLASSES)
  product(x, 0, x.rows, p.W1.data, H, A1)
  for (let n = 0; n < x.rows; n++) outputRow(p, A1, Z1, n * H, A2, n * CLASSES)
  return { A1, Z1, A2 }
}

/** Softmax of A2 in place: over the whole matrix (textbook, numpy semantics: inf/inf = NaN) or per row. */
export function softmaxInPlace(A2: Float64Array, formulation: Formulation): void {
  if (formulation === 'textbook') {
    let S = 0
    for (let q = 0; q < A2.length; q++) S += A2[q] = Math.exp(A2[q])
    for (let q = 0; q < A2.length; q++) A2[q] /= S
    return
  }
  for (let off = 0; off < A2.length; off += CLASSES) {
    let max = -Infinity
    for (let k = 0; k < CLASSES; k++) if (A2[off + k] > max) max = A2[off + k]
    let S = 0
    for (let k = 0; k < CLASSES; k++) S += A2[off + k] = Math.exp(A2[off + k] - max)
    for (let k = 0; k < CLASSES; k++) A2[off + k] /= S
  }
}

/** numpy's argmax: the first NaN if any, else the first maximum. */
export function argmax(y: Float64Array, off: number): number {
  let best = 0
  let bestValue = y[off]
  if (bestValue !== bestValue) return 0
  for (let k = 1; k < CLASSES; k++) {
    const v = y[off + k]
    if (v !== v) return k
    if (v > bestValue) {
      best = k
      bestValue = v
    }
  }
  return best
}

/** The four MNIST parameters out of a generic Params, with their shapes checked. */
export function mnistParams(params: Params): MnistParams {
  const { W1, b1, W2, b2 } = params
  const H = W1?.cols
  const ok = W1 && b1 && W2 && b2 && W1.rows === 784 && b1.cols === H && W2.rows === H && W2.cols === CLASSES && b2.cols === CLASSES
  if (!ok) throw new Error('MNIST parameters must be W1 (784xH), b1 (1xH), W2 (Hx10) and b2 (1x10)')
  return { W1, b1, W2, b2 }
}
