// How the numerical gradient's error depends on h, for SimpleNet's current weights. The central
// difference (L(w+h) − L(w−h)) / 2h is off by about c·h² (truncation: the curve is not a straight
// line over 2h), and by about ε·L/h from rounding (ε ≈ 1e-16: L(w±h) carry ~16 significant digits,
// and for a tiny h their difference is mostly the digits that were rounded). The error is smallest
// in between, which is why the book takes h ≈ 1e-4 rather than 1e-50.
import { simpleNet } from '../../../../engine'
import type { SimpleNetConfig } from '../../../../shared/config'

/** The h values of the error plot: 1e-1 down to 1e-12. */
const H_SWEEP = Array.from({ length: 12 }, (_, k) => Number(`1e-${k + 1}`))

/** Largest |numerical − backprop| over the six entries of dW, for each h of the sweep. */
export function errorByH(config: SimpleNetConfig, W: number[]): { h: number; error: number }[] {
  return H_SWEEP.map((h) => ({ h, error: simpleNet({ ...config, W, h, steps: 0 }).maxDiff }))
}

/** Truncation error per h² (c above), measured at h = 1e-2, where rounding is negligible. */
export function truncationPerH2(config: SimpleNetConfig, W: number[]): number {
  const h = 1e-2
  return simpleNet({ ...config, W, h, steps: 0 }).maxDiff / (h * h)
}

export type Rounding =
  | { kind: 'fine' }
  /** w ± h rounds back to w: every numerical entry is exactly 0 while backprop's are not. */
  | { kind: 'collapsed' }
  /** The two gradients disagree far beyond what the h² truncation error explains. */
  | { kind: 'dominates'; error: number; expected: number }

/** Whether rounding, not truncation, sets the numerical gradient's error at this h. */
export function roundingAt(h: number, dW: number[][], dWBackprop: number[][], maxDiff: number, c: number): Rounding {
  if (dW.flat().every((v) => v === 0) && dWBackprop.flat().some((v) => v !== 0)) return { kind: 'collapsed' }
  const expected = c * h * h
  // ten times the truncation estimate: below that, the difference is what h² predicts
  return maxDiff > 10 * expected ? { kind: 'dominates', error: maxDiff, expected } : { kind: 'fine' }
}
