// The memory an MNIST run's threads share, laid out the same way on both sides: the data set
// (CSR rows and labels of both splits, built once by the engine process's main thread), and the
// per-call buffers (parameters, batch indices, gradient, evaluation outputs) with the control
// words that start a call and join it (Atomics.wait/notify on them; nobody spins).
import { CLASSES, PIXELS, parameterCount, type Csr, type MnistParams } from '../../engine/mnist'

/** Control words (Int32Array over `control`). */
export const GEN = 0 // bumped by the main thread to start a call
export const PENDING = 1 // workers still computing the current call
export const FAILED = 2 // 1 once a worker failed; its reason is in `reason`
export const REASON_LENGTH = 3
export const CONTROL_WORDS = 4
export const REASON_BYTES = 1024

/** What a call asks (Float64Array over `job`): the task, then each thread's range. */
export const TASK = 0
export const SPLIT = 1 // evaluate: 0 train, 1 test
export const FORMULATION = 2 // index in FORMULATIONS
export const H_STEP = 3 // numerical: h
export const BATCH_ROWS = 4 // numerical: rows in the batch
export const RANGES = 5 // then from, to for each thread
export const QUIT = 0
export const NUMERICAL = 1
export const EVALUATE = 2

export interface SharedCsr {
  rows: number
  ptr: SharedArrayBuffer
  col: SharedArrayBuffer
  val: SharedArrayBuffer
}

export interface SharedSplit {
  csr: SharedCsr
  labels: SharedArrayBuffer
}

/** Everything a worker is handed at its start: SharedArrayBuffers travel as references, never copied. */
export interface SharedRun {
  hidden: number
  threads: number
  train: SharedSplit
  test: SharedSplit
  control: SharedArrayBuffer
  reason: SharedArrayBuffer
  job: SharedArrayBuffer
  params: SharedArrayBuffer
  grads: SharedArrayBuffer
  index: SharedArrayBuffer
  outputs: SharedArrayBuffer
}

export const sharedMemory = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(bytes)

/** x's arrays as shared memory: x's own when built there (csrOf with sharedMemory), else copies. */
export function shareCsr(x: Csr): SharedCsr {
  const share = (a: Int32Array | Float64Array): SharedArrayBuffer => {
    if (a.buffer instanceof SharedArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) return a.buffer
    const copy = sharedMemory(a.byteLength)
    new Uint8Array(copy).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    return copy
  }
  return { rows: x.rows, ptr: share(x.ptr), col: share(x.col), val: share(x.val) }
}

export const csrView = (s: SharedCsr): Csr => ({
  rows: s.rows,
  ptr: new Int32Array(s.ptr),
  col: new Int32Array(s.col),
  val: new Float64Array(s.val)
})

/** W1, b1, W2, b2 as views, one after the other, over a buffer of parameterCount(H) float64s. */
export function paramsView(buffer: SharedArrayBuffer, H: number): MnistParams {
  const at = (offset: number, rows: number, cols: number) => ({ rows, cols, data: new Float64Array(buffer, 8 * offset, rows * cols) })
  const b1 = PIXELS * H
  const W2 = b1 + H
  const b2 = W2 + H * CLASSES
  return { W1: at(0, PIXELS, H), b1: at(b1, 1, H), W2: at(W2, H, CLASSES), b2: at(b2, 1, CLASSES) }
}

export const paramsBytes = (H: number): number => 8 * parameterCount(H)
