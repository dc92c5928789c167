// The book's numerical_diff (ch04/gradient_1d.py), central (f(x+h) - f(x-h)) / 2h, and the
// forward difference (f(x+h) - f(x)) / h it improves on (4.3.1). In float32 every value is rounded
// as numpy's float32 scalars are: h = 1e-50 itself becomes 0 and the quotient 0/0 is undefined.
export type DiffMethod = 'central' | 'forward'
export type Precision = 'float64' | 'float32'

/** The book's h: 1e-4, small enough and far from float64's rounding (4.3.1). */
export const H_DEFAULT = 1e-4

/** f'(x) by differences; `f` computes in the given precision (Expr.f or Expr.f32). NaN when h rounds to 0. */
export function numericalDiff(f: (x: number) => number, x: number, h: number, method: DiffMethod, precision: Precision = 'float64'): number {
  const r = precision === 'float32' ? Math.fround : (v: number) => v
  const [xr, hr] = [r(x), r(h)]
  if (method === 'central') return r(r(f(r(xr + hr)) - f(r(xr - hr))) / r(2 * hr))
  return r(r(f(r(xr + hr)) - f(xr)) / hr)
}
