// A WebAssembly instance of kernels.wat with its own memory, and typed calls into it. Arrays
// the kernels work on are views into that memory, handed out by the workspace; nothing is
// copied on a call. Scalar JavaScript spends one to three nanoseconds per element on these
// loops here; the kernels, a fraction of that.
// A sparse product takes its dense matrix "in panels": its columns cut 14 at a time (then 10,
// 8, 2, 1 for the rest), each panel stored whole, row after row, so that one pass of the
// kernel's accumulators reads contiguous rows (kernels.wat says why); toPanels lays one out.
import type { Csr } from '../data'
import { KERNELS_WASM } from './wasm'

// The few WebAssembly APIs used, typed here: the engine compiles without the DOM library.
interface Memory {
  readonly buffer: ArrayBuffer
}

interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: unknown }
  Memory: new (descriptor: { initial: number }) => Memory
}

interface Kernels {
  sparseTimes(ptr: number, idx: number, val: number, rows: number, M: number, Mrows: number, N: number, out: number, descend: number, lr: number): void
  panels(A: number, rows: number, N: number, P: number, back: number): void
  denseTimes(A: number, rows: number, K: number, iota: number, M: number, N: number, out: number): void
  gather(ptr: number, col: number, val: number, index: number, count: number, outPtr: number, outCol: number, outVal: number): void
  transpose(ptr: number, idx: number, val: number, rows: number, cols: number, tptr: number, tidx: number, tval: number): void
  transposeDense(A: number, rows: number, cols: number, out: number): void
  addRow(A: number, b: number, rows: number, K: number): void
  columnSums(A: number, rows: number, K: number, out: number): void
  sigmoid(A: number, Z: number, count: number): void
  sigmoidBackward(dZ: number, Z: number, count: number, dA: number): void
  descend(w: number, dw: number, count: number, lr: number): void
}

const wasm = (): WebAssemblyApi => (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly
/** base64 decoding, in Node and browsers alike (typed here for the same reason). */
const atob = (text: string): string => (globalThis as unknown as { atob(text: string): string }).atob(text)

let module: object | undefined

/** kernels.wat compiled once (synchronously: it is a few kilobytes), instantiated per workspace. */
function kernelsModule(): object {
  module ??= new (wasm().Module)(Uint8Array.from(atob(KERNELS_WASM), (c) => c.charCodeAt(0)))
  return module
}

const PAGE = 65536

/** Bytes a workspace needs for arrays of these lengths (each aligned to 16 bytes). */
export const f64Bytes = (n: number): number => Math.ceil(n / 2) * 16
export const i32Bytes = (n: number): number => Math.ceil(n / 4) * 16
export const sparseBytes = (rows: number, nnz: number): number => i32Bytes(rows + 2) + i32Bytes(nnz) + f64Bytes(nnz)
const u16Bytes = (n: number): number => Math.ceil(n / 8) * 16
export const compactBytes = (rows: number, nnz: number): number => i32Bytes(rows + 1) + u16Bytes(nnz) + i32Bytes(nnz)

/**
 * A CSR matrix of pixels kept in half the room, for a whole data set: 16-bit column indices and
 * float32 values. A batch is gathered out of it into a Csr.
 */
export interface CompactCsr {
  rows: number
  ptr: Int32Array
  col: Uint16Array
  val: Float32Array
}

export class Workspace {
  /** Bytes of memory in all, the reserved scratch included. */
  private readonly capacity: number
  private readonly memory: Memory
  private readonly k: Kernels
  private end = 0
  private iota: Int32Array = new Int32Array(0)

  /**
   * Room for `bytes` of arrays, plus dense products with up to `maxK` inner terms. The memory is
   * made this size and never grown: growing detaches its buffer, and once any buffer has been
   * detached V8 guards every typed-array access in optimised code, which slows the engine's
   * JavaScript loops (the numerical gradient) by about a tenth.
   */
  constructor(readonly bytes: number, readonly maxK = 0) {
    this.capacity = bytes + i32Bytes(maxK + 1)
    const { Memory, Instance } = wasm()
    this.memory = new Memory({ initial: Math.max(1, Math.ceil(this.capacity / PAGE)) })
    this.k = new Instance(kernelsModule(), { env: { memory: this.memory } }).exports as Kernels
    this.reset()
  }

  /** Forgets every array handed out, to lay out new ones. */
  reset(): void {
    this.end = 0
    this.iota = this.i32(this.maxK + 1)
    for (let k = 0; k <= this.maxK; k++) this.iota[k] = k
  }

  private take(bytes: number): number {
    const at = this.end
    if (at + bytes > this.capacity) throw new Error(`workspace: ${at + bytes} bytes needed, ${this.capacity} reserved`)
    this.end += bytes
    return at
  }

  f64(n: number): Float64Array {
    return new Float64Array(this.memory.buffer, this.take(f64Bytes(n)), n)
  }

  i32(n: number): Int32Array {
    return new Int32Array(this.memory.buffer, this.take(i32Bytes(n)), n)
  }

  /**
   * x copied in compact form. Its columns are pixels (below 784) and its values float32 pixels
   * (see Csr), so both convert exactly; checking 9 million entries would take longer than the
   * copy (tens of milliseconds per trainer).
   */
  compact(x: Csr): CompactCsr {
    const nnz = x.ptr[x.rows]
    const ptr = this.i32(x.rows + 1)
    ptr.set(x.ptr.subarray(0, x.rows + 1))
    const col = new Uint16Array(this.memory.buffer, this.take(u16Bytes(nnz)), nnz)
    col.set(x.col.subarray(0, nnz))
    const val = new Float32Array(this.memory.buffer, this.take(i32Bytes(nnz)), nnz)
    val.set(x.val.subarray(0, nnz))
    return { rows: x.rows, ptr, col, val }
  }

  /**
   * Room for a sparse matrix of up to `rows` rows and `nnz` entries (ptr has a spare slot for
   * transpose). The kernels want its ptr to start at 0.
   */
  sparse(rows: number, nnz: number): Csr {
    return { rows, ptr: this.i32(rows + 2), col: this.i32(nnz), val: this.f64(nnz) }
  }

  /** The byte offset of a view, which must be this workspace's. */
  private at(view: Float64Array | Float32Array | Int32Array | Uint16Array): number {
    if (view.buffer !== this.memory.buffer) throw new Error('workspace: an array from elsewhere was passed to a kernel')
    return view.byteOffset
  }

  /** out (x.rows x N, row-major) = x · M, for M with N columns in panels. */
  sparseTimes(x: Csr, M: Float64Array, N: number, out: Float64Array): void {
    this.k.sparseTimes(this.at(x.ptr), this.at(x.col), this.at(x.val), x.rows, this.at(M), M.length / N, N, this.at(out), 0, 0)
  }

  /**
   * W -= lr * (x · M), for M and W with N columns in panels: the update that sparseTimes into a
   * gradient and then descend would make, without writing the gradient out.
   */
  sparseTimesDescend(x: Csr, M: Float64Array, N: number, W: Float64Array, lr: number): void {
    if (W.length !== x.rows * N) throw new Error(`workspace: W holds ${W.length} values, not ${x.rows} x ${N}`)
    this.k.sparseTimes(this.at(x.ptr), this.at(x.col), this.at(x.val), x.rows, this.at(M), M.length / N, N, this.at(W), 1, lr)
  }

  /** P = A (N columns, row-major) in panels. */
  toPanels(A: Float64Array, N: number, P: Float64Array): void {
    this.k.panels(this.at(A), A.length / N, N, this.at(P), 0)
  }

  /** A = P (N columns in panels) in rows. */
  fromPanels(P: Float64Array, N: number, A: Float64Array): void {
    this.k.panels(this.at(A), A.length / N, N, this.at(P), 1)
  }

  /** out (rows x N) = A (rows x K) · M (K x N), dense; K at most the reserved maxK. */
  denseTimes(A: Float64Array, rows: number, K: number, M: Float64Array, N: number, out: Float64Array): void {
    if (K > this.maxK) throw new Error(`workspace: dense product over ${K} terms, ${this.maxK} reserved`)
    this.k.denseTimes(this.at(A), rows, K, this.at(this.iota), this.at(M), N, this.at(out))
  }

  /** into = the rows index[0..count) of x (into has room for them). */
  gather(x: CompactCsr, index: Int32Array, count: number, into: Csr): void {
    this.k.gather(this.at(x.ptr), this.at(x.col), this.at(x.val), this.at(index), count, this.at(into.ptr), this.at(into.col), this.at(into.val))
    into.rows = count
  }

  /** t = the transpose of x, which has `cols` columns (t.ptr needs cols+2 slots). */
  transpose(x: Csr, cols: number, t: Csr): void {
    this.k.transpose(this.at(x.ptr), this.at(x.col), this.at(x.val), x.rows, cols, this.at(t.ptr), this.at(t.col), this.at(t.val))
    t.rows = cols
  }

  /** out (cols x rows) = the transpose of dense A (rows x cols). */
  transposeDense(A: Float64Array, rows: number, cols: number, out: Float64Array): void {
    this.k.transposeDense(this.at(A), rows, cols, this.at(out))
  }

  /** Adds the row vector b (K) to every row of A (rows x K). */
  addRow(A: Float64Array, b: Float64Array, rows: number): void {
    this.k.addRow(this.at(A), this.at(b), rows, b.length)
  }

  /** out (K) = the sum of the rows of A (rows x K), in row order. */
  columnSums(A: Float64Array, rows: number, out: Float64Array): void {
    this.k.columnSums(this.at(A), rows, out.length, this.at(out))
  }

  /** Z = sigmoid(A) elementwise, over A's length. */
  sigmoid(A: Float64Array, Z: Float64Array): void {
    this.k.sigmoid(this.at(A), this.at(Z), A.length)
  }

  /** dA = dZ * Z * (1 - Z) elementwise: back through the sigmoid. */
  sigmoidBackward(dZ: Float64Array, Z: Float64Array, dA: Float64Array): void {
    this.k.sigmoidBackward(this.at(dZ), this.at(Z), dZ.length, this.at(dA))
  }

  /** w -= lr * dw. */
  descend(w: Float64Array, dw: Float64Array, lr: number): void {
    this.k.descend(this.at(w), this.at(dw), w.length, lr)
  }
}
