// What lesson 4.3's curve view draws: f sampled around x, and a line over the same xs.
import type { Line } from '../../../../engine'

/** n+1 points from x - half to x + half; a value f cannot give is NaN (a gap in the curve). */
export function sampleAround(f: (x: number) => number, x: number, half: number, n = 200): { xs: number[]; ys: number[] } {
  const xs = Array.from({ length: n + 1 }, (_, i) => x - half + (2 * half * i) / n)
  return { xs, ys: xs.map((v) => f(v)) }
}

export const lineAt = (line: Line, xs: number[]): number[] => xs.map((v) => line.slope * v + line.intercept)
