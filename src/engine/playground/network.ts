// A small fully connected network, written the way the chapter writes its two-layer net:
// A0 = X, Z_l = A_{l-1}·W_l + b_l, A_l = h(Z_l) for the hidden layers, then Y = sigmoid(Z) for
// two classes (one output, the probability of class 1) or softmax(Z) row by row for three or more.
// backward() is the chain rule through exactly these steps, layer by layer from the output.
import { matrix } from '../linalg'
import type { Matrix, Params } from '../types'

export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'linear'
export type LossName = 'cross-entropy' | 'squared'

export interface NetworkShape {
  /** Number of input features. */
  inputs: number
  /** Neurons of each hidden layer (0 to 6 layers of 1 to 8). */
  layers: readonly number[]
  activation: Activation
  /** 2: one sigmoid output; 3 or more: that many softmax outputs. */
  classes: number
  loss: LossName
}

/** Layer sizes from the inputs to the outputs, e.g. [2, 4, 2, 1]. */
export const sizes = (net: NetworkShape): number[] => [net.inputs, ...net.layers, outputs(net)]
export const outputs = (net: NetworkShape): number => (net.classes === 2 ? 1 : net.classes)
/** W1, b1, W2, b2, …: the update and gradient order. */
export const paramNames = (net: NetworkShape): string[] => sizes(net).slice(1).flatMap((_, l) => [`W${l + 1}`, `b${l + 1}`])

const H: Record<Activation, (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  relu: (z) => (z > 0 ? z : 0),
  linear: (z) => z
}
/** dA/dZ written with the output A (as the chapter's backward layers keep it). */
const DH: Record<Activation, (a: number) => number> = {
  sigmoid: (a) => a * (1 - a),
  tanh: (a) => 1 - a * a,
  relu: (a) => (a > 0 ? 1 : 0),
  linear: () => 1
}

export interface Pass {
  /** A[0] = X, A[l] = the l-th hidden layer's outputs. */
  A: Matrix[]
  /** The network's outputs: n x 1 (sigmoid) or n x classes (softmax). */
  Y: Matrix
}

/**
 * Z = A·W + b, b broadcast over the rows. Every sum here adds its terms in index order, then the
 * bias: the notebook adds them in that same order (its `dot`), so rounding does not part the two
 * over thousands of updates.
 */
function affine(A: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = matrix(A.rows, W.cols)
  const [n, k, m] = [A.rows, A.cols, W.cols]
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0
      for (let p = 0; p < k; p++) s += A.data[i * k + p] * W.data[p * m + j]
      Z.data[i * m + j] = s + b.data[j]
    }
  }
  return Z
}

export function forward(net: NetworkShape, params: Params, X: Matrix): Pass {
  const A = [X]
  const L = net.layers.length
  const h = H[net.activation]
  for (let l = 1; l <= L; l++) {
    const Z = affine(A[l - 1], params[`W${l}`], params[`b${l}`])
    for (let i = 0; i < Z.data.length; i++) Z.data[i] = h(Z.data[i])
    A.push(Z)
  }
  const Z = affine(A[L], params[`W${L + 1}`], params[`b${L + 1}`])
  return { A, Y: net.classes === 2 ? mapInPlace(Z, H.sigmoid) : softmaxRows(Z) }
}

function mapInPlace(m: Matrix, f: (v: number) => number): Matrix {
  for (let i = 0; i < m.data.length; i++) m.data[i] = f(m.data[i])
  return m
}

/** Softmax of each row, the largest value subtracted first so exp cannot overflow. */
function softmaxRows(Z: Matrix): Matrix {
  const k = Z.cols
  for (let i = 0; i < Z.rows; i++) {
    let c = -Infinity
    for (let j = 0; j < k; j++) c = Math.max(c, Z.data[i * k + j])
    let s = 0
    for (let j = 0; j < k; j++) s += Z.data[i * k + j] = Math.exp(Z.data[i * k + j] - c)
    for (let j = 0; j < k; j++) Z.data[i * k + j] /= s
  }
  return Z
}

/** Probability the network gives to class c of example n. */
const prob = (Y: Matrix, n: number, c: number): number => (Y.cols === 1 ? (c === 1 ? Y.data[n] : 1 - Y.data[n]) : Y.data[n * Y.cols + c])

/**
 * The loss averaged over the examples. Cross-entropy: −log p_t, p_t the probability of the true
 * class (for one sigmoid output y when t = 1, 1 − y when t = 0). The chapter's guard δ inside the log
 * is left out on purpose: with it a learning rate too large leaves the loss stuck near −log δ,
 * without it the loss becomes ∞ and the run stops saying why (the NaN). Squared error:
 * ½ Σ_k (y_k − t_k)² over the outputs, t one-hot (or 0/1 for one output).
 */
export function dataLoss(net: NetworkShape, Y: Matrix, t: Int32Array): number {
  let s = 0
  for (let n = 0; n < Y.rows; n++) {
    if (net.loss === 'cross-entropy') {
      s -= Math.log(prob(Y, n, t[n]))
    } else {
      for (let j = 0; j < Y.cols; j++) s += 0.5 * (Y.data[n * Y.cols + j] - target(Y, t, n, j)) ** 2
    }
  }
  return s / Y.rows
}

const target = (Y: Matrix, t: Int32Array, n: number, j: number): number => (Y.cols === 1 ? t[n] : t[n] === j ? 1 : 0)

/** Fraction of examples whose most probable class is the true one (p ≥ 0.5 counts as class 1). */
export function accuracy(Y: Matrix, t: Int32Array): number {
  let right = 0
  for (let n = 0; n < Y.rows; n++) if (predictClass(Y, n) === t[n]) right++
  return Y.rows === 0 ? 0 : right / Y.rows
}

export function predictClass(Y: Matrix, n: number): number {
  if (Y.cols === 1) return Y.data[n] >= 0.5 ? 1 : 0
  let best = 0
  for (let j = 1; j < Y.cols; j++) if (Y.data[n * Y.cols + j] > Y.data[n * Y.cols + best]) best = j
  return best
}

/** dL/dY of dataLoss, then through the output function to dL/dZ of the last layer. */
function outputDelta(net: NetworkShape, Y: Matrix, t: Int32Array): Matrix {
  const [B, K] = [Y.rows, Y.cols]
  const g = matrix(B, K)
  for (let n = 0; n < B; n++) {
    for (let j = 0; j < K; j++) {
      const y = Y.data[n * K + j]
      const tj = target(Y, t, n, j)
      g.data[n * K + j] =
        net.loss === 'squared' ? (y - tj) / B : K === 1 ? (tj === 1 ? -1 / y : 1 / (1 - y)) / B : tj === 1 ? -1 / y / B : 0
    }
  }
  const dZ = matrix(B, K)
  for (let n = 0; n < B; n++) {
    if (K === 1) {
      dZ.data[n] = g.data[n] * Y.data[n] * (1 - Y.data[n]) // sigmoid'
      continue
    }
    // softmax's Jacobian: dZ_j = y_j (g_j − Σ_k g_k y_k)
    let gy = 0
    for (let k = 0; k < K; k++) gy += g.data[n * K + k] * Y.data[n * K + k]
    for (let j = 0; j < K; j++) dZ.data[n * K + j] = Y.data[n * K + j] * (g.data[n * K + j] - gy)
  }
  return dZ
}

/** Gradients dW1, db1, … of dataLoss over the batch the pass was made on. */
export function backward(net: NetworkShape, params: Params, pass: Pass, t: Int32Array): Params {
  const grads: Params = {}
  const L = net.layers.length
  const dh = DH[net.activation]
  let dZ = outputDelta(net, pass.Y, t)
  for (let l = L + 1; l >= 1; l--) {
    const A = pass.A[l - 1]
    const W = params[`W${l}`]
    const [B, k, m] = [A.rows, A.cols, W.cols]
    const dW = matrix(k, m)
    const db = matrix(1, m)
    for (let n = 0; n < B; n++) {
      for (let j = 0; j < m; j++) {
        const d = dZ.data[n * m + j]
        db.data[j] += d
        for (let p = 0; p < k; p++) dW.data[p * m + j] += A.data[n * k + p] * d
      }
    }
    grads[`dW${l}`] = dW
    grads[`db${l}`] = db
    if (l === 1) break
    // dA_{l-1} = dZ·W_lᵀ, then through h: dZ_{l-1} = dA_{l-1} * h'(Z_{l-1})
    const dZprev = matrix(B, k)
    for (let n = 0; n < B; n++) {
      for (let p = 0; p < k; p++) {
        let s = 0
        for (let j = 0; j < m; j++) s += dZ.data[n * m + j] * W.data[p * m + j]
        dZprev.data[n * k + p] = s * dh(A.data[n * k + p])
      }
    }
    dZ = dZprev
  }
  return grads
}
