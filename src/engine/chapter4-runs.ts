// Lessons 4.2, 4.3 and 4.4 as runs: each one instant computation stored whole (like SimpleNet),
// step 0 its only record. The expression is parsed here, so a run names its own function.
import { exactDerivative, parseExpr, describeExprProblem, type Arity, type Expr } from './expr'
import { numericalDiff } from './derivative/diff'
import { gradientAt } from './derivative/gradient'
import { lossTerms, oneHot } from './loss/terms'
import type { DerivativeInput, GradientInput, LossInput, Matrix, StepRecord } from './types'

const row = (values: readonly number[]): Matrix => ({ rows: 1, cols: values.length, data: Float64Array.from(values) })

function expression(source: string, arity: Arity): Expr {
  const r = parseExpr(source, arity)
  if (!r.ok) throw new RangeError(`f: ${describeExprProblem(r.problem, arity)}`)
  return r.expr
}

// The results are parameters of the one record (stored as float64, where NaN, "undefined", keeps):
// no predictions.

/** loss: the cross-entropy; params y, the one-hot t and E = [mse, cee]. */
export function lossRecords(c: LossInput): { records: StepRecord[]; predictions: number[] } {
  const t = oneHot(c.t, c.y.length)
  const terms = lossTerms(c.y, t)
  return { records: [{ step: 0, loss: terms.ceeTotal, params: { y: row(c.y), t: row(t), E: row([terms.mseTotal, terms.ceeTotal]) } }], predictions: [] }
}

/** loss: f(x); params x and d = [numerical, exact] (NaN where undefined). */
export function derivativeRecords(c: DerivativeInput): { records: StepRecord[]; predictions: number[] } {
  const f = expression(c.f, 1)
  const at = c.precision === 'float32' ? (v: number) => f.f32([v]) : (v: number) => f.f([v])
  const d = numericalDiff(at, c.x, c.h, c.method, c.precision)
  const exact = exactDerivative(f, 'x')?.f([c.x]) ?? NaN
  return { records: [{ step: 0, loss: f.f([c.x]), params: { x: row([c.x]), d: row([d, exact]) } }], predictions: [] }
}

/** loss: f(x0, x1); params x and grad (the book's numerical_gradient). */
export function gradientRecords(c: GradientInput): { records: StepRecord[]; predictions: number[] } {
  const f = expression(c.f, 2)
  const grad = gradientAt(f.f, [c.x0, c.x1], c.h)
  return { records: [{ step: 0, loss: f.f([c.x0, c.x1]), params: { x: row([c.x0, c.x1]), grad: row(grad) } }], predictions: [] }
}
