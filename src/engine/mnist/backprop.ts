// Backpropagation through the two-layer net, for both formulations' losses. The data set,
// parameters, gradient and every intermediate live in one WebAssembly workspace, laid out once
// for a batch size, so a training step copies nothing but the batch's row numbers; only the
// ten-class output layer's loss and gradient are computed in JavaScript. W1 is trained in the
// panels the sparse products take (see the kernels) and put back in rows when it is read.
import type { Formulation } from '../types'
import { CLASSES as importedClasses, PIXELS as importedPixels, maxRowNonZeros, nonZerosOf, type Csr } from './data'
import { compactBytes, f64Bytes, i32Bytes, sparseBytes, Workspace, type CompactCsr } from './kernels'
import { DELTA as importedDelta, lossFromA2, lossFromY } from './loss'
import { cloneParams, softmaxInPlace, type Gradient, type MnistParams } from './model'

// Local copies: imported bindings compile to getters under tsx and vitest, too slow in hot loops.
const CLASSES = importedClasses
const PIXELS = importedPixels
const DELTA = importedDelta

/**
 * dA2 = dL/dA2, and returns the batch loss L (A2 is consumed). Textbook: with e = exp(A2),
 * S = sum(e), the loss is L = 0.5*[10B*log S - sum_n A2[n,t_n] - sum_{t=0} log(S - e)], so
 * dL/dA2 = 0.5*[10B*e/S - t - e*R1 + (1-t)*e/(S-e)], R1 = sum_{t=0} 1/(S-e).
 * Standard: (y - t)*y_t/(y_t + 1e-7)/B, the exact derivative including the log guard, from the
 * same softmax outputs y the loss is taken of. Twolayernet: (y - t)/B, the book's
 * SoftmaxWithLoss.backward (section 5.6.3), which drops the guard's factor y_t/(y_t + 1e-7).
 */
function outputGradient(A2: Float64Array, labels: ArrayLike<number>, formulation: Formulation, dA2: Float64Array): number {
  const B = labels.length
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
    return lossFromA2(A2, labels, formulation)
  }
  dA2.set(A2)
  softmaxInPlace(dA2, formulation)
  const loss = lossFromY(dA2, labels, formulation)
  for (let n = 0; n < B; n++) {
    const off = n * CLASSES
    if (formulation === 'twolayernet') {
      for (let k = 0; k < CLASSES; k++) dA2[off + k] = (dA2[off + k] - (labels[n] === k ? 1 : 0)) / B
      continue
    }
    const yt = dA2[off + labels[n]]
    const scale = yt / (yt + DELTA) / B
    for (let k = 0; k < CLASSES; k++) dA2[off + k] = (dA2[off + k] - (labels[n] === k ? 1 : 0)) * scale
  }
  return loss
}

/** Parameters of hidden size H whose arrays are views into the workspace. */
function residentParams(ws: Workspace, H: number): MnistParams {
  const m = (rows: number, cols: number) => ({ rows, cols, data: ws.f64(rows * cols) })
  return { W1: m(PIXELS, H), b1: m(1, H), W2: m(H, CLASSES), b2: m(1, CLASSES) }
}

const paramsBytes = (H: number): number => f64Bytes(PIXELS * H) + f64Bytes(H) + f64Bytes(H * CLASSES) + f64Bytes(CLASSES)

/**
 * Backpropagation for batches of up to `batch` rows of a data set `data`, which the workspace
 * keeps a compact copy of, so that a batch is gathered by one kernel call.
 */
export class Backprop {
  readonly grads: MnistParams
  private readonly resident: MnistParams
  /** W1 in panels: what training reads and updates; resident.W1 is a copy made when read. */
  private readonly W1: Float64Array
  private W1read = true
  private readonly ws: Workspace
  private readonly data: CompactCsr
  private readonly index: Int32Array
  private readonly x: Csr
  private readonly xt: Csr
  private readonly A1: Float64Array
  private readonly Z1: Float64Array
  private readonly Z1T: Float64Array
  private readonly W2T: Float64Array
  private readonly dZ1: Float64Array
  private readonly dA1: Float64Array
  private readonly dA1p: Float64Array
  private readonly A2: Float64Array
  private readonly dA2: Float64Array

  constructor(readonly H: number, readonly batch: number, data: Csr) {
    const BH = batch * H
    const nnz = batch * maxRowNonZeros(data)
    const ws = (this.ws = new Workspace(compactBytes(data.rows, data.ptr[data.rows]) + i32Bytes(batch) +
      2 * paramsBytes(H) + f64Bytes(PIXELS * H) + f64Bytes(CLASSES * H) + sparseBytes(batch, nnz) +
      sparseBytes(PIXELS, nnz) + 6 * f64Bytes(BH) + 2 * f64Bytes(batch * CLASSES), Math.max(batch, H, CLASSES)))
    this.data = ws.compact(data)
    this.index = ws.i32(batch)
    this.resident = residentParams(ws, H)
    this.grads = residentParams(ws, H)
    this.W1 = ws.f64(PIXELS * H)
    this.W2T = ws.f64(CLASSES * H)
    this.x = ws.sparse(batch, nnz)
    this.xt = ws.sparse(PIXELS, nnz)
    ;[this.A1, this.Z1, this.Z1T, this.dZ1, this.dA1, this.dA1p] = [BH, BH, BH, BH, BH, BH].map((n) => ws.f64(n))
    ;[this.A2, this.dA2] = [batch * CLASSES, batch * CLASSES].map((n) => ws.f64(n))
  }

  /** Copies `p` in as the parameters. */
  load(p: MnistParams): void {
    for (const name of ['W1', 'b1', 'W2', 'b2'] as const) this.resident[name].data.set(p[name].data)
    this.ws.toPanels(this.resident.W1.data, this.H, this.W1)
    this.W1read = true
  }

  /**
   * The parameters, views into the workspace, valid until the next step. W1 there is a copy of
   * the one trained (in panels): writing into it changes nothing; load() does.
   */
  get params(): MnistParams {
    if (!this.W1read) this.ws.fromPanels(this.W1, this.H, this.resident.W1.data)
    this.W1read = true
    return this.resident
  }

  /**
   * Fills `grads` with the gradient at `params` for the batch of rows `rows` of the data set
   * (labels in the same order); returns the batch loss.
   */
  gradient(rows: ArrayLike<number>, labels: ArrayLike<number>, formulation: Formulation): number {
    const loss = this.backward(rows, labels, formulation)
    this.ws.sparseTimes(this.xt, this.dA1p.subarray(0, rows.length * this.H), this.H, this.grads.W1.data)
    return loss
  }

  /**
   * One step of gradient descent on that batch, params -= lr * gradient, as the notebook's
   * `params[key] -= lr * grads[key]`; returns the batch loss before it. W1's gradient (the
   * largest) goes straight into W1 and is not kept in `grads`.
   */
  step(rows: ArrayLike<number>, labels: ArrayLike<number>, formulation: Formulation, lr: number): number {
    const { ws, H, resident: p, grads: g } = this
    const loss = this.backward(rows, labels, formulation)
    ws.sparseTimesDescend(this.xt, this.dA1p.subarray(0, rows.length * H), H, this.W1, lr)
    this.W1read = false
    for (const name of ['b1', 'W2', 'b2'] as const) ws.descend(p[name].data, g[name].data, lr)
    return loss
  }

  /**
   * The forward pass and the backward pass down to dA1 (the gradient at the hidden layer's
   * input, also in panels) and the transposed batch, with the gradients of b2, W2 and b1 in
   * `grads`; returns the batch loss. W1's gradient is xᵀ·dA1.
   */
  private backward(rows: ArrayLike<number>, labels: ArrayLike<number>, formulation: Formulation): number {
    const { ws, H, resident: p, grads: g } = this
    const B = rows.length
    if (B > this.batch || nonZerosOf(this.data, rows) > this.x.col.length) throw new Error('backprop: batch larger than laid out')
    this.index.set(rows)
    ws.gather(this.data, this.index, B, this.x)
    const BH = B * H
    const A1 = this.A1.subarray(0, BH), Z1 = this.Z1.subarray(0, BH), Z1T = this.Z1T.subarray(0, BH)
    const dZ1 = this.dZ1.subarray(0, BH), dA1 = this.dA1.subarray(0, BH), dA1p = this.dA1p.subarray(0, BH)
    const A2 = this.A2.subarray(0, B * CLASSES), dA2 = this.dA2.subarray(0, B * CLASSES)

    ws.sparseTimes(this.x, this.W1, H, A1)
    ws.addRow(A1, p.b1.data, B)
    ws.sigmoid(A1, Z1)
    ws.denseTimes(Z1, B, H, p.W2.data, CLASSES, A2)
    ws.addRow(A2, p.b2.data, B)
    const loss = outputGradient(A2, labels, formulation, dA2)

    ws.columnSums(dA2, B, g.b2.data)
    ws.transposeDense(Z1, B, H, Z1T)
    ws.denseTimes(Z1T, H, B, dA2, CLASSES, g.W2.data)
    ws.transposeDense(p.W2.data, H, CLASSES, this.W2T)
    ws.denseTimes(dA2, B, CLASSES, this.W2T, H, dZ1)
    ws.sigmoidBackward(dZ1, Z1, dA1)
    ws.toPanels(dA1, H, dA1p)
    ws.columnSums(dA1, B, g.b1.data)
    // pixels zero in the whole batch get dW1 = 0: their sums over the batch are empty
    ws.transpose(this.x, PIXELS, this.xt)
    return loss
  }
}

/** The gradient at `p` for one batch (a workspace of its own; training keeps one Backprop). */
export function backpropGradient(p: MnistParams, x: Csr, labels: ArrayLike<number>, formulation: Formulation): Gradient {
  const bp = new Backprop(p.b1.cols, x.rows, x)
  bp.load(p)
  const loss = bp.gradient(Array.from({ length: x.rows }, (_, n) => n), labels, formulation)
  return { grads: cloneParams(bp.grads), loss }
}
