// x·W in plain JavaScript, summed in the kernels' order (so bit-identical to them), for where
// WebAssembly cannot be compiled: predict() runs in the renderer, whose CSP forbids it.
import type { Csr } from '../data'

/** out[(n-from)*H + j] = Σ_i x[n][i]·W[i*H + j] for the rows n = from..to-1 of x. */
export function scalarTimesW(x: Csr, from: number, to: number, W: Float64Array, H: number, out: Float64Array): void {
  const { ptr, col, val } = x
  for (let n = from; n < to; n++) {
    for (let j = 0; j < H; j++) {
      let s = 0
      for (let q = ptr[n]; q < ptr[n + 1]; q++) s += val[q] * W[col[q] * H + j]
      out[(n - from) * H + j] = s
    }
  }
}
