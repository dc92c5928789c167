// The line chart's axes follow the run, not what is overlaid on it: a 5-iteration run beside the
// notebook's printed iterations 1-97, a single logged step, a log scale with a zero in the data.
import { describe, expect, it } from 'vitest'
import { datasets, scales, type Series } from '../../src/renderer/src/lib/components/chart'

const run: Series = { label: 'loss', xs: [1, 2, 3, 4, 5], ys: [402.8, 371.6, 354.1, 352.2, 346.2], color: '#2563eb' }
const notebook: Series = { label: 'notebook', xs: [1, 2, 10, 88, 97], ys: [402.8, 371.6, 340.8, 288.8, 274.5], color: '#7f1d1d', scatter: true, reference: true }

describe('line chart axes', () => {
  it('fit x to the run’s iterations and cut the reference to them', () => {
    const spec = { series: [run, notebook], xLabel: 'iteration', yLabel: 'loss' }
    expect(scales(spec).x).toMatchObject({ min: 1, max: 5 })
    const [own, reference] = datasets(spec)
    expect(own.data).toHaveLength(5)
    expect(reference.data).toEqual([
      { x: 1, y: 402.8 },
      { x: 2, y: 371.6 }
    ])
    // drawn faint and under the run's line
    expect(reference.borderColor).toBe('#7f1d1d80')
    expect(reference.order).toBeGreaterThan(own.order)
  })

  it('leave out a reference with no point where the run has been, legend entry included', () => {
    // a 2-iteration run beside notebook crosses at iterations 10 and 88 only
    const sparse: Series = { ...notebook, xs: [10, 88], ys: [340.8, 288.8] }
    const two: Series = { ...run, xs: [1, 2], ys: [402.8, 371.6] }
    const sets = datasets({ series: [two, sparse], xLabel: 'iteration', yLabel: 'loss' })
    expect(sets.map((d) => d.label)).toEqual(['loss'])
  })

  it('give a single step an axis from 0 to it, and a single value one from 0 to twice it', () => {
    const one: Series = { label: 'accuracy', xs: [100], ys: [0.91], color: '#000' }
    const axes = scales({ series: [one], xLabel: 'iteration', yLabel: 'accuracy' })
    expect(axes.x).toMatchObject({ min: 0, max: 100 })
    expect(axes.y).toMatchObject({ min: 0, max: 1.82 })
  })

  it('leave values ≤ 0 out of a log scale', () => {
    const s: Series = { label: 'loss', xs: [1, 2, 3], ys: [1, 0, 0.01], color: '#000' }
    expect(datasets({ series: [s], xLabel: 'step', yLabel: 'loss', logY: true })[0].data).toEqual([
      { x: 1, y: 1 },
      { x: 3, y: 0.01 }
    ])
  })
})
