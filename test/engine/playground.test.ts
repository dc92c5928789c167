// The playground engine against numpy (fixtures/make_playground_fixtures.py): data sets and splits
// for a seed, one pass of an [8, 8] tanh softmax network, short training runs, the gradient check.
import { describe, expect, it } from 'vitest'
import { gradientCheck } from '../../src/engine/gradient'
import { matrix } from '../../src/engine/linalg'
import {
  backpropGradients,
  gradientCheckOf,
  backward,
  createPlaygroundTrainer,
  dataLoss,
  divergedEpoch,
  forward,
  generate,
  numericalGradientsOf,
  permutation,
  playgroundModel,
  type DatasetName,
  type NetworkShape,
  type PlaygroundTraining
} from '../../src/engine/playground'
import { RandomState } from '../../src/engine/random'
import type { Params } from '../../src/engine/types'
import fixture from '../fixtures/playground.json'
import { expectClose } from './close'

const asParams = (flat: Record<string, number[]>, like: Params): Params =>
  Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, matrix(like[k].rows, like[k].cols, v)]))

describe('playground data sets', () => {
  for (const d of fixture.datasets) {
    it(`${d.data} (${d.classes} classes, seed ${d.seed}, ${d.points} points, noise ${d.noise}) is numpy's, split included`, () => {
      const rs = new RandomState(d.seed)
      const points = generate({ data: d.data as DatasetName, classes: d.classes, points: d.points, noise: d.noise }, rs)
      // sin/cos may differ from the C library's by an ulp; the labels and the split are exact
      expectClose(points.flatMap((p) => [p[0], p[1]]), d.x, { rel: 1e-13, abs: 1e-13 }, 'x')
      expect(points.map((p) => p[2])).toEqual(d.t)
      const n = d.points
      const order = permutation(rs, n)
      const nTest = d.test.length
      expect(order.slice(0, n - nTest)).toEqual(d.train)
      expect(order.slice(n - nTest)).toEqual(d.test)
    })
  }
})

describe('an [8, 8] tanh network with softmax output', () => {
  const p = fixture.onePass
  const net: NetworkShape = { inputs: p.features.length, layers: [8, 8], activation: 'tanh', classes: 3, loss: 'cross-entropy' }
  const X = matrix(p.t.length, p.features.length, p.X)
  const t = Int32Array.from(p.t)
  const like: Params = { W1: matrix(4, 8), b1: matrix(1, 8), W2: matrix(8, 8), b2: matrix(1, 8), W3: matrix(8, 3), b3: matrix(1, 3) }
  const params = asParams(p.params, like)

  it("forward and backward equal numpy's", () => {
    const pass = forward(net, params, X)
    expectClose(pass.Y.data, p.Y, { rel: 1e-12 }, 'Y')
    expectClose(dataLoss(net, pass.Y, t), p.loss, { rel: 1e-12 }, 'loss')
    const grads = backward(net, params, pass, t)
    for (const [name, g] of Object.entries(p.grads)) expectClose(grads[name].data, g, { rel: 1e-10, abs: 1e-14 }, name)
  })

  it('backprop and the numerical gradient agree within 1e-7 relative, with and without L1/L2', () => {
    for (const [regularization, regRate] of [['none', 0], ['l2', 0.01], ['l1', 0.003]] as const) {
      const pen = { regularization, regRate }
      const check = gradientCheckOf(net, params, X, t, pen, 1e-5)
      for (const [name, d] of Object.entries(check)) expect(d.relative, `${regularization} ${name}`).toBeLessThan(1e-7)
      // the check can fail: a wrong gradient is seen
      const wrong = backpropGradients(net, params, X, t, { regularization: 'l2', regRate: 1e-4 })
      const right = numericalGradientsOf(net, params, X, t, { regularization: 'none', regRate: 0 }, 1e-5)
      expect(gradientCheck(wrong, right).dW1.maxAbs).toBeGreaterThan(1e-6)
    }
  })
})

describe('playground training', () => {
  for (const run of fixture.runs) {
    const c = run.config as PlaygroundTraining
    it(`${c.data} ${JSON.stringify(c.layers)} ${c.activation} ${c.loss} ${c.init} batch ${c.batch} ${c.regularization}: every epoch is numpy's`, () => {
      const trainer = createPlaygroundTrainer(c)
      for (const e of run.log) {
        const r = trainer.step()!
        expect(r.step).toBe(e.epoch)
        expectClose([r.loss, r.testLoss!], [e.trainLoss, e.testLoss], { rel: 1e-11 }, `epoch ${e.epoch} losses`)
        expect([r.trainAcc, r.testAcc]).toEqual([e.trainAcc, e.testAcc])
      }
      const final = trainer.params()
      for (const [name, v] of Object.entries(run.params)) expectClose(final[name].data, v, { rel: 1e-10, abs: 1e-13 }, name)
    })
  }

  const base = fixture.runs[0].config as PlaygroundTraining

  it('the numerical gradient trains as backprop does, to the precision of h', () => {
    const a = createPlaygroundTrainer({ ...base, epochs: 2 })
    const b = createPlaygroundTrainer({ ...base, epochs: 2, gradient: 'numerical', h: 1e-5 })
    a.step()
    b.step()
    const [pa, pb] = [a.params(), b.params()]
    for (const name of Object.keys(pa)) expectClose(pb[name].data, pa[name].data, { rel: 1e-7, abs: 1e-10 }, name)
  })

  it('a learning rate too large stops the run in the chapter’s terms and keeps the last finite network', () => {
    const c: PlaygroundTraining = { ...base, points: 500, activation: 'relu', layers: [8, 8], lr: 10, epochs: 50 }
    const trainer = createPlaygroundTrainer(c)
    const before = playgroundModel(c).params
    expect(() => {
      while (trainer.done < trainer.total) trainer.step()
    }).toThrow(/^diverged in epoch \d+: the loss became infinite or not a number; the learning rate is too large/)
    let reason = ''
    try {
      trainer.step()
    } catch (e) {
      reason = (e as Error).message
    }
    expect(reason).not.toMatch(/NaN/)
    expect(divergedEpoch(`training failed: ${reason}`)).toBe(trainer.done + 1)
    const kept = trainer.params()
    for (const m of Object.values(kept)) expect(m.data.every(Number.isFinite)).toBe(true)
    if (trainer.done === 0) for (const k of Object.keys(kept)) expect(kept[k].data).toEqual(before[k].data)
  })

  it('a branch logs its edited epoch whatever the log interval, and holds there when started paused', () => {
    const branch = fixture.runs.find((r) => (r.config as PlaygroundTraining).edits.length > 0)!
    const c = { ...(branch.config as PlaygroundTraining), logEvery: 4 }
    const trainer = createPlaygroundTrainer(c)
    expect(trainer.holdAt).toBe(6)
    const logged: number[] = []
    while (trainer.done < trainer.total) {
      const r = trainer.step()
      if (r) logged.push(r.step)
    }
    expect(logged).toEqual([4, 6, 8, 12, 15])
    // the edits changed what was learned: the same run without them ends elsewhere
    const plain = createPlaygroundTrainer({ ...c, edits: [] })
    while (plain.done < plain.total) plain.step()
    expect(plain.params().W2.data).not.toEqual(trainer.params().W2.data)
  })

  it('custom points are the data set exactly; their labels give the classes', () => {
    const custom = [
      [0, 0, 0],
      [1, 1, 1],
      [2, -1, 2],
      [-3, 2, 1]
    ] as const
    const m = playgroundModel({ ...base, data: 'custom', custom, testRatio: 0.25 })
    expect(m.net.classes).toBe(3)
    const all = [...m.train.points, ...m.test.points].map((p) => p.join()).sort()
    expect(all).toEqual(custom.map((p) => p.join()).sort())
    expect(m.test.points).toHaveLength(1)
  })
})
