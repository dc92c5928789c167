// Short power series, exact to double precision for the tiny arguments the numerical gradient
// produces, and much cheaper than the library calls.

/** expm1(x); first omitted term x^5/120 (relative x^4/120 < 1e-16 below 3e-4). */
export function expm1s(x: number): number {
  return x < 3e-4 && x > -3e-4 ? x * (1 + x * (0.5 + x * (1 / 6 + x / 24))) : Math.expm1(x)
}

/** log1p(x); first omitted term x^5/5 (relative x^4/5 < 1e-16 below 1e-4). */
export function log1ps(x: number): number {
  return x < 1e-4 && x > -1e-4 ? x * (1 - x * (0.5 - x * (1 / 3 - x / 4))) : Math.log1p(x)
}

/** Largest |d| for which sigmoid(a+d) - sigmoid(a) is taken from its Taylor series (d^4/120 < 1e-16). */
export const SIGMOID_SERIES_MAX = 2e-4

/**
 * Taylor coefficients of sigmoid(a+d) - sigmoid(a) in d, from z = sigmoid(a) and E = exp(-a)
 * (1 - z = E*z keeps its precision when z is near 1): s1 = z(1-z), s2 = s1(1-2z)/2,
 * s3 = s1(1-6 s1)/6, s4 = s1(1-2z)(1-12 s1)/24.
 */
export function sigmoidSeries(z: number, E: number, out: Float64Array, at: number): void {
  // when exp(-a) overflows, sigmoid is 0 on both sides, as numpy computes it
  const s1 = E === Infinity ? 0 : z * (E * z)
  const c = 1 - 2 * z
  out[at] = s1
  out[at + 1] = (s1 * c) / 2
  out[at + 2] = (s1 * (1 - 6 * s1)) / 6
  out[at + 3] = (s1 * c * (1 - 12 * s1)) / 24
}
