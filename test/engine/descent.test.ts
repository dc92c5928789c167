// Chapter 4.4.1's gradient descent against numpy (fixtures/make_descent_fixture.py) and the
// numbers the book's gradient_method.py prints.
import { describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import { createDescentTrainer } from '../../src/engine/descent'
import { parseExpr } from '../../src/engine/expr'
import type { DescentTraining, StepRecord } from '../../src/engine/types'
import fixture from '../fixtures/descent.json'
import { expectClose } from './close'

const config = (lr: number, steps: number, logEvery = 1): DescentTraining => ({
  kind: 'descent',
  f: 'function_2',
  init: [-3, 4],
  lr,
  steps,
  h: 1e-4,
  logEvery
})

const parsed = parseExpr('function_2', 2)
if (!parsed.ok) throw new Error('function_2 must parse')
const function2 = parsed.expr.f

function run(c: DescentTraining): StepRecord[] {
  const trainer = createDescentTrainer(c, function2)
  const records = [trainer.start]
  while (trainer.done < trainer.total) {
    const r = trainer.step()
    if (r) records.push(r)
  }
  return records
}

describe('gradient descent (4.4.1)', () => {
  for (const c of fixture.cases) {
    it(`from (-3, 4), lr ${c.lr}, ${c.steps} steps: every point and f(x) as numpy, within 1e-12 relative`, () => {
      const records = run(config(c.lr, c.steps))
      expect(records.map((r) => r.step)).toEqual(Array.from({ length: c.steps + 1 }, (_, i) => i))
      records.forEach((r, i) => {
        expectClose(r.params!.x.data, c.path[i], { rel: 1e-12 }, `x at step ${i}`)
        expectClose(r.loss, c.f[i], { rel: 1e-12 }, `f at step ${i}`)
      })
    })
  }

  it("ends where the book's gradient_method.py prints it", () => {
    const last = (lr: number): number[] => Array.from(run(config(lr, 100)).at(-1)!.params!.x.data)
    expectClose(last(0.1), [-6.11110793e-10, 8.14814391e-10], { rel: 1e-8 }, 'lr 0.1')
    expectClose(last(10), [-2.58983747e13, -1.29524862e12], { rel: 1e-8 }, 'lr 10')
    expectClose(last(1e-10), [-2.99999994, 3.99999992], { rel: 1e-8 }, 'lr 1e-10')
  })

  it('logs every K steps, the start and the last step always', () => {
    expect(run(config(0.1, 10, 4)).map((r) => r.step)).toEqual([0, 4, 8, 10])
  })

  it('reports the step where f went to infinity, whatever the log interval', () => {
    // f = −exp(x0): x0 ← x0 + exp(x0) from 3 is 23.1, then 1e10, where exp overflows
    const cliff = (x: ArrayLike<number>): number => -Math.exp(x[0]) + x[1] ** 2
    const trainer = createDescentTrainer({ ...config(1, 1000, 500), init: [3, 0] }, cliff)
    let r: StepRecord | null = null
    while (!r) r = trainer.step()
    expect(Number.isFinite(r.loss)).toBe(false)
    expect(r.step).toBeLessThan(10)
  })

  it('refuses a start point where f has no finite value, naming it', () => {
    const log = (x: ArrayLike<number>): number => Math.log(x[0]) + x[1] ** 2
    expect(() => createDescentTrainer({ ...config(0.1, 5), init: [-1, 0] }, log)).toThrow(/f is NaN at the start point \(-1, 0\)/)
  })

  it('at lr 10 the point stops at ~2.6e13: there x ± h rounds to x, so the numerical gradient is 0', () => {
    const at100 = run(config(10, 100, 100)).at(-1)!.params!.x.data
    const at1000 = run(config(10, 1000, 1000)).at(-1)!.params!.x.data
    expect(Array.from(at1000)).toEqual(Array.from(at100))
  })

  it('createTrainer parses f: function_2 by name, an expression in x0, x1, and refuses a bad one', () => {
    expect(createTrainer(config(0.1, 1)).start?.loss).toBe(25)
    // x0² + x1² typed out walks the same path as function_2
    const typed = createTrainer({ ...config(0.1, 5), f: 'x0^2 + x1^2' })
    while (typed.done < typed.total) typed.step()
    expectClose(typed.params().x.data, fixture.cases[0].path[5], { rel: 1e-12 })
    expect(() => createTrainer({ ...config(0.1, 1), f: 'x0 +* x1' })).toThrow(/position/)
  })
})
