// How far the numerical derivative is from the exact one as h shrinks from 1 to 1e-16 (4.3.1):
// the truncation error falls with h (as h for forward, h² for central) until rounding, about
// ε·|f|/h, takes over. Plotted on log-log axes by lesson 4.3.
import { numericalDiff, type DiffMethod, type Precision } from './diff'

/** 1, 1e-1, ..., 1e-16, each parsed from its decimal form so it is the nearest double. */
export const ERROR_HS: number[] = Array.from({ length: 17 }, (_, k) => Number(`1e-${k}`))

export interface ErrorPoint {
  h: number
  /** |numerical - exact|, or null where the difference is undefined (h rounded to 0). */
  error: number | null
}

export function errorVsH(f: (x: number) => number, exact: number, x: number, method: DiffMethod, precision: Precision = 'float64', hs = ERROR_HS): ErrorPoint[] {
  return hs.map((h) => {
    const d = numericalDiff(f, x, h, method, precision)
    return { h, error: Number.isFinite(d) ? Math.abs(d - exact) : null }
  })
}
