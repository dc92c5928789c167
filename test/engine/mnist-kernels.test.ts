// The WebAssembly kernels against a hand-computed product and against plain dense loops that sum
// in the same order (so equality is exact), over hidden sizes that exercise every lane path.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { denseToCsr } from '../../src/engine/mnist/data'
import { timesW, transposeTimes } from '../../src/engine/mnist/kernels'
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
  const dW = new Float64Array(PIXELS * 2).fill(NaN)
  transposeTimes(x, PIXELS, new Float64Array([1, 10, 100, 1000]), 2, dW)
  expect([...dW.subarray(0, 6)]).toEqual([2, 20, 100, 1000, 3, 30])
  expect(dW.subarray(6).every((v) => v === 0)).toBe(true)
})

describe.each([1, 2, 3, 16, 17, 33, 64])('hidden size %i', (H) => {
  const rng = new RandomState(H)
  const rows = 37
  const images = sparseImages(rng, rows)
  const x = denseToCsr(images, rows)

  it('x·W over a range of rows equals the dense loop exactly', () => {
    const W = rng.randn(PIXELS * H)
    const out = new Float64Array((rows - 5) * H).fill(NaN)
    timesW(x, 5, rows, W, H, out)
    const want = denseTimes(images, rows, W, H).subarray(5 * H)
    expect(differences(out, want)).toBe(0)
  })

  it('xᵀ·D equals the dense loop exactly, zero for pixels empty in every row', () => {
    const D = rng.randn(rows * H)
    const out = new Float64Array(PIXELS * H).fill(NaN)
    transposeTimes(x, PIXELS, D, H, out)
    expect(differences(out, denseTransposeTimes(images, rows, D, H))).toBe(0)
  })
})

it('grows its memory for a large product after a small one, and the small one still works', () => {
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
