// Section 4.4.2's SimpleNet: one 2x3 weight matrix, p = x·W, softmax, and the loss
// -dot(t, log(y + delta)); its gradient dL/dW numerically (as the notebook) and by backprop.
// delta is the notebook's 1e-4, or with the `book` formulation the book's 1e-7 (docs/models.md).
import { crossEntropyError, softmax } from './functions'
import { numericalGradient } from './gradient'
import { descend, dot, matrix, toRows, vector } from './linalg'
import { RandomState } from './random'
import type { Matrix, SimpleNetInput } from './types'

/**
 * SimpleNet's cross-entropy delta: the notebook's, or the book's (its common/functions.py, which
 * takes the label's log only: for a one-hot t the same sum, since the other terms are exact zeros).
 */
const DELTA = { notebook: 1e-4, book: 1e-7 } as const

export interface SimpleNetResult {
  /** The weights evaluated: seed(S); randn(2,3), or config.W, after config.steps updates. */
  W: number[][]
  p: number[]
  argmax: number
  /** softmax(p) */
  y: number[]
  loss: number
  /** Numerical gradient, h = config.h, perturbing W in place as the notebook does. */
  dW: number[][]
  /** Analytic gradient of the same loss (its delta included). */
  dWBackprop: number[][]
  /** max |dW - dWBackprop| */
  maxDiff: number
  /** Loss after each update W -= lr * dW (numerical), when config.steps > 0. */
  history?: number[]
  /** W (its six values, row by row) before the first update and after each, when config.steps > 0. */
  path?: number[][]
}

export function simpleNet(config: SimpleNetInput): SimpleNetResult {
  const W = config.W ? matrix(2, 3, config.W) : matrix(2, 3, new RandomState(config.seed).randn(6))
  const x = vector(config.x)
  const t = config.t
  const delta = DELTA[config.formulation ?? 'notebook']
  const predict = (): Matrix => dot(x, W)
  const loss = (): number => crossEntropyError(softmax(predict().data), t, delta)
  const gradient = (): Matrix => matrix(2, 3, numericalGradient(loss, W.data, config.h))

  const history: number[] = []
  const path = [Array.from(W.data)]
  for (let s = 0; s < config.steps; s++) {
    descend(W, gradient(), config.lr)
    history.push(loss())
    path.push(Array.from(W.data))
  }

  const p = predict().data
  const y = softmax(p)
  const dW = gradient()
  const dWBackprop = backprop(x.data, y, t, delta)
  let maxDiff = 0
  for (let i = 0; i < 6; i++) maxDiff = Math.max(maxDiff, Math.abs(dW.data[i] - dWBackprop.data[i]))
  return {
    W: toRows(W),
    p: Array.from(p),
    argmax: p.indexOf(Math.max(...p)),
    y: Array.from(y),
    loss: loss(),
    dW: toRows(dW),
    dWBackprop: toRows(dWBackprop),
    maxDiff,
    ...(config.steps > 0 ? { history, path } : {})
  }
}

/**
 * L = -sum_k t_k log(y_k + delta), y = softmax(p), p = x·W.
 * dL/dy_k = -t_k / (y_k + delta); through softmax dL/dp_j = y_j (g_j - sum_k g_k y_k); dW_ij = x_i dL/dp_j.
 */
function backprop(x: ArrayLike<number>, y: Float64Array, t: ArrayLike<number>, delta: number): Matrix {
  const g = Array.from(y, (yk, k) => -t[k] / (yk + delta))
  const gy = g.reduce((s, gk, k) => s + gk * y[k], 0)
  const dW = matrix(2, 3)
  for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) dW.data[i * 3 + j] = x[i] * y[j] * (g[j] - gy)
  return dW
}
