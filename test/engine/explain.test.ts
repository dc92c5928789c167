// The explained step: one epoch recomputed from the parameters before it, against numpy's epochs
// of the same runs (test/fixtures/gates.json and xor2.json, fixtures/make_fixtures.py).
import { describe, expect, it } from 'vitest'
import { explainStep, initialParams, paramsAfter } from '../../src/engine/explain'
import { matrix } from '../../src/engine/linalg'
import type { GateTraining, Params, Xor2Training } from '../../src/engine/types'
import gates from '../fixtures/gates.json'
import xor2 from '../fixtures/xor2.json'
import { expectClose } from './close'

const tol = { rel: 1e-9, abs: 1e-12 }
const gateRun = gates.runs[0] // AND, seed 1, lr 0.1, numerical, h 1e-5
const gateConfig = gateRun.config as GateTraining
const gateParams = (e: { weights: number[]; bias: number[] }): Params => ({ w: matrix(1, 2, e.weights), b: matrix(1, 1, e.bias) })

describe('explainStep (gate)', () => {
  it('epoch 1 from the seed: numpy’s gradients and parameters after, and after = before − η·gradient', () => {
    const x = explainStep(gateConfig, initialParams(gateConfig), 1)
    const want = gateRun.log[0]
    expect(want.epoch).toBe(1)
    expectClose(x.grads.dw.data, want.dw, tol, 'dw')
    expectClose(x.grads.db.data, want.db, tol, 'db')
    expectClose(x.after.w.data, want.weights, tol, 'w after')
    expectClose(x.after.b.data, want.bias, tol, 'b after')
    expectClose(x.lossAfter, want.loss, tol, 'loss after')
    for (const k of [0, 1]) expect(x.after.w.data[k]).toBe(x.before.w.data[k] - 0.1 * x.grads.dw.data[k])
    expect(x.lr).toBe(0.1)
  })

  it('epoch 3 from numpy’s epoch 2: the loss before is epoch 2’s, and each gradient is its two evaluations’ quotient', () => {
    const [, e2, e3] = gateRun.log
    const x = explainStep(gateConfig, gateParams(e2), 3)
    expectClose(x.lossBefore, e2.loss, tol, 'loss before')
    expectClose(x.lossAfter, e3.loss, tol, 'loss after')
    expectClose(x.grads.dw.data, e3.dw, { rel: 1e-6 }, 'dw')
    const { plus, minus } = x.probes!.w
    for (const k of [0, 1]) {
      expect(x.grads.dw.data[k]).toBe((plus[k] - minus[k]) / (2 * 1e-5))
      // L(w ± h) straddle the loss before by about ±h·dw
      expectClose(plus[k] - x.lossBefore, 1e-5 * x.grads.dw.data[k], { rel: 1e-3 }, 'L(w+h) − L(w)')
    }
  })

  it('refuses a step outside the run, naming the range', () => {
    expect(() => explainStep(gateConfig, initialParams(gateConfig), 1001)).toThrow('step must be an epoch from 1 to 1000, got 1001')
  })
})

describe('paramsAfter and explainStep (two-layer XOR)', () => {
  const run = xor2.runs[0]
  const config = run.config as Xor2Training
  const toParams = (p: Record<string, number[]>): Params =>
    Object.fromEntries(Object.entries(p).map(([k, v]) => [k, matrix(1, v.length, v)]))

  it('starts from numpy’s initial parameters and reaches its epoch 100 (learning rate of the first segment)', () => {
    for (const [k, v] of Object.entries(run.init)) expect(Array.from(initialParams(config)[k].data)).toEqual(v)
    const e100 = run.log.find((e) => e.epoch === 100)!
    const at = paramsAfter(config, initialParams(config), 0, 100)
    for (const [k, v] of Object.entries(e100.params)) expectClose(at[k].data, v, { rel: 1e-8 }, k)
  })

  it('explains epoch 1001 with the second segment’s learning rate, 0.3', () => {
    const e1000 = run.log.find((e) => e.epoch === 1000)!
    const e1100 = run.log.find((e) => e.epoch === 1100)!
    const x = explainStep(config, toParams(e1000.params), 1001)
    expect(x.lr).toBe(0.3)
    expectClose(x.lossBefore, e1000.loss, tol, 'loss before')
    const at = paramsAfter(config, x.after, 1001, 1100)
    for (const [k, v] of Object.entries(e1100.params)) expectClose(at[k].data, v, { rel: 1e-8 }, k)
  })
})
