// The WebAssembly kernels against a hand-computed product and against plain dense loops that sum
// in the same order (so equality is exact), over hidden sizes that exercise every lane path.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { denseToCsr, type Csr } from '../../src/engine/mnist/data'
import { compactBytes, copyRows, f64Bytes, i32Bytes, scalarTimesW, sparseBytes, timesW, Workspace } from '../../src/engine/mnist/kernels'
import { RandomState } from '../../src/engine/random'
import { kernelsModule, modulePath } from '../../scripts/kernels.mjs'

const PIXELS = 784

/** `rows` images with about a fifth of the pixels non-zero, as in MNIST. */
function sparseImages(rng: RandomState, rows: number): Float64Array {
  const mask = rng.rand(rows * PIXELS)
  const value = rng.rand(rows * PIXELS)
  return mask.map((m, q) => (m < 0.2 ? value[q] : 0))
}

/** A (m x k) · B (k x n), summing over the non-zero entries of A in order, as the kernels promise. */
function dense(A: Float64Array, m: number, k: number, B: Float64Array, n: number): Float64Array {
  const out = new Float64Array(m * n)
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < n; j++) {
      let s = 0
      for (let i = 0; i < k; i++) if (A[r * k + i] !== 0) s += A[r * k + i] * B[i * n + j]
      out[r * n + j] = s
    }
  }
  return out
}

const denseTimes = (x: Float64Array, rows: number, W: Float64Array, H: number): Float64Array => dense(x, rows, PIXELS, W, H)

function denseTransposeTimes(x: Float64Array, rows: number, D: Float64Array, H: number): Float64Array {
  const xt = new Float64Array(PIXELS * rows)
  for (let n = 0; n < rows; n++) for (let i = 0; i < PIXELS; i++) xt[i * rows + n] = x[n * PIXELS + i]
  return dense(xt, PIXELS, rows, D, H)
}

/**
 * xᵀ·D as backprop takes it: the transpose kernel, D in panels, then the sparse product; or,
 * given W, W - lr·xᵀ·D as a training step makes it, with W in panels.
 */
function transposeTimes(x: Csr, D: Float64Array, H: number, descend?: { W: Float64Array; lr: number }): Float64Array {
  const nnz = x.ptr[x.rows]
  const ws = new Workspace(sparseBytes(x.rows, nnz) + sparseBytes(PIXELS, nnz) + 2 * f64Bytes(D.length) + 3 * f64Bytes(PIXELS * H))
  const xs = ws.sparse(x.rows, nnz)
  copyRows(x, 0, x.rows, xs)
  const xt = ws.sparse(PIXELS, nnz)
  ws.transpose(xs, PIXELS, xt)
  const d = ws.f64(D.length)
  d.set(D)
  const panels = ws.f64(D.length).fill(NaN)
  ws.toPanels(d, H, panels)
  const out = ws.f64(PIXELS * H).fill(NaN)
  if (!descend) {
    ws.sparseTimes(xt, panels, H, out)
    return out.slice()
  }
  const w = ws.f64(PIXELS * H)
  w.set(descend.W)
  const Wp = ws.f64(PIXELS * H)
  ws.toPanels(w, H, Wp)
  ws.sparseTimesDescend(xt, panels, H, Wp, descend.lr)
  ws.fromPanels(Wp, H, out)
  return out.slice()
}

/** Elements that differ (+0 and -0 count as equal, NaN as different). */
function differences(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length)
  let count = 0
  for (let q = 0; q < a.length; q++) if (!(a[q] === b[q])) count++
  return count
}

it('the committed wasm.ts is kernels.wat compiled (run node scripts/kernels.mjs after editing it)', async () => {
  expect(readFileSync(modulePath, 'utf8')).toBe(await kernelsModule())
})

it('x·W and xᵀ·D on a hand-computed example', () => {
  // x row 0 = 2 at pixel 0 and 3 at pixel 2; row 1 = 1 at pixel 1; W rows 0..2 = [1 2], [3 4], [5 6]
  const images = new Float64Array(2 * PIXELS)
  images[0] = 2
  images[2] = 3
  images[PIXELS + 1] = 1
  const x = denseToCsr(images, 2)
  const W = new Float64Array(PIXELS * 2)
  W.set([1, 2, 3, 4, 5, 6])
  const out = new Float64Array(4)
  timesW(x, 0, 2, W, 2, out)
  expect([...out]).toEqual([2 + 15, 4 + 18, 3, 4])
  // D rows = [1 10], [100 1000]: xᵀ·D rows 0..2 = [2 20], [100 1000], [3 30], the rest 0
  const dW = transposeTimes(x, new Float64Array([1, 10, 100, 1000]), 2)
  expect([...dW.subarray(0, 6)]).toEqual([2, 20, 100, 1000, 3, 30])
  expect(dW.subarray(6).every((v) => v === 0)).toBe(true)
})

describe.each([1, 2, 3, 10, 16, 17, 24, 33, 64])('hidden size %i', (H) => {
  const rng = new RandomState(H)
  const rows = 37
  const images = sparseImages(rng, rows)
  const x = denseToCsr(images, rows)

  it.each([
    ['WebAssembly', timesW],
    ['JavaScript', scalarTimesW]
  ])('x·W (%s) over a range of rows equals the dense loop exactly', (_, product) => {
    const W = rng.randn(PIXELS * H)
    const out = new Float64Array((rows - 5) * H).fill(NaN)
    product(x, 5, rows, W, H, out)
    const want = denseTimes(images, rows, W, H).subarray(5 * H)
    expect(differences(out, want)).toBe(0)
  })

  it('xᵀ·D equals the dense loop exactly, zero for pixels empty in every row', () => {
    const D = rng.randn(rows * H)
    expect(differences(transposeTimes(x, D, H), denseTransposeTimes(images, rows, D, H))).toBe(0)
  })

  it('W - lr·xᵀ·D, descended in panels, equals w - lr*dw of the dense loop exactly', () => {
    const D = rng.randn(rows * H)
    const W = rng.randn(PIXELS * H)
    const dW = denseTransposeTimes(images, rows, D, H)
    expect(differences(transposeTimes(x, D, H, { W, lr: 0.1 }), W.map((w, q) => w - 0.1 * dW[q]))).toBe(0)
  })
})

it.each([
  [27, [14, 10, 2, 1]],
  [23, [14, 8, 1]]
])('lays a 2 x %i matrix out in panels of %j columns and back', (N, widths) => {
  const rows = 2
  const ws = new Workspace(3 * f64Bytes(rows * N))
  const A = ws.f64(rows * N)
  A.forEach((_, q) => (A[q] = 100 * Math.floor(q / N) + (q % N)))
  const P = ws.f64(rows * N)
  ws.toPanels(A, N, P)
  // each panel whole, row 0's columns then row 1's: A[r][c] = 100r + c
  const want: number[] = []
  let from = 0
  for (const w of widths) {
    for (let r = 0; r < rows; r++) for (let c = from; c < from + w; c++) want.push(100 * r + c)
    from += w
  }
  expect([...P]).toEqual(want)
  const back = ws.f64(rows * N).fill(NaN)
  ws.fromPanels(P, N, back)
  expect([...back]).toEqual([...A])
})

it('gathers rows, repeats included, out of a compact copy exactly as the images hold them', () => {
  const rng = new RandomState(5)
  // float32 pixels, as every MNIST matrix holds them
  const images = Float32Array.from(sparseImages(rng, 6))
  const x = denseToCsr(images, 6)
  const nnz = x.ptr[6]
  const index = [4, 0, 4, 5]
  const ws = new Workspace(compactBytes(6, nnz) + i32Bytes(4) + sparseBytes(4, nnz * 2))
  const data = ws.compact(x)
  const at = ws.i32(4)
  at.set(index)
  const batch = ws.sparse(4, nnz * 2)
  ws.gather(data, at, 4, batch)
  expect(batch.rows).toBe(4)
  const dense = new Float64Array(4 * PIXELS)
  for (let r = 0; r < 4; r++) {
    for (let q = batch.ptr[r]; q < batch.ptr[r + 1]; q++) dense[r * PIXELS + batch.col[q]] = batch.val[q]
  }
  const want = Float64Array.from(index.flatMap((n) => Array.from(images.subarray(n * PIXELS, (n + 1) * PIXELS))))
  expect(differences(dense, want)).toBe(0)
  expect(batch.ptr[4]).toBe(want.filter((v) => v !== 0).length)
})

it('takes a larger workspace for a large product after a small one, and the small one still works', () => {
  const rng = new RandomState(3)
  const H = 512
  const small = sparseImages(rng, 2)
  const large = sparseImages(rng, 400)
  const W = rng.randn(PIXELS * H)
  const out = new Float64Array(400 * H)
  timesW(denseToCsr(small, 2), 0, 2, W, H, out)
  expect(differences(out.subarray(0, 2 * H), denseTimes(small, 2, W, H))).toBe(0)
  timesW(denseToCsr(large, 400), 0, 400, W, H, out)
  expect(differences(out, denseTimes(large, 400, W, H))).toBe(0)
  timesW(denseToCsr(small, 2), 0, 2, W, H, out)
  expect(differences(out.subarray(0, 2 * H), denseTimes(small, 2, W, H))).toBe(0)
})

describe('dense and elementwise kernels equal plain loops exactly', () => {
  const rng = new RandomState(7)
  const ws = new Workspace(1 << 20, 100)
  const filled = (n: number, values = rng.randn(n)): Float64Array => {
    const a = ws.f64(n)
    a.set(values)
    return a
  }

  it.each([
    [64, 10],
    [10, 64],
    [100, 10],
    [3, 17]
  ])('A (5 x %i) · M (%i columns)', (K, N) => {
    const A = filled(5 * K)
    const M = filled(K * N)
    const out = filled(5 * N, new Float64Array(5 * N).fill(NaN))
    ws.denseTimes(A, 5, K, M, N, out)
    expect(differences(out, dense(A, 5, K, M, N))).toBe(0)
  })

  it('transposes, adds a row vector, sums columns', () => {
    const A = filled(6 * 5)
    const At = filled(5 * 6)
    ws.transposeDense(A, 6, 5, At)
    expect([...At]).toEqual(Array.from({ length: 30 }, (_, q) => A[(q % 6) * 5 + Math.floor(q / 6)]))
    const b = filled(5)
    const plus = A.map((v, q) => v + b[q % 5])
    ws.addRow(A, b, 6)
    expect(differences(A, plus)).toBe(0)
    const sums = filled(5, new Float64Array(5).fill(NaN))
    ws.columnSums(A, 6, sums)
    const want = new Float64Array(5)
    for (let r = 0; r < 6; r++) for (let k = 0; k < 5; k++) want[k] += A[r * 5 + k]
    expect(differences(sums, want)).toBe(0)
  })

  it('sigmoid and its backward step, with exp overflowing to 0 and 1', () => {
    const A = filled(7, new Float64Array([0, 1, -1, 30, -30, 800, -800]))
    const Z = filled(7)
    ws.sigmoid(A, Z)
    expect(differences(Z, A.map((a) => 1 / (1 + Math.exp(-a))))).toBe(0)
    expect([Z[0], Z[5], Z[6]]).toEqual([0.5, 1, 0])
    const dZ = filled(7)
    const dA = filled(7)
    ws.sigmoidBackward(dZ, Z, dA)
    expect(differences(dA, dZ.map((d, q) => d * Z[q] * (1 - Z[q])))).toBe(0)
  })

  it("sigmoid's exp is Math.exp to the bit, at the edges of each of its cases and at random", () => {
    // 1 (exp(-1)), |x| around 2^-28 and 0.5*ln2 and 1.5*ln2, the two-lane path's bound 700,
    // overflow (709.78) and underflow (-745.13) thresholds, infinities, NaN, signed zeros
    const edges = [1, -1, 2 ** -28, 2 ** -28 * (1 - 2 ** -53), 0.34657359027997264, 0.3465735902799726,
      0.34657359027997264 * (1 + 2 ** -40), 0.3465735902, 1.0397207708399179, 1.03972077, 700, 699.9999999, 708.4,
      709.782712893384, 709.79, 745.13321910194, 745.14, Infinity, NaN, 0, -0, 1e-300]
    const values = [...edges, ...edges.map((v) => -v)]
    const u = rng.rand(8000)
    for (let q = 0; q < 4000; q++) values.push((u[2 * q] - 0.5) * 2 ** (q % 12), (u[2 * q + 1] - 0.5) * 1500)
    const A = filled(values.length, new Float64Array(values))
    const Z = filled(values.length)
    ws.sigmoid(A, Z)
    const want = A.map((a) => 1 / (1 + Math.exp(-a)))
    for (let q = 0; q < A.length; q++) if (!Object.is(Z[q], want[q])) expect([A[q], Z[q]]).toEqual([A[q], want[q]])
  })

  it('descends an odd-length array', () => {
    const w = filled(5)
    const dw = filled(5)
    const want = w.map((v, q) => v - 0.1 * dw[q])
    ws.descend(w, dw, 0.1)
    expect(differences(w, want)).toBe(0)
  })

  it('refuses an array from outside the workspace, and more than was reserved', () => {
    expect(() => ws.descend(new Float64Array(2), new Float64Array(2), 0.1)).toThrow(/from elsewhere/)
    expect(() => ws.f64(1 << 20)).toThrow(/bytes needed/)
    expect(() => ws.denseTimes(ws.f64(101), 1, 101, ws.f64(101), 1, ws.f64(1))).toThrow(/101 terms, 100 reserved/)
  })
})
