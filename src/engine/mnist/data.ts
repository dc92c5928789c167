// The MNIST data set as the engine sees it, and its sparse (CSR) form.

/** One split of MNIST: `count` images of 28x28 = 784 pixels. */
export interface MnistSplit {
  count: number
  /** count*784 values, float32(pixel/255), exactly as load_mnist(normalize=True) gives them. */
  images: Float32Array
  labels: Uint8Array
}

export interface MnistData {
  train: MnistSplit
  test: MnistSplit
}

export const PIXELS = 784
export const CLASSES = 10

/**
 * Compressed sparse rows: about 80% of MNIST pixels are zero, so every product with x
 * (forward x·W1, backward x^T·dA1) walks only the non-zero pixels of each image.
 */
export interface Csr {
  rows: number
  /** Row n's entries are ptr[n] .. ptr[n+1]-1. */
  ptr: Int32Array
  col: Int32Array
  /** float32 pixel upcast to float64, as numpy's float32 · float64 product does. */
  val: Float64Array
}

const cache = new WeakMap<MnistSplit, Csr>()

/** Memory for a typed array of `bytes` bytes: an ArrayBuffer, or a SharedArrayBuffer that threads share. */
export type Allocate = (bytes: number) => ArrayBufferLike

const ownMemory: Allocate = (bytes) => new ArrayBuffer(bytes)

/**
 * The split in CSR form, built once per split object, in memory from `allocate` (the first
 * call's: threads that share the data set build it first, in shared memory).
 */
export function csrOf(split: MnistSplit, allocate = ownMemory): Csr {
  let csr = cache.get(split)
  if (!csr) {
    csr = denseToCsr(split.images, split.count, allocate)
    cache.set(split, csr)
  }
  return csr
}

export function denseToCsr(images: ArrayLike<number>, rows: number, allocate = ownMemory): Csr {
  let nnz = 0
  for (let p = 0; p < rows * PIXELS; p++) if (images[p] !== 0) nnz++
  const ptr = new Int32Array(allocate(4 * (rows + 1)))
  const col = new Int32Array(allocate(4 * nnz))
  const val = new Float64Array(allocate(8 * nnz))
  let k = 0
  for (let n = 0; n < rows; n++) {
    const base = n * PIXELS
    for (let i = 0; i < PIXELS; i++) {
      const v = images[base + i]
      if (v !== 0) {
        col[k] = i
        val[k++] = v
      }
    }
    ptr[n + 1] = k
  }
  return { rows, ptr, col, val }
}

/** The most non-zero entries in any one row. */
export function maxRowNonZeros(x: Csr): number {
  let max = 0
  for (let n = 0; n < x.rows; n++) max = Math.max(max, x.ptr[n + 1] - x.ptr[n])
  return max
}

/** How many entries the rows `index` of a CSR matrix hold together. */
export function nonZerosOf(src: Pick<Csr, 'ptr'>, index: ArrayLike<number>): number {
  let nnz = 0
  for (let r = 0; r < index.length; r++) nnz += src.ptr[index[r] + 1] - src.ptr[index[r]]
  return nnz
}

/** The rows `index` of a CSR matrix (repeats allowed), as x_train[batch_idx] does. */
export function gatherRows(src: Csr, index: ArrayLike<number>): Csr {
  const rows = index.length
  const nnz = nonZerosOf(src, index)
  const out = { rows, ptr: new Int32Array(rows + 1), col: new Int32Array(nnz), val: new Float64Array(nnz) }
  let at = 0
  for (let r = 0; r < rows; r++) {
    const from = src.ptr[index[r]]
    const to = src.ptr[index[r] + 1]
    out.ptr[r] = at
    out.col.set(src.col.subarray(from, to), at)
    out.val.set(src.val.subarray(from, to), at)
    at += to - from
  }
  out.ptr[rows] = at
  return out
}

/** Compressed sparse columns: pixel i's entries are ptr[i] .. ptr[i+1]-1, in row order. */
export interface Csc {
  ptr: Int32Array
  row: Int32Array
  val: Float64Array
}

/** Pixels as columns: for each pixel, the batch rows where it is non-zero and its values. */
export function columns(x: Csr): Csc {
  const ptr = new Int32Array(PIXELS + 1)
  for (let q = 0; q < x.col.length; q++) ptr[x.col[q] + 1]++
  for (let i = 0; i < PIXELS; i++) ptr[i + 1] += ptr[i]
  const fill = ptr.slice(0, PIXELS)
  const row = new Int32Array(x.col.length)
  const val = new Float64Array(x.col.length)
  for (let n = 0; n < x.rows; n++) {
    for (let q = x.ptr[n]; q < x.ptr[n + 1]; q++) {
      const at = fill[x.col[q]]++
      row[at] = n
      val[at] = x.val[q]
    }
  }
  return { ptr, row, val }
}
