// The two-layer XOR (4.5.2) against the notebook's printed log and numpy fixtures.
import { describe, expect, it } from 'vitest'
import { gradientCheck, numericalGradients } from '../../src/engine/gradient'
import { matrix, fromRows } from '../../src/engine/linalg'
import type { Xor2Config } from '../../src/shared/config'
import { notebook } from '../../src/shared/kinds'
import { createXor2Trainer, xor2Forward, xor2Model, xor2Surface } from '../../src/engine/xor2'
import fixture from '../fixtures/xor2.json'
import { expectClose } from './close'
import { drain } from './drain'

const train = (config: Xor2Config): ReturnType<typeof drain> => drain(createXor2Trainer(config))

// the notebook's settings, printed every 100 epochs as its log is
const notebookXor: Xor2Config = { ...notebook.xor2, logEvery: 100 }

// The notebook's two cells, every 100 epochs: lr 0.1 for 1000 epochs, then lr 0.3 on the same model.
const printedLoss = [
  1.3735671088815753, 1.3651207639926013, 1.353442133114538, 1.3368594082199925, 1.3137221263821095,
  1.2822263227992128, 1.2366196689828508, 1.1394214854008515, 0.888854116541407, 0.6256077807762299,
  0.26423816180460497, 0.15472193951681867, 0.10712110936785606, 0.08124302351322064, 0.0651692042852715,
  0.05428045337331503, 0.04644351003527885, 0.040545985198490495, 0.035953989738723505, 0.03228103535893161
]

// Two layers amplify the numerical gradient's rounding noise (see gates.test.ts) a little more:
// today's numpy and the notebook's printout differ by up to 3e-11 relative.
const LOSS = { rel: 1e-9 }

describe('two-layer XOR reproduces the notebook (seed 1, 0.1x1000 then 0.3x1000)', () => {
  const { records, predictions } = train(notebookXor)
  it('loss every 100 epochs, counted across both segments, with each segment’s lr', () => {
    const rs = [...records.values()]
    expect(rs.map((r) => r.step)).toEqual(Array.from({ length: 20 }, (_, i) => 100 * (i + 1)))
    expect(rs.map((r) => r.lr)).toEqual([...Array(10).fill(0.1), ...Array(10).fill(0.3)])
    expectClose(rs.map((r) => r.loss), printedLoss, LOSS, 'loss')
  })
  it('final predictions [0.01437328, 0.97911594, 0.98563516, 0.0144055]', () => {
    expectClose(predictions, [0.01437328, 0.97911594, 0.98563516, 0.0144055], { abs: 5.000001e-9 })
  })
  it('predictions after the first segment [0.2609618, 0.7639633, 0.68281861, 0.25773454]', () => {
    const first = train({ ...notebookXor, schedule: [notebookXor.schedule[0]] })
    expectClose(first.predictions, [0.2609618, 0.7639633, 0.68281861, 0.25773454], { abs: 5.000001e-9 })
  })
})

describe('two-layer XOR matches numpy', () => {
  for (const run of fixture.runs) {
    const c = run.config as Xor2Config
    it(`seed ${c.seed}, schedule ${c.schedule.map((s) => `${s.lr}x${s.epochs}`).join(',')}, h ${c.h}`, () => {
      const { records, predictions } = train({ ...c, logEvery: 1 })
      for (const l of run.log) {
        const r = records.get(l.epoch)!
        expect(r.lr).toBe(l.lr)
        expectClose(r.loss, l.loss, { rel: 5e-9 }, `epoch ${l.epoch} loss`)
        for (const [k, v] of Object.entries(l.params)) expectClose(r.params![k].data, v, { rel: 1e-8, abs: 1e-10 }, `epoch ${l.epoch} ${k}`)
        for (const [k, v] of Object.entries(l.grads)) expectClose(r.grads![k].data, v, { rel: 1e-8, abs: 1e-10 }, `epoch ${l.epoch} ${k}`)
      }
      expectClose(predictions, run.predictions, { rel: 1e-9 }, 'predictions')
    })
  }

  it('the surface helper gives each hidden unit and the output over a grid (x1 fastest)', () => {
    const run = fixture.runs[0]
    const last = run.log[run.log.length - 1].params
    const params = { W1: matrix(1, 2, last.W1), b1: matrix(1, 2, last.b1), W2: matrix(1, 2, last.W2), b2: matrix(1, 1, last.b2) }
    const s = xor2Surface(params, { size: 3, min: -0.5, max: 1.5 })
    const hidden = run.surface.hidden // numpy (9, 2), row-major
    expectClose(s.hidden[0], hidden.filter((_, i) => i % 2 === 0), { rel: 1e-14 }, 'hidden unit 1')
    expectClose(s.hidden[1], hidden.filter((_, i) => i % 2 === 1), { rel: 1e-14 }, 'hidden unit 2')
    expectClose(s.output, run.surface.output, { rel: 1e-14 }, 'output')
  })
})

describe('two-layer XOR model', () => {
  it('init draws W1 = randn(2), b1 = rand(2), W2 = randn(2), b2 = rand(1) from one seed, as numpy does', () => {
    for (const run of fixture.runs) {
      const p = xor2Model(run.config as Xor2Config).params
      for (const [k, v] of Object.entries(run.init)) expect(Array.from(p[k].data), `seed ${run.config.seed} ${k}`).toEqual(v)
    }
  })

  it('both hidden units see the same weighted sum and differ only by their bias (the notebook’s broadcast)', () => {
    const params = { W1: matrix(1, 2, [2, -1]), b1: matrix(1, 2, [0.5, -3]), W2: matrix(1, 2, [1, 1]), b2: matrix(1, 1, [0]) }
    const { hidden } = xor2Forward(params, fromRows([[1, 1]]))
    const sig = (v: number) => 1 / (1 + Math.exp(-v))
    expectClose(hidden.data, [sig(2 - 1 + 0.5), sig(2 - 1 - 3)], { rel: 1e-15 })
  })

  it('backprop agrees with the numerical gradient (h 1e-5) within 1e-6 relative, for several seeds', () => {
    for (const seed of [1, 2, 7, 42]) {
      const model = xor2Model({ ...notebookXor, seed })
      const numerical = numericalGradients(model.loss, model.params, model.names, 1e-5)
      for (const [name, d] of Object.entries(gradientCheck(numerical, model.backprop()))) {
        expect(d.maxRel, `seed ${seed} ${name}`).toBeLessThan(1e-6)
      }
    }
  })

  it('backprop training lands on the notebook’s predictions (to 1e-6)', () => {
    const { predictions } = train({ ...notebookXor, gradient: 'backprop' })
    expectClose(predictions, [0.01437328, 0.97911594, 0.98563516, 0.0144055], { abs: 1e-6 })
  })
})
