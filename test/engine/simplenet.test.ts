// SimpleNet (4.4.2) against the notebook's printed numbers and numpy fixtures; backprop vs numerical.
import { describe, expect, it } from 'vitest'
import { simpleNet } from '../../src/engine/simplenet'
import type { SimpleNetConfig } from '../../src/shared/config'
import fixture from '../fixtures/simplenet.json'
import { expectClose } from './close'

const notebookConfig: SimpleNetConfig = { kind: 'simplenet', seed: 1, x: [0.6, 0.9], t: [0, 0, 1], h: 1e-4, steps: 0, lr: 0.1 }

describe('SimpleNet reproduces the notebook', () => {
  const r = simpleNet(notebookConfig)
  it('W, p, argmax (printed to 8 decimals)', () => {
    expectClose(r.W.flat(), [1.62434536, -0.61175641, -0.52817175, -1.07296862, 0.86540763, -2.3015387], { abs: 5e-9 })
    expectClose(r.p, [0.00893546, 0.41181302, -2.38828788], { abs: 5e-9 })
    expect(r.argmax).toBe(1)
  })
  it('loss 3.344918677423258 (printed to the last digit)', () => {
    expectClose(r.loss, 3.344918677423258, { rel: 1e-15 })
  })
  it('dW (numerical, h = 1e-4)', () => {
    expectClose(r.dW.flat(), [0.23126277, 0.34599771, -0.57726048, 0.34689416, 0.51899657, -0.86589073], { abs: 5e-9 })
  })
})

describe('SimpleNet matches numpy', () => {
  for (const c of fixture.cases) {
    const label = `seed ${c.config.seed}, x ${c.config.x}, t ${c.config.t}, h ${c.config.h}${c.config.W ? ', W given' : ''}${c.config.steps ? `, ${c.config.steps} steps` : ''}`
    it(label, () => {
      const r = simpleNet(c.config as SimpleNetConfig)
      // forward values differ from numpy by rounding only; dW divides a loss difference by 2h, so its
      // noise is about ulp(loss)/2h ~ 1e-12 absolute, and steps carry that noise into W
      expectClose(r.W.flat(), c.W, { rel: c.config.steps ? 1e-10 : 0 }, 'W')
      expectClose(r.p, c.p, { rel: 1e-10 }, 'p')
      expect(r.argmax).toBe(c.argmax)
      expectClose(r.y, c.y, { rel: 1e-10 }, 'y')
      expectClose(r.loss, c.loss, { rel: 1e-12 }, 'loss')
      expectClose(r.dW.flat(), c.dW, { abs: 1e-10 }, 'dW')
      if (c.history) expectClose(r.history!, c.history, { rel: 1e-12 }, 'history')
      else expect(r.history).toBeUndefined()
      // the weight-space path: numpy's W after the last step ends it, one point per step after the start
      if (c.history) {
        expect(r.path).toHaveLength(c.config.steps + 1)
        expectClose(r.path!.at(-1)!, c.W, { rel: 1e-10 }, 'path end')
      }
    })
  }
})

describe('SimpleNet gradients', () => {
  it('backprop agrees with the numerical gradient for every fixture case', () => {
    for (const c of fixture.cases) {
      const r = simpleNet(c.config as SimpleNetConfig)
      const scale = Math.max(...r.dWBackprop.flat().map(Math.abs))
      expect(r.maxDiff / scale, `seed ${c.config.seed}`).toBeLessThan(c.config.h >= 1e-3 ? 1e-5 : 1e-7)
    }
  })
  it('backprop includes the +1e-4 delta: for t=[0,0,1], dL/dp_3 = y_3 * (g_3 - g_3 y_3) with g_3 = -1/(y_3 + 1e-4)', () => {
    const r = simpleNet(notebookConfig)
    const y3 = r.y[2]
    const g3 = -1 / (y3 + 1e-4)
    expectClose(r.dWBackprop[0][2], 0.6 * y3 * (g3 - g3 * y3), { rel: 1e-14 })
    expectClose(r.dWBackprop[1][1], 0.9 * r.y[1] * (0 - g3 * y3), { rel: 1e-14 })
  })
  it('a gradient step lowers the loss', () => {
    const r = simpleNet({ ...notebookConfig, steps: 3, lr: 0.5 })
    expect(r.history![0]).toBeLessThan(3.344918677423258)
    expect(r.history![2]).toBeLessThan(r.history![1])
  })
})
