// Mean squared error and cross-entropy of one output y against a one-hot t, term by term so the
// lesson can show each k's share. The totals are the book's (4.2.1, 4.2.2): E = 1/2 Σ (y_k - t_k)²
// and E = -Σ t_k log(y_k + δ) with δ = 1e-7, summed by the same functions the trainers use.
import { crossEntropyError, sumSquaredError } from '../functions'

export const CEE_DELTA = 1e-7

export interface LossTerms {
  /** 1/2 (y_k - t_k)² for each k. */
  mse: number[]
  /** -t_k log(y_k + δ) for each k (0 where t_k is 0). */
  cee: number[]
  mseTotal: number
  ceeTotal: number
}

export function lossTerms(y: readonly number[], t: readonly number[]): LossTerms {
  return {
    mse: y.map((v, k) => 0.5 * (v - t[k]) ** 2),
    cee: y.map((v, k) => (t[k] === 0 ? 0 : -t[k] * Math.log(v + CEE_DELTA))),
    mseTotal: sumSquaredError(y, t),
    ceeTotal: crossEntropyError(y, t, CEE_DELTA)
  }
}

/** The one-hot vector of `label` among `n` classes. */
export const oneHot = (label: number, n: number): number[] => Array.from({ length: n }, (_, k) => (k === label ? 1 : 0))
