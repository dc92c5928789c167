// 4.3.3-4.4 for f(x0, x1): a partial derivative with the other variable held (the book's
// function_tmp1 / function_tmp2), the gradient by the book's numerical_gradient (common/gradient.py:
// each coordinate moved in place to x+h, then x-h, then restored), and the field of gradients on
// a grid, as ch04/gradient_2d.py draws -∇f with quiver.
import { numericalGradient } from '../gradient'
import { numericalDiff } from './diff'

type F2 = (x: ArrayLike<number>) => number

/** ∂f/∂x_i at `point` by the book's central difference, the other coordinate held at its value. */
export function partialDiff(f: F2, point: readonly [number, number], i: 0 | 1, h: number): number {
  const held = (v: number): number => f(i === 0 ? [v, point[1]] : [point[0], v])
  return numericalDiff(held, point[i], h, 'central')
}

export function gradientAt(f: F2, point: readonly [number, number], h: number): [number, number] {
  const x = Float64Array.from(point)
  const g = numericalGradient(() => f(x), x, h)
  return [g[0], g[1]]
}

/** Grid values start, start+step, ... below stop, as np.arange(start, stop, step). */
export interface Grid {
  start: number
  stop: number
  step: number
}

/** The book's grid: np.arange(-2, 2.5, 0.25) on both axes, 18 values from -2 to 2.25. */
export const BOOK_GRID: Grid = { start: -2, stop: 2.5, step: 0.25 }

/** np.arange's values: start + i·step for i < ceil((stop - start) / step). */
export function gridValues(g: Grid): number[] {
  const n = Math.ceil((g.stop - g.start) / g.step)
  return Array.from({ length: n }, (_, i) => g.start + i * g.step)
}

export interface FieldArrow {
  x: [number, number]
  grad: [number, number]
}

/** ∇f at every grid point, x0 varying fastest (np.meshgrid then flatten, as the book). */
export function gradientField(f: F2, grid: Grid, h: number): FieldArrow[] {
  const values = gridValues(grid)
  return values.flatMap((x1) => values.map((x0) => ({ x: [x0, x1] as [number, number], grad: gradientAt(f, [x0, x1], h) })))
}
