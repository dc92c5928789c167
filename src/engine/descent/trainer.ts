// Chapter 4.4.1's gradient descent: x -= lr * numerical_gradient(f, x), step_num times, from
// init_x, with the book's central-difference gradient (h 1e-4). Step 0 is the start; the book's
// x_history holds the points before each update, this trainer's records the points after it, so
// together with step 0 they are x_history and the returned x.
import { numericalGradient } from '../gradient'
import type { DescentTraining, Params, StepRecord, Trainer } from '../types'
import type { Objective2 } from './objective'

/** ∇f at x by central differences (the book's numerical_gradient for a 1-D x); x is restored. */
export function gradient2(f: Objective2, x: Float64Array, h: number): Float64Array {
  return numericalGradient(() => f(x), x, h)
}

/** One update x ← x − lr·∇f(x), in place. */
export function descentStep(f: Objective2, x: Float64Array, lr: number, h: number): void {
  const grad = gradient2(f, x, h)
  for (let i = 0; i < x.length; i++) x[i] -= lr * grad[i]
}

const record = (step: number, x: Float64Array, f: Objective2): StepRecord => ({
  step,
  loss: f(x),
  params: { x: { rows: 1, cols: 2, data: Float64Array.from(x) } }
})

export function createDescentTrainer(config: DescentTraining, f: Objective2): Trainer & { start: StepRecord } {
  if (config.init.length !== 2) throw new RangeError(`descent starts from two coordinates, got ${config.init.length}`)
  const x = Float64Array.from(config.init)
  const start = record(0, x, f)
  // a start where f has no value (log of a negative, 0/0) is refused: there is nowhere to walk from
  if (!Number.isFinite(start.loss)) throw new RangeError(`f is ${start.loss} at the start point (${config.init.join(', ')}): pick a start where f has a finite value`)
  let done = 0
  return {
    total: config.steps,
    get done() {
      return done
    },
    start,
    step(force = false): StepRecord | null {
      if (done >= config.steps) throw new Error(`descent is finished: all ${config.steps} steps are done`)
      descentStep(f, x, config.lr, config.h)
      done++
      const r = record(done, x, f)
      // a point gone to infinity is always reported, so the run fails at the step it happened
      const logged = force || done % config.logEvery === 0 || done === config.steps || !Number.isFinite(r.loss)
      return logged ? r : null
    },
    params: (): Params => ({ x: { rows: 1, cols: 2, data: Float64Array.from(x) } }),
    result: () => ({})
  }
}
