// The landscape's pure parts against hand-computed values: sampling, the colour scale's position
// and its inverse, marching-squares contours and round ticks.
import { describe, expect, it } from 'vitest'
import { contour, finiteRange, levels, position, sample, ticks, valueAt } from '../../src/renderer/src/lib/components/landscape/grid'
import { ramp } from '../../src/renderer/src/lib/components/landscape/ramp'

describe('landscape grid', () => {
  it('samples row by row from the bottom left, storing what is not finite as NaN', () => {
    const g = sample((x, y) => (x === 1 && y === 1 ? Infinity : 10 * y + x), { lo: 0, hi: 1 }, { lo: 0, hi: 1 }, 2)
    expect(Array.from(g.values)).toEqual([0, 1, 10, NaN])
    expect(finiteRange(g.values)).toEqual({ lo: 0, hi: 10 })
    expect(finiteRange([NaN])).toBeNull()
  })

  it('places values on the scale linearly or by decades, and inverts it', () => {
    const r = { lo: 0, hi: 25 }
    expect(position(12.5, r, false)).toBe(0.5)
    expect(position(-1, r, false)).toBe(0)
    // log: eps = 0.025, so 0.025·(1001)^0.5 − 0.025 ≈ 0.766 sits in the middle
    expect(valueAt(0.5, r, true)).toBeCloseTo(0.025 * Math.sqrt(1001) - 0.025, 12)
    for (const p of [0, 0.2, 0.7, 1]) expect(position(valueAt(p, r, true), r, true)).toBeCloseTo(p, 12)
    expect(levels(r, 4, false)).toEqual([5, 10, 15, 20])
  })

  it('draws the contour of a plane as one straight line across the cells it crosses', () => {
    // f = x on a 3x3 grid over [0, 2]: the level 0.5 crosses the left column of cells at x = 0.5
    const g = sample((x) => x, { lo: 0, hi: 2 }, { lo: 0, hi: 2 }, 3)
    const segs = contour(g, 0.5)
    expect(segs).toEqual([
      [0.5, 0, 0.5, 1],
      [0.5, 1, 0.5, 2]
    ])
    expect(contour(g, 5)).toEqual([])
  })

  it('gives a saddle cell two segments', () => {
    const g = { n: 2, x: { lo: 0, hi: 1 }, y: { lo: 0, hi: 1 }, values: Float64Array.from([1, 0, 0, 1]) }
    expect(contour(g, 0.5)).toHaveLength(2)
  })

  it('ticks at 1, 2 or 5 times a power of ten', () => {
    expect(ticks({ lo: -2, hi: 2.25 }, 5)).toEqual([-2, -1, 0, 1, 2])
    expect(ticks({ lo: -3.5, hi: 3.5 }, 4)).toEqual([-2, 0, 2])
    expect(ticks({ lo: 0.1, hi: 0.3 }, 4)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3])
  })

  it('colours low dark and high light, and what is not a number grey', () => {
    const lum = ([r, g, b]: number[]): number => 0.299 * r + 0.587 * g + 0.114 * b
    expect(lum(ramp(0))).toBeLessThan(lum(ramp(0.5)))
    expect(lum(ramp(0.5))).toBeLessThan(lum(ramp(1)))
    expect(ramp(NaN)).toEqual([190, 190, 190])
  })
})
