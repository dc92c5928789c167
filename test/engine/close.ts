// Element-wise closeness with a tolerance that says what it means: relative, absolute, or either.
import { expect } from 'vitest'

export interface Tolerance {
  /** |a - e| <= rel * |e| passes */
  rel?: number
  /** |a - e| <= abs passes */
  abs?: number
}

export function expectClose(actual: ArrayLike<number> | number, expected: ArrayLike<number> | number, tol: Tolerance, what = ''): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual)
  const e = typeof expected === 'number' ? [expected] : Array.from(expected)
  expect(a.length, `${what} length`).toBe(e.length)
  for (let i = 0; i < e.length; i++) {
    const d = Math.abs(a[i] - e[i])
    const ok = d <= (tol.abs ?? 0) || d <= (tol.rel ?? 0) * Math.abs(e[i])
    if (!ok) expect.fail(`${what}[${i}]: got ${a[i]}, expected ${e[i]} (diff ${d.toExponential(2)}, tolerance ${JSON.stringify(tol)})`)
  }
}
