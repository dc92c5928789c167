// The decision boundary drawn on the maps: marching squares against boundaries known by hand.
import { describe, expect, it } from 'vitest'
import { contour } from '../../src/renderer/src/lib/components/contour'

describe('contour', () => {
  it('finds the vertical line x = 1.5 of a map that grows with the column', () => {
    const n = 4
    const values = Array.from({ length: n * n }, (_, i) => i % n) // value = column
    const segments = contour(values, n, 1.5)
    expect(segments).toHaveLength(n - 1)
    for (const [x0, y0, x1, y1] of segments) {
      expect([x0, x1]).toEqual([1.5, 1.5])
      expect(Math.abs(y1 - y0)).toBe(1)
    }
  })

  it('puts the points of the diagonal x + y = 1 of a linear map where the edges cross it', () => {
    const n = 3
    const values = Array.from({ length: n * n }, (_, i) => (i % n) + Math.floor(i / n)) // x + y
    const segments = contour(values, n, 1.5)
    for (const [x0, y0, x1, y1] of segments) {
      expect(x0 + y0).toBeCloseTo(1.5, 12)
      expect(x1 + y1).toBeCloseTo(1.5, 12)
    }
    expect(segments.length).toBeGreaterThan(0)
  })

  it('has nothing to draw where the map never reaches the level', () => {
    expect(contour(new Float64Array(9).fill(0.2), 3, 0.5)).toEqual([])
  })
})
