// The words a screen reader hears for a chart or a map, against values worked out by hand.
import { describe, expect, it } from 'vitest'
import { chartSummary, mapSummary } from '../../src/renderer/src/lib/components/text-equivalent'

describe('text equivalents of canvases', () => {
  const word = (s: { series: string; x: string; y: string; min: string; max: string }): string => `${s.series}: ${s.y} at ${s.x} (${s.min}..${s.max})`

  it('a chart says each series’ last finite value and its range', () => {
    const text = chartSummary(
      [
        { label: 'loss', xs: [1, 2, 3, 4], ys: [1.5, 0.75, 0.25, NaN] },
        { label: 'empty', xs: [], ys: [] }
      ],
      word
    )
    expect(text).toBe('loss: 0.25 at 3 (0.25..1.5)')
    expect(chartSummary([{ label: 'x', xs: [1], ys: [NaN] }], word)).toBeNull()
  })

  it('a map says its output at each point, from the nearest cell', () => {
    // 3×3 over [0, 1]: row 0 is x₂ = 0; the value is 10·row + column
    const values = [0, 1, 2, 10, 11, 12, 20, 21, 22].map((v) => v / 100)
    const text = mapSummary(values, 3, 0, 1, [{ x1: 0, x2: 0 }, { x1: 1, x2: 0 }, { x1: 0, x2: 1 }, { x1: 0.5, x2: 0.5 }], (p) => `(${p.x1},${p.x2})=${p.y}`)
    expect(text).toBe('(0,0)=0.00; (1,0)=0.02; (0,1)=0.20; (0.5,0.5)=0.11')
  })
})
