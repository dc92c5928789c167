// What gradient descent minimises: the data loss on a batch plus the regularisation penalty on
// the weights (never the biases): L1 rate·Σ|W|, L2 rate·½ΣW². Backprop and the numerical
// gradient differentiate this same function, so the gradient check compares like with like.
import { numericalGradients } from '../gradient'
import { matrix } from '../linalg'
import type { Matrix, Params } from '../types'
import type { Regularization } from './config'
import { backward, dataLoss, forward, paramNames, type NetworkShape } from './network'

export interface Penalty {
  regularization: Regularization
  regRate: number
}

const isWeight = (name: string): boolean => name.startsWith('W')

export function penalty(params: Params, p: Penalty): number {
  if (p.regularization === 'none') return 0
  let s = 0
  for (const [name, m] of Object.entries(params)) {
    if (!isWeight(name)) continue
    for (const w of m.data) s += p.regularization === 'l1' ? Math.abs(w) : 0.5 * w * w
  }
  return p.regRate * s
}

/** J = dataLoss + penalty on the batch (X, t). */
export function objective(net: NetworkShape, params: Params, X: Matrix, t: Int32Array, p: Penalty): number {
  return dataLoss(net, forward(net, params, X).Y, t) + penalty(params, p)
}

/** dJ by backprop: the data loss's gradients plus the penalty's (rate·sign(W) or rate·W). */
export function backpropGradients(net: NetworkShape, params: Params, X: Matrix, t: Int32Array, p: Penalty): Params {
  const grads = backward(net, params, forward(net, params, X), t)
  if (p.regularization === 'none') return grads
  for (const [name, m] of Object.entries(params)) {
    if (!isWeight(name)) continue
    const d = grads['d' + name].data
    for (let i = 0; i < d.length; i++) d[i] += p.regRate * (p.regularization === 'l1' ? Math.sign(m.data[i]) : m.data[i])
  }
  return grads
}

/** dJ by central differences with step h, every parameter in W1, b1, W2, … order. */
export function numericalGradientsOf(net: NetworkShape, params: Params, X: Matrix, t: Int32Array, p: Penalty, h: number): Params {
  return numericalGradients(() => objective(net, params, X, t, p), params, paramNames(net), h)
}

/** The rows `rows` of X and t: one mini-batch. */
export function batchOf(X: Matrix, t: Int32Array, rows: readonly number[]): { X: Matrix; t: Int32Array } {
  const Xb = matrix(rows.length, X.cols)
  const tb = new Int32Array(rows.length)
  rows.forEach((r, i) => {
    Xb.data.set(X.data.subarray(r * X.cols, (r + 1) * X.cols), i * X.cols)
    tb[i] = t[r]
  })
  return { X: Xb, t: tb }
}

export interface GradientAgreement {
  /** Largest |backprop − numerical| over the parameter's elements. */
  maxAbs: number
  /** maxAbs over the parameter's largest |backprop| gradient: element-wise ratios blow up where a gradient is nearly 0. */
  relative: number
}

/** The gradient check: backprop against central differences with step h, for the current weights on (X, t). */
export function gradientCheckOf(net: NetworkShape, params: Params, X: Matrix, t: Int32Array, p: Penalty, h: number): Record<string, GradientAgreement> {
  const bp = backpropGradients(net, params, X, t, p)
  const nu = numericalGradientsOf(net, params, X, t, p, h)
  return Object.fromEntries(
    Object.entries(bp).map(([name, g]) => {
      let maxAbs = 0
      let scale = 0
      g.data.forEach((v, i) => {
        maxAbs = Math.max(maxAbs, Math.abs(v - nu[name].data[i]))
        scale = Math.max(scale, Math.abs(v))
      })
      return [name, { maxAbs, relative: scale === 0 ? maxAbs : maxAbs / scale }]
    })
  )
}
