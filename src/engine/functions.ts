// Activations and losses of chapter 4, each as the notebook writes it (quirks included):
// losses sum over the whole array they are given, whatever its shape.
import type { Matrix } from './types'

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

/** Section 4.4.2's softmax: subtract the largest value first so exp cannot overflow. */
export function softmax(a: ArrayLike<number>): Float64Array {
  let c = -Infinity
  for (let i = 0; i < a.length; i++) c = Math.max(c, a[i])
  return normalise(Float64Array.from(a, (v) => Math.exp(v - c)))
}

/** Section 4.5's softmax, `exp(a) / sum(exp(a))` over the whole array: overflows for large inputs. */
export const softmaxNoShift = (a: ArrayLike<number>): Float64Array => normalise(Float64Array.from(a, Math.exp))

function normalise(e: Float64Array): Float64Array {
  let s = 0
  for (let i = 0; i < e.length; i++) s += e[i]
  for (let i = 0; i < e.length; i++) e[i] /= s
  return e
}

/** The standard form: a stable softmax of each row on its own. */
export function softmaxRows(a: Matrix): Matrix {
  const data = new Float64Array(a.data.length)
  for (let i = 0; i < a.rows; i++) {
    data.set(softmax(a.data.subarray(i * a.cols, (i + 1) * a.cols)), i * a.cols)
  }
  return { rows: a.rows, cols: a.cols, data }
}

export function sumSquaredError(y: ArrayLike<number>, t: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < y.length; i++) s += (y[i] - t[i]) ** 2
  return 0.5 * s
}

/**
 * -sum(t * log(y + delta)). The gate section uses delta 1e-7; SimpleNet (4.4.2) writes
 * `-dot(t, log(y + 1e-4))`, the same sum with delta 1e-4.
 */
export function crossEntropyError(y: ArrayLike<number>, t: ArrayLike<number>, delta = 1e-7): number {
  let s = 0
  for (let i = 0; i < y.length; i++) s += t[i] * Math.log(y[i] + delta)
  return -s
}

/** Cross-entropy summed over a batch (one example per row) and divided by the batch size. */
export const crossEntropyErrorBatch = (y: Matrix, t: ArrayLike<number>): number => crossEntropyError(y.data, t) / y.rows

/** The notebook's loss for 0/1 targets: 0.5 * sum(-t log y - (1-t) log(1-y)), half the usual binary cross-entropy. */
export function crossEntropyErrorForBin(y: ArrayLike<number>, t: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < y.length; i++) s += -t[i] * Math.log(y[i]) - (1 - t[i]) * Math.log(1 - y[i])
  return 0.5 * s
}
