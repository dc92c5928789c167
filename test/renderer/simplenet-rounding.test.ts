// When SimpleNet's numerical gradient is ruled by rounding rather than by h², on the notebook's
// inputs (x = (0.6, 0.9), t = class 2, W from seed 1).
import { describe, expect, it } from 'vitest'
import { simpleNet } from '../../src/engine'
import type { SimpleNetConfig } from '../../src/shared/config'
import { errorByH, roundingAt, truncationPerH2 } from '../../src/renderer/src/lessons/simplenet/rounding'

const config: SimpleNetConfig = { kind: 'simplenet', seed: 1, x: [0.6, 0.9], t: [0, 0, 1], h: 1e-4, steps: 0, lr: 0.1 }
const W = simpleNet(config).W.flat()
const at = (h: number) => {
  const r = simpleNet({ ...config, h })
  return roundingAt(h, r.dW, r.dWBackprop, r.maxDiff, truncationPerH2(config, W))
}

describe('rounding error of the numerical gradient', () => {
  it('is fine at the book’s h = 1e-4 and at 1e-2', () => {
    expect(at(1e-4).kind).toBe('fine')
    expect(at(1e-2).kind).toBe('fine')
  })

  it('dominates at h = 1e-8 and collapses dW to 0 at h = 1e-300', () => {
    expect(at(1e-8).kind).toBe('dominates')
    expect(at(1e-300).kind).toBe('collapsed')
  })

  it('draws a V: the error falls like h² down to about 1e-5, then grows as h shrinks', () => {
    const curve = errorByH(config, W)
    expect(curve.map((p) => p.h)).toEqual([1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12])
    const lowest = curve.reduce((a, b) => (b.error < a.error ? b : a))
    expect(lowest.h).toBeGreaterThanOrEqual(1e-6)
    expect(lowest.h).toBeLessThanOrEqual(1e-4)
    // each factor 10 in h is a factor ~100 in the error on the truncation side
    expect(curve[1].error / curve[2].error).toBeGreaterThan(50)
    expect(curve[11].error).toBeGreaterThan(1000 * lowest.error)
  })
})
