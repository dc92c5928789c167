// The lines lesson 4.3 draws through the curve at x: the book's tangent_line (slope d, through
// (x, f(x)): y = d·t + (f(x) - d·x)), and the secant the difference actually measures.
import type { DiffMethod } from './diff'

export interface Line {
  slope: number
  intercept: number
}

export const tangentLine = (f: (x: number) => number, x: number, d: number): Line => ({ slope: d, intercept: f(x) - d * x })

/** Through (x-h, f(x-h)) and (x+h, f(x+h)) for central; (x, f(x)) and (x+h, f(x+h)) for forward. */
export function secantLine(f: (x: number) => number, x: number, h: number, method: DiffMethod): Line {
  const a = method === 'central' ? x - h : x
  const b = x + h
  const slope = (f(b) - f(a)) / (b - a)
  return { slope, intercept: f(a) - slope * a }
}
