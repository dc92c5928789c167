// The loss of a model as a function of two of its parameters, the others held where they are: the
// weight-space view's map, its −η∇ arrow and the path a run took, projected on the two.
import { numericalGradient } from '../gradient'
import type { Params } from '../types'

/** One scalar parameter: element `index` of the matrix `name` (row-major). */
export interface Coordinate {
  name: string
  index: number
}

/** A model's loss for the given parameters (which it reads, never keeps). */
export type ParamsLoss = (params: Params) => number

export interface Interval {
  lo: number
  hi: number
}

/** Every scalar of `params`, matrix by matrix in the order of `names`. */
export function coordinates(params: Params, names: readonly string[]): Coordinate[] {
  return names.flatMap((name) => Array.from(params[name]?.data ?? [], (_, index) => ({ name, index })))
}

const clone = (p: Params): Params =>
  Object.fromEntries(Object.entries(p).map(([k, m]) => [k, { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) }]))

export const valueOf = (p: Params, c: Coordinate): number => p[c.name].data[c.index]

/**
 * The loss over an n×n grid of (a, b) values, every other parameter as in `params`: row 0 at
 * b = y.lo, column 0 at a = x.lo, row-major. A loss that is not finite is stored as NaN.
 */
export function lossSlice(loss: ParamsLoss, params: Params, a: Coordinate, b: Coordinate, x: Interval, y: Interval, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a slice needs an integer size of at least 2, got ${n}`)
  const p = clone(params)
  const A = p[a.name].data
  const B = p[b.name].data
  const out = new Float64Array(n * n)
  for (let r = 0; r < n; r++) {
    B[b.index] = y.lo + ((y.hi - y.lo) * r) / (n - 1)
    for (let c = 0; c < n; c++) {
      A[a.index] = x.lo + ((x.hi - x.lo) * c) / (n - 1)
      const v = loss(p)
      out[r * n + c] = Number.isFinite(v) ? v : NaN
    }
  }
  return out
}

/** ∂loss/∂a and ∂loss/∂b at `params` by central differences (h 1e-5: a picture, not a gradient check). */
export function sliceGradient(loss: ParamsLoss, params: Params, a: Coordinate, b: Coordinate, h = 1e-5): [number, number] {
  const p = clone(params)
  const x = Float64Array.from([valueOf(p, a), valueOf(p, b)])
  const g = numericalGradient(
    () => {
      p[a.name].data[a.index] = x[0]
      p[b.name].data[b.index] = x[1]
      return loss(p)
    },
    x,
    h
  )
  return [g[0], g[1]]
}
