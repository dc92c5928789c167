// The notebook's numerical gradient (central difference, perturbing the parameters in place),
// and the check that compares it with backpropagation.
import type { Params } from './types'

/**
 * d loss / d x by central differences. Each element of x is moved to x+h, then x-h, in place,
 * and `loss` (which reads x through the model) is evaluated; then the element is restored.
 * A matrix is walked row by row, as the notebook's numerical_gradient does.
 */
export function numericalGradient(
  loss: () => number,
  x: Float64Array,
  h: number,
  /** Told both evaluations of element i (the explained step shows them). */
  probe?: (i: number, plus: number, minus: number) => void
): Float64Array {
  const grad = new Float64Array(x.length)
  for (let i = 0; i < x.length; i++) {
    const tmp = x[i]
    x[i] = tmp + h
    const fxh1 = loss()
    x[i] = tmp - h
    const fxh2 = loss()
    grad[i] = (fxh1 - fxh2) / (2 * h)
    x[i] = tmp
    probe?.(i, fxh1, fxh2)
  }
  return grad
}

/** The two evaluations behind each element of a numerical gradient, L(w + h) and L(w − h). */
export interface Probes {
  plus: Float64Array
  minus: Float64Array
}

/**
 * Numerical gradients of every parameter, in the given order, all before any update; `probes`,
 * when given, is filled with each parameter's evaluations (keyed by the parameter's name).
 */
export function numericalGradients(loss: () => number, params: Params, names: string[], h: number, probes?: Record<string, Probes>): Params {
  const grads: Params = {}
  for (const name of names) {
    const p = params[name]
    let record: ((i: number, plus: number, minus: number) => void) | undefined
    if (probes) {
      const got: Probes = { plus: new Float64Array(p.data.length), minus: new Float64Array(p.data.length) }
      probes[name] = got
      record = (i, plus, minus) => {
        got.plus[i] = plus
        got.minus[i] = minus
      }
    }
    grads['d' + name] = { rows: p.rows, cols: p.cols, data: numericalGradient(loss, p.data, h, record) }
  }
  return grads
}

export interface GradientDiff {
  maxAbs: number
  /** Largest |a - b| / max(|a|, |b|): 1e-12 stands in for max(|a|, |b|) when both are (nearly) zero. */
  maxRel: number
}

/** Compare two gradients (e.g. numerical vs backprop) parameter by parameter; keys are a's. */
export function gradientCheck(a: Params, b: Params): Record<string, GradientDiff> {
  const out: Record<string, GradientDiff> = {}
  for (const [name, ga] of Object.entries(a)) {
    const gb = b[name]
    if (!gb || gb.data.length !== ga.data.length) throw new RangeError(`gradientCheck: ${name} missing or of another size`)
    let maxAbs = 0
    let maxRel = 0
    for (let i = 0; i < ga.data.length; i++) {
      const d = Math.abs(ga.data[i] - gb.data[i])
      maxAbs = Math.max(maxAbs, d)
      maxRel = Math.max(maxRel, d / Math.max(Math.abs(ga.data[i]), Math.abs(gb.data[i]), 1e-12))
    }
    out[name] = { maxAbs, maxRel }
  }
  return out
}
