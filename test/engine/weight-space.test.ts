// The weight-space view's loss slices against numpy's logged losses (gates.json, xor2.json from
// fixtures/make_fixtures.py) and hand-computed values at the plateau.
import { describe, expect, it } from 'vitest'
import { matrix } from '../../src/engine/linalg'
import type { GateName, Params } from '../../src/engine/types'
import { coordinates, gateLoss, lossSlice, PLATEAU, simpleNetLoss, sliceGradient, xor2Loss } from '../../src/engine/weight-space'
import gates from '../fixtures/gates.json'
import xor2 from '../fixtures/xor2.json'
import { expectClose } from './close'

const around = (v: number): { lo: number; hi: number } => ({ lo: v - 1, hi: v + 1 })

describe('weight-space slices', () => {
  it("the gate's slice through its own weights holds numpy's loss at its centre", () => {
    const run = gates.runs[3]
    const e = run.log.at(-1)!
    const p: Params = { w: matrix(1, 2, e.weights), b: matrix(1, 1, e.bias) }
    const [w1, w2] = coordinates(p, ['w', 'b'])
    // a 3x3 grid centred on (w1, w2): its middle cell is the parameters themselves
    const s = lossSlice(gateLoss(run.config.gate as GateName), p, w1, w2, around(e.weights[0]), around(e.weights[1]), 3)
    expectClose(s[4], e.loss, { rel: 1e-12 }, `loss at epoch ${e.epoch}`)
    // and the parameters passed in are untouched
    expect(Array.from(p.w.data)).toEqual(e.weights)
  })

  it("the XOR slice over b2 and W2[1] holds numpy's loss at its centre", () => {
    const run = xor2.runs[0]
    const e = run.log.at(-1)!
    const p: Params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, matrix(1, v.length, v)]))
    const all = coordinates(p, ['W1', 'b1', 'W2', 'b2'])
    expect(all.map((c) => `${c.name}${c.index}`)).toEqual(['W10', 'W11', 'b10', 'b11', 'W20', 'W21', 'b20'])
    const s = lossSlice(xor2Loss, p, all[6], all[5], around(e.params.b2[0]), around(e.params.W2[1]), 3)
    expectClose(s[4], e.loss, { rel: 1e-12 }, `loss at epoch ${e.epoch}`)
  })

  it('every output 0.5 is the plateau 2 log 2, flat for XOR and sloped for OR (hand-computed)', () => {
    const zero: Params = { w: matrix(1, 2, [0, 0]), b: matrix(1, 1, [0]) }
    const [w1, w2, b] = coordinates(zero, ['w', 'b'])
    expect(gateLoss('XOR')(zero)).toBeCloseTo(PLATEAU, 15)
    expectClose(sliceGradient(gateLoss('XOR'), zero, w1, w2), [0, 0], { abs: 1e-10 })
    // OR: dL/dw_j = Σ 0.5 (0.5 − t) x_j = −0.5 for both weights, dL/db = 0.5 Σ (0.5 − t) = −0.5
    expectClose(sliceGradient(gateLoss('OR'), zero, w1, b), [-0.5, -0.5], { rel: 1e-9 })
  })

  it("SimpleNet's loss is the notebook's −Σ t log(softmax(x·W) + 1e-4)", () => {
    // W = 0: softmax is 1/3 each, so L = −log(1/3 + 1e-4)
    const p: Params = { W: matrix(2, 3) }
    expect(simpleNetLoss([0.6, 0.9], [0, 0, 1])(p)).toBeCloseTo(-Math.log(1 / 3 + 1e-4), 15)
  })

  it('stores a loss that is not finite as NaN', () => {
    const p: Params = { w: matrix(1, 2, [0, 0]), b: matrix(1, 1, [0]) }
    const [w1, w2] = coordinates(p, ['w', 'b'])
    const s = lossSlice(gateLoss('AND'), p, w1, w2, { lo: -1e4, hi: 1e4 }, { lo: -1e4, hi: 1e4 }, 2)
    expect(s.some(Number.isNaN)).toBe(true)
    expect(s.every((v) => Number.isNaN(v) || Number.isFinite(v))).toBe(true)
  })
})
