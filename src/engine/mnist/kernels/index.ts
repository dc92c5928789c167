// The net's two big products with the sparse images, x·W1 (forward) and xᵀ·dA1 (backward),
// run in WebAssembly SIMD (kernels.wat): scalar JavaScript spends about a nanosecond per
// multiply-add on them here, several times what the two-lane kernels take. The kernels sum in
// the scalar loop's order, so results are bit-identical to it.
import type { Csr } from '../data'
import { KERNELS_WASM } from './wasm'

// The few WebAssembly APIs used, typed here: the engine compiles without the DOM library.
interface Memory {
  readonly buffer: ArrayBuffer
  grow(pages: number): number
}

interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object) => { exports: unknown }
}

interface Kernels {
  memory: Memory
  sparseTimes(ptr: number, idx: number, val: number, rows: number, M: number, H: number, out: number): void
  transpose(ptr: number, idx: number, val: number, rows: number, cols: number, tptr: number, tidx: number, tval: number): void
}

let kernels: Kernels | undefined

/** Compiled on first use, synchronously: the module is about a kilobyte. */
function instance(): Kernels {
  const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly
  kernels ??= new Instance(new Module(Uint8Array.from(atob(KERNELS_WASM), (c) => c.charCodeAt(0)))).exports as Kernels
  return kernels
}

const PAGE = 65536

/** Places arrays one after another in the kernels' memory (16-byte aligned), growing it to fit. */
class Layout {
  private end = 0

  constructor(private readonly memory: Memory) {}

  take(bytes: number): number {
    const at = this.end
    this.end += Math.ceil(bytes / 16) * 16
    return at
  }

  /** The memory's buffer, large enough for everything taken (growing detaches older views). */
  buffer(): ArrayBuffer {
    const short = this.end - this.memory.buffer.byteLength
    if (short > 0) this.memory.grow(Math.ceil(short / PAGE))
    return this.memory.buffer
  }
}

/** Where the rows from..to-1 of a CSR matrix sit in the kernels' memory. */
interface Placed {
  ptr: number
  idx: number
  val: number
}

function takeRows(layout: Layout, x: Csr, from: number, to: number): Placed {
  const nnz = x.ptr[to] - x.ptr[from]
  return { val: layout.take(nnz * 8), ptr: layout.take((to - from + 1) * 4), idx: layout.take(nnz * 4) }
}

/** Copies the rows from..to-1 in, their row pointers rebased to start at 0. */
function copyRows(buffer: ArrayBuffer, at: Placed, x: Csr, from: number, to: number): void {
  const base = x.ptr[from]
  const nnz = x.ptr[to] - base
  const ptr = new Int32Array(buffer, at.ptr, to - from + 1)
  for (let r = 0; r <= to - from; r++) ptr[r] = x.ptr[from + r] - base
  new Int32Array(buffer, at.idx, nnz).set(x.col.subarray(base, base + nnz))
  new Float64Array(buffer, at.val, nnz).set(x.val.subarray(base, base + nnz))
}

/** out[(n-from)*H + j] = Σ_i x[n][i]·W[i*H + j] for the rows n = from..to-1 of x. */
export function timesW(x: Csr, from: number, to: number, W: Float64Array, H: number, out: Float64Array): void {
  const k = instance()
  const layout = new Layout(k.memory)
  const w = layout.take(W.byteLength)
  const o = layout.take((to - from) * H * 8)
  const rows = takeRows(layout, x, from, to)
  const buffer = layout.buffer()
  new Float64Array(buffer, w, W.length).set(W)
  copyRows(buffer, rows, x, from, to)
  k.sparseTimes(rows.ptr, rows.idx, rows.val, to - from, w, H, o)
  out.set(new Float64Array(buffer, o, (to - from) * H))
}

/** out[i*H + j] = Σ_n x[n][i]·D[n*H + j] over every row n of x, in row order (xᵀ·D). */
export function transposeTimes(x: Csr, cols: number, D: Float64Array, H: number, out: Float64Array): void {
  const k = instance()
  const layout = new Layout(k.memory)
  const d = layout.take(D.byteLength)
  const o = layout.take(cols * H * 8)
  const rows = takeRows(layout, x, 0, x.rows)
  const nnz = x.ptr[x.rows] - x.ptr[0]
  const t = { val: layout.take(nnz * 8), ptr: layout.take((cols + 2) * 4), idx: layout.take(nnz * 4) }
  const buffer = layout.buffer()
  new Float64Array(buffer, d, D.length).set(D)
  copyRows(buffer, rows, x, 0, x.rows)
  k.transpose(rows.ptr, rows.idx, rows.val, x.rows, cols, t.ptr, t.idx, t.val)
  k.sparseTimes(t.ptr, t.idx, t.val, cols, d, H, o)
  out.set(new Float64Array(buffer, o, cols * H))
}
