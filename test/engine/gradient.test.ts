// Numerical gradient and gradient check, against derivatives worked out by hand.
import { describe, expect, it } from 'vitest'
import { gradientCheck, numericalGradient, numericalGradients } from '../../src/engine/gradient'
import { vector } from '../../src/engine/linalg'

describe('numericalGradient', () => {
  it('f = x0^2 + x1^2 at (3, 4) gives (6, 8), the textbook example', () => {
    const x = Float64Array.from([3, 4])
    const g = numericalGradient(() => x[0] ** 2 + x[1] ** 2, x, 1e-4)
    expect(g[0]).toBeCloseTo(6, 8)
    expect(g[1]).toBeCloseTo(8, 8)
  })

  it('perturbs in place, one element at a time, and restores every element', () => {
    const x = Float64Array.from([1, 2, 3])
    const seen: number[][] = []
    numericalGradient(() => (seen.push(Array.from(x)), 0), x, 0.5)
    expect(seen).toEqual([
      [1.5, 2, 3],
      [0.5, 2, 3],
      [1, 2.5, 3],
      [1, 1.5, 3],
      [1, 2, 3.5],
      [1, 2, 2.5]
    ])
    expect(Array.from(x)).toEqual([1, 2, 3])
  })

  it('is the central difference (f(x+h) - f(x-h)) / 2h, exactly, for a cubic', () => {
    const x = Float64Array.from([2])
    const h = 0.5
    // (2.5^3 - 1.5^3) / 1 = 15.625 - 3.375
    expect(numericalGradient(() => x[0] ** 3, x, h)[0]).toBe(12.25)
  })

  it('numericalGradients names each gradient d + name and computes all before any change', () => {
    const params = { w: vector([1, 2]), b: vector([3]) }
    const loss = () => params.w.data[0] * params.b.data[0] + params.w.data[1] ** 2
    const g = numericalGradients(loss, params, ['w', 'b'], 1e-3)
    expect(Object.keys(g)).toEqual(['dw', 'db'])
    expect(g.dw.data[0]).toBeCloseTo(3, 9)
    expect(g.dw.data[1]).toBeCloseTo(4, 9)
    expect(g.db.data[0]).toBeCloseTo(1, 9)
  })
})

describe('gradientCheck', () => {
  it('reports max absolute and relative differences per parameter', () => {
    const a = { dW: vector([1, -2, 0]), db: vector([0.5]) }
    const b = { dW: vector([1.1, -2, 0]), db: vector([0.5]) }
    const r = gradientCheck(a, b)
    expect(r.dW.maxAbs).toBeCloseTo(0.1, 15)
    expect(r.dW.maxRel).toBeCloseTo(0.1 / 1.1, 15)
    expect(r.db).toEqual({ maxAbs: 0, maxRel: 0 })
  })
  it('names a missing parameter', () => {
    expect(() => gradientCheck({ dW: vector([1]) }, {})).toThrow(/dW missing/)
  })
})
